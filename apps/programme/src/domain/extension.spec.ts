import {
  alertWhenDue,
  awaitDecision,
  canStillFinish,
  DEFAULT_TIMER_SETTINGS,
  expiryTimers,
  extendExpiry,
  Programme,
  recordAttendance,
  timersFor,
} from './index';
import { DAY, HOUR, START, weeklyProgramme } from './weekly-programme.spec-fixture';

const programme = weeklyProgramme;

const later = (p: Programme, days: number) => new Date(p.expiresAt.getTime() + days * DAY);

describe('an order extension', () => {
  it('gives an open programme the new expiry and the slack to finish after a missed session', () => {
    const p = programme(23);
    recordAttendance(p, { sessionIndex: 1, mark: 'unexcused_absence', excuseReason: null }, new Date(START.getTime() + HOUR));
    expect(canStillFinish(p)).toBe(false);
    expect(extendExpiry(p, later(p, 14))).toEqual({ extended: true, makeUpAgain: null });
    expect(canStillFinish(p)).toBe(true);
  });

  it('replaces the warnings before expiry: the old ones fall silent, new ones are due before the new expiry', () => {
    const p = programme(29);
    recordAttendance(p, { sessionIndex: 1, mark: 'excused_absence', excuseReason: 'detention' }, new Date(START.getTime() + HOUR));
    const [oldWarning] = expiryTimers(p, DEFAULT_TIMER_SETTINGS);
    expect(alertWhenDue(p, oldWarning, DEFAULT_TIMER_SETTINGS)).toBe('cannot_complete_before_expiry');
    extendExpiry(p, later(p, 10));
    expect(alertWhenDue(p, oldWarning, DEFAULT_TIMER_SETTINGS)).toBeNull();
    const [newWarning] = expiryTimers(p, DEFAULT_TIMER_SETTINGS);
    expect(newWarning.dueAt).toEqual(new Date(p.expiresAt.getTime() - 7 * DAY));
    expect(timersFor(p, DEFAULT_TIMER_SETTINGS)).toContainEqual(newWarning);
  });

  it('sends a programme waiting for a coordinator back to the make-up of its excused session', () => {
    const p = programme(29);
    recordAttendance(p, { sessionIndex: 1, mark: 'excused_absence', excuseReason: 'detention' }, new Date(START.getTime() + HOUR));
    awaitDecision(p);
    const extension = extendExpiry(p, later(p, 14));
    expect(p.state).toBe('in_progress');
    expect(extension).toEqual({ extended: true, makeUpAgain: p.sessions[0] });
  });

  it('never reopens a final outcome, and ignores an expiry that is not later', () => {
    const refused = programme(29);
    refused.state = 'refused';
    const before = refused.expiresAt;
    expect(extendExpiry(refused, later(refused, 14))).toEqual({ extended: false });
    expect(refused.expiresAt).toBe(before);
    expect(refused.state).toBe('refused');
    const open = programme(29);
    expect(extendExpiry(open, open.expiresAt)).toEqual({ extended: false });
  });
});

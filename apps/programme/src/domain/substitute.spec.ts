import {
  alertWhenDue,
  attendanceTimers,
  awaitDecision,
  DEFAULT_TIMER_SETTINGS,
  displacedRequest,
  displacedSession,
  extendExpiry,
  followSubstitution,
  moveSessions,
  pendingMakeUp,
  recordAttendance,
} from './index';
import { DAY, HOUR, START, weeklyProgramme } from './weekly-programme.spec-fixture';

const second = new Date(START.getTime() + 7 * DAY);

describe('a facilitator away over a booked session', () => {
  it('gives the session the colleague who takes their place, at the same time', () => {
    const p = weeklyProgramme(29);
    const changed = followSubstitution(p, { sessionIndex: 2, startsAt: second, facilitatorIds: ['f-m2', 'f-w'] });
    expect(changed).toMatchObject({ index: 2, startsAt: second, facilitatorIds: ['f-m2', 'f-w'], mark: null });
  });

  it('changes nothing the second time, nor for a session at another time, a recorded one or an ended programme', () => {
    const p = weeklyProgramme(29);
    const change = { sessionIndex: 2, startsAt: second, facilitatorIds: ['f-m2', 'f-w'] };
    p.sessions[1] = followSubstitution(p, change)!;
    expect(followSubstitution(p, change)).toBeNull();
    expect(followSubstitution(weeklyProgramme(29), { ...change, startsAt: new Date(second.getTime() + DAY) })).toBeNull();
    const recorded = weeklyProgramme(29);
    recordAttendance(recorded, { sessionIndex: 1, mark: 'attended', excuseReason: null }, new Date(START.getTime() + HOUR));
    expect(followSubstitution(recorded, { ...change, sessionIndex: 1, startsAt: START })).toBeNull();
    const ended = weeklyProgramme(29);
    ended.state = 'cancelled';
    expect(followSubstitution(ended, change)).toBeNull();
  });

  it('re-plans a displaced session and the later ones from the time the participant was told, a week after the last one held', () => {
    const p = weeklyProgramme(29);
    const displaced = displacedSession(p, 2, second)!;
    expect(displacedRequest(p, displaced, START)).toEqual({
      cause: 'facilitator_away',
      fromIndex: 2,
      excusedStartsAt: second,
      notBefore: second,
      previousStartsAt: START,
      mustFinishBy: p.expiresAt,
    });
    const later = new Date(second.getTime() + HOUR);
    expect(displacedRequest(p, displaced, later).notBefore).toEqual(later);
  });

  it('has nothing to re-plan once the session moved, nor while the programme waits for a coordinator', () => {
    const p = weeklyProgramme(29);
    expect(displacedSession(p, 2, new Date(second.getTime() + DAY))).toBeNull();
    awaitDecision(p);
    expect(displacedSession(p, 2, second)).toBeNull();
  });

  it('marks a displaced session nothing fitted before expiry, and after an extension asks the calendar again for it as it did', () => {
    const p = weeklyProgramme(29);
    const request = displacedRequest(p, displacedSession(p, 2, second)!, START);
    expect(pendingMakeUp(p, 2, START)).toBeNull();
    expect(awaitDecision(p, request)).toBe(p.sessions[1]);
    expect(p.sessions[1]).toMatchObject({ startsAt: second, mark: null, displaced: true });
    expect(pendingMakeUp(p, 2, START)).toBeNull();

    const extension = extendExpiry(p, new Date(p.expiresAt.getTime() + 21 * DAY));
    expect(extension).toEqual({ extended: true, makeUpAgain: p.sessions[1] });
    const later = new Date(second.getTime() + 2 * DAY);
    expect(pendingMakeUp(p, 2, later)).toEqual({ ...request, notBefore: later, mustFinishBy: p.expiresAt });
    const slots = [2, 3, 4].map((index) => {
      const startsAt = new Date(START.getTime() + (index + 1) * 7 * DAY);
      return { index, startsAt, endsAt: new Date(startsAt.getTime() + 4 * HOUR), facilitatorIds: ['f-m2', 'f-w'] };
    });
    moveSessions(p, pendingMakeUp(p, 2, later)!, slots);
    expect(p.sessions[1]).toMatchObject({ mark: null, displaced: false });
    expect(pendingMakeUp(p, 2, later)).toBeNull();
  });

  it('does not ask the centre for the attendance of a displaced session that waits for a coordinator', () => {
    const p = weeklyProgramme(29);
    const [reminder] = attendanceTimers([p.sessions[1]], DEFAULT_TIMER_SETTINGS);
    expect(alertWhenDue(p, reminder, DEFAULT_TIMER_SETTINGS)).toBe('attendance_missing');
    awaitDecision(p, displacedRequest(p, displacedSession(p, 2, second)!, START));
    expect(alertWhenDue(p, reminder, DEFAULT_TIMER_SETTINGS)).toBeNull();
  });
});

import {
  alertWhenDue,
  attendanceTimers,
  awaitDecision,
  awaitingMakeUp,
  DEFAULT_TIMER_SETTINGS,
  makeUpRequest,
  moveSessions,
  Programme,
  recordAttendance,
  SessionSlot,
  timersFor,
  whyMakeUpDoesNotFit,
} from './index';
import { DAY, HOUR, START, weeklyProgramme } from './weekly-programme.spec-fixture';

const programme = (expiresInDays = 29): Programme => weeklyProgramme(expiresInDays);

/** Session 1 attended, session 2 missed with a court hearing, recorded an hour after it began. */
function excusedSecond(expiresInDays = 29): Programme {
  const p = programme(expiresInDays);
  recordAttendance(p, { sessionIndex: 1, mark: 'attended', excuseReason: null }, new Date(p.sessions[0].startsAt.getTime() + HOUR));
  recordAttendance(p, { sessionIndex: 2, mark: 'excused_absence', excuseReason: 'court_hearing' }, new Date(p.sessions[1].endsAt.getTime() + HOUR));
  return p;
}

const slot = (index: number, daysAfterStart: number): SessionSlot => {
  const startsAt = new Date(START.getTime() + daysAfterStart * DAY);
  return { index, startsAt, endsAt: new Date(startsAt.getTime() + 4 * HOUR), facilitatorIds: ['f-m2', 'f-w'] };
};

describe('the make-up of an excused session', () => {
  it('asks for the excused session and every later one, after the absence was recorded and a week after the last one held', () => {
    const p = excusedSecond();
    const excused = awaitingMakeUp(p, 2)!;
    expect(makeUpRequest(p, excused)).toEqual({
      cause: 'excused',
      fromIndex: 2,
      excusedStartsAt: p.sessions[1].startsAt,
      notBefore: new Date(p.sessions[1].endsAt.getTime() + HOUR),
      previousStartsAt: p.sessions[0].startsAt,
      mustFinishBy: p.expiresAt,
    });
  });

  it('has nothing to move for an attended session, a finished programme or one already waiting for a coordinator', () => {
    const p = excusedSecond();
    expect(awaitingMakeUp(p, 1)).toBeNull();
    awaitDecision(p);
    expect(awaitingMakeUp(p, 2)).toBeNull();
  });

  it('accepts slots in order, a week apart, ending before expiry', () => {
    const p = excusedSecond();
    const request = makeUpRequest(p, p.sessions[1]);
    expect(whyMakeUpDoesNotFit(p, request, [slot(2, 8), slot(3, 15), slot(4, 22)])).toBeNull();
  });

  it('refuses slots too close together, too early, out of order, or past expiry', () => {
    const p = excusedSecond();
    const request = makeUpRequest(p, p.sessions[1]);
    expect(whyMakeUpDoesNotFit(p, request, [slot(2, 8), slot(3, 12), slot(4, 22)])).toMatch(/session 3 would come too early/);
    expect(whyMakeUpDoesNotFit(p, request, [slot(2, 5), slot(3, 15), slot(4, 22)])).toMatch(/session 2 would come too early/);
    expect(whyMakeUpDoesNotFit(p, request, [slot(3, 8), slot(2, 15), slot(4, 22)])).toMatch(/sessions 2, 3, 4 in order/);
    expect(whyMakeUpDoesNotFit(p, request, [slot(2, 8), slot(3, 15), slot(4, 29)])).toMatch(/after the order expires/);
  });

  it('moves the sessions, opens the excused one again at its new time, and the old reminders fall silent', () => {
    const p = excusedSecond();
    const oldReminder = timersFor(p, DEFAULT_TIMER_SETTINGS).find((t) => t.sessionIndex === 2)!;
    const moved = moveSessions(p, makeUpRequest(p, p.sessions[1]), [slot(2, 8), slot(3, 15), slot(4, 22)]);
    expect(moved.map((s) => s.index)).toEqual([2, 3, 4]);
    expect(p.sessions[1]).toMatchObject({ mark: null, excuseReason: null, recordedAt: null, facilitatorIds: ['f-m2', 'f-w'] });
    expect(p.sessions[1].startsAt).toEqual(slot(2, 8).startsAt);
    expect(alertWhenDue(p, oldReminder, DEFAULT_TIMER_SETTINGS)).toBeNull();
    const [newReminder] = attendanceTimers([p.sessions[1]], DEFAULT_TIMER_SETTINGS);
    expect(alertWhenDue(p, newReminder, DEFAULT_TIMER_SETTINGS)).toBe('attendance_missing');
  });

  it('refuses to move sessions to slots that do not fit', () => {
    const p = excusedSecond();
    expect(() => moveSessions(p, makeUpRequest(p, p.sessions[1]), [slot(2, 8), slot(3, 10), slot(4, 22)])).toThrow(/too early/);
    expect(p.sessions[1].mark).toBe('excused_absence');
  });

  it('waits for a coordinator when nothing fits, and never reopens a final outcome', () => {
    const p = excusedSecond();
    expect(awaitDecision(p, makeUpRequest(p, p.sessions[1]))).toBeNull();
    expect(p.state).toBe('awaiting_decision');
    expect(p.sessions[1]).toMatchObject({ mark: 'excused_absence', displaced: false });
    p.state = 'refused';
    expect(() => awaitDecision(p)).toThrow(/already ended/);
  });
});

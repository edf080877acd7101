import { ProgrammeBooking } from '@korgoo/contracts';
import {
  alertWhenDue,
  cancel,
  closeByDecision,
  DEFAULT_TIMER_SETTINGS,
  planFromBooking,
  Programme,
  ProgrammeRuleViolation,
  recordAttendance,
  refusalPolicyNamed,
  SECOND_UNEXCUSED_OR_CANNOT_FINISH,
  settleAfterAttendance,
  timersFor,
  trackOf,
  unexcusedLimit,
} from './index';

const DAY = 24 * 3_600_000;
const START = new Date('2026-03-02T05:00:00Z');

function booking(gapDays = 7, hours = 4): ProgrammeBooking {
  const kinds = ['individual', 'individual', 'group', 'group'] as const;
  return {
    referralId: '00000000-0000-4000-8000-000000000001',
    orderId: '00000000-0000-4000-8000-000000000002',
    referralNumber: 'R-2026-000001',
    centreId: 'naryn-asylzat',
    participantSex: 'male',
    language: 'ky',
    expiresAt: new Date(START.getTime() + 29 * DAY).toISOString(),
    sessions: kinds.map((kind, i) => ({
      index: i + 1,
      kind,
      startsAt: new Date(START.getTime() + i * gapDays * DAY).toISOString(),
      endsAt: new Date(START.getTime() + i * gapDays * DAY + hours * 3_600_000).toISOString(),
      facilitatorIds: ['f-m', 'f-w'],
    })),
  };
}

function programme(expiresInDays = 29): Programme {
  const b = booking();
  return {
    id: 'p1',
    referralId: b.referralId,
    centreId: b.centreId,
    track: trackOf(b.participantSex),
    expiresAt: new Date(START.getTime() + expiresInDays * DAY),
    state: 'scheduled',
    sessions: planFromBooking(b),
  };
}

const after = (index: number) => new Date(START.getTime() + (index - 1) * 7 * DAY + 5 * 3_600_000);

function mark(p: Programme, index: number, m: 'attended' | 'unexcused_absence' | 'refused' | 'excused_absence') {
  recordAttendance(p, { sessionIndex: index, mark: m, excuseReason: m === 'excused_absence' ? 'court_hearing' : null }, after(index));
  return settleAfterAttendance(p, SECOND_UNEXCUSED_OR_CANNOT_FINISH);
}

describe('the mandatory programme plan', () => {
  it('accepts 2 individual then 2 group sessions of 16 hours a week apart, and keeps men and women apart', () => {
    expect(planFromBooking(booking()).map((s) => s.kind)).toEqual(['individual', 'individual', 'group', 'group']);
    expect(trackOf('male')).toBe('men');
    expect(trackOf('female')).toBe('women');
  });

  it('refuses sessions less than a week apart or not adding up to 16 hours', () => {
    expect(() => planFromBooking(booking(3))).toThrow(/less than a week/);
    expect(() => planFromBooking(booking(7, 3))).toThrow(/12 hours, not 16/);
  });

  it('refuses a booking whose group sessions come first', () => {
    const b = booking();
    b.sessions[0].kind = 'group';
    expect(() => planFromBooking(b)).toThrow(ProgrammeRuleViolation);
  });
});

describe('attendance', () => {
  it('completes the programme when all four sessions are attended before expiry', () => {
    const p = programme();
    expect([1, 2, 3].map((i) => mark(p, i, 'attended').kind)).toEqual(['continues', 'continues', 'continues']);
    expect(p.state).toBe('in_progress');
    expect(mark(p, 4, 'attended')).toEqual({ kind: 'completed' });
    expect(p.state).toBe('completed');
  });

  it('records a session once, only after it began, and in order', () => {
    const p = programme();
    expect(() => recordAttendance(p, { sessionIndex: 1, mark: 'attended', excuseReason: null }, START)).not.toThrow();
    expect(() => recordAttendance(p, { sessionIndex: 1, mark: 'attended', excuseReason: null }, after(1))).toThrow(/already recorded/);
    expect(() => recordAttendance(p, { sessionIndex: 3, mark: 'attended', excuseReason: null }, after(3))).toThrow(/record session 2 first/);
    expect(() => recordAttendance(p, { sessionIndex: 2, mark: 'attended', excuseReason: null }, after(1))).toThrow(/not begun/);
  });

  it('keeps the excuse reason only for an excused absence', () => {
    const p = programme();
    recordAttendance(p, { sessionIndex: 1, mark: 'attended', excuseReason: 'detention' }, after(1));
    expect(p.sessions[0].excuseReason).toBeNull();
    recordAttendance(p, { sessionIndex: 2, mark: 'excused_absence', excuseReason: 'detention' }, after(2));
    expect(p.sessions[1].excuseReason).toBe('detention');
  });

  it('records nothing more once an outcome is final', () => {
    const p = programme();
    mark(p, 1, 'refused');
    expect(() => recordAttendance(p, { sessionIndex: 2, mark: 'attended', excuseReason: null }, after(2))).toThrow(/refused/);
  });
});

describe('the refusal policy', () => {
  it('finds an explicit refusal at once', () => {
    const p = programme();
    mark(p, 1, 'attended');
    expect(mark(p, 2, 'refused')).toEqual({ kind: 'refused', ground: 'explicit_refusal' });
  });

  it('lets a first unexcused absence pass while a make-up still fits, and refuses at the second', () => {
    const p = programme();
    expect(mark(p, 1, 'unexcused_absence')).toEqual({ kind: 'continues' });
    expect(mark(p, 2, 'unexcused_absence')).toEqual({ kind: 'refused', ground: 'unexcused_absences' });
  });

  it('refuses at the first unexcused absence when no make-up fits before expiry', () => {
    const p = programme(23);
    expect(mark(p, 1, 'unexcused_absence')).toEqual({ kind: 'refused', ground: 'cannot_finish_before_expiry' });
  });

  it('is named and configurable', () => {
    expect(refusalPolicyNamed('second-unexcused-or-cannot-finish')).toBe(SECOND_UNEXCUSED_OR_CANNOT_FINISH);
    const p = programme();
    recordAttendance(p, { sessionIndex: 1, mark: 'unexcused_absence', excuseReason: null }, after(1));
    expect(settleAfterAttendance(p, unexcusedLimit(1))).toEqual({ kind: 'refused', ground: 'unexcused_absences' });
    expect(refusalPolicyNamed('unexcused-limit-3').name).toBe('unexcused-limit-3');
    expect(() => refusalPolicyNamed('lenient')).toThrow(/unknown refusal policy/);
  });
});

describe('outcomes are one and final', () => {
  it('lets a coordinator close an open programme with a coded reason, once', () => {
    const p = programme();
    closeByDecision(p, { reason: 'in_custody', note: null, recheckOn: null }, START);
    expect(p.state).toBe('closed_by_decision');
    expect(() => closeByDecision(p, { reason: 'deceased', note: null, recheckOn: null }, START)).toThrow(/already ended/);
    expect(cancel(p)).toBe(false);
  });

  it('needs a note for another reason', () => {
    expect(() => closeByDecision(programme(), { reason: 'other', note: ' ', recheckOn: null }, START)).toThrow(/needs a note/);
  });

  it('does not close a completed programme', () => {
    const p = programme();
    [1, 2, 3, 4].forEach((i) => mark(p, i, 'attended'));
    expect(() => closeByDecision(p, { reason: 'left_country', note: null, recheckOn: null }, START)).toThrow(/completed/);
  });

  it('closes for treatment first with a re-check day still to come, and the outcome stays final', () => {
    expect(() => closeByDecision(programme(), { reason: 'treatment_first', note: null, recheckOn: null }, START)).toThrow(/re-check date/);
    expect(() => closeByDecision(programme(), { reason: 'in_custody', note: null, recheckOn: '2026-06-01' }, START)).toThrow(/only with it/);
    expect(() => closeByDecision(programme(), { reason: 'treatment_first', note: null, recheckOn: '2026-03-02' }, START)).toThrow(/still to come/);
    expect(() => closeByDecision(programme(), { reason: 'treatment_first', note: null, recheckOn: '2026-02-31' }, START)).toThrow(/calendar date/);
    const p = programme();
    closeByDecision(p, { reason: 'treatment_first', note: null, recheckOn: '2026-03-03' }, START);
    expect(p.state).toBe('closed_by_decision');
    expect(cancel(p)).toBe(false);
  });
});

describe('timers on waiting states', () => {
  it('reminds the centre 24 h after a session with no attendance, then the coordinators, and warns 7 and 3 days before expiry', () => {
    const p = programme();
    const timers = timersFor(p, DEFAULT_TIMER_SETTINGS);
    const first = timers.filter((t) => t.sessionIndex === 1);
    expect(first.map((t) => [t.audience, t.dueAt.getTime() - p.sessions[0].endsAt.getTime()])).toEqual([
      ['centre', DAY],
      ['coordinators', 2 * DAY],
    ]);
    expect(timers.filter((t) => t.kind === 'expiry_check').map((t) => t.daysBeforeExpiry)).toEqual([7, 3]);
  });

  it('stays silent when the waiting state was resolved before the timer fell due', () => {
    const p = programme();
    const [reminder] = timersFor(p, DEFAULT_TIMER_SETTINGS);
    expect(alertWhenDue(p, reminder, DEFAULT_TIMER_SETTINGS)).toBe('attendance_missing');
    mark(p, 1, 'attended');
    expect(alertWhenDue(p, reminder, DEFAULT_TIMER_SETTINGS)).toBeNull();
  });

  it('warns before expiry only when the programme cannot complete', () => {
    const p = programme();
    const warning = timersFor(p, DEFAULT_TIMER_SETTINGS).find((t) => t.kind === 'expiry_check')!;
    expect(alertWhenDue(p, warning, DEFAULT_TIMER_SETTINGS)).toBeNull();
    mark(p, 1, 'excused_absence');
    expect(alertWhenDue(p, warning, DEFAULT_TIMER_SETTINGS)).toBe('cannot_complete_before_expiry');
  });
});

import {
  DEFAULT_MEETING_MONTHS,
  followUpTimer,
  meetingMonths,
  monitoringPlan,
  ProgrammeRuleViolation,
  recordFollowUp,
  reminderWhenDue,
  treatmentRecheckTimer,
} from './index';
import { DAY, START } from './weekly-programme.spec-fixture';

describe('monitoring after completion', () => {
  it('plans three meetings by default, 1, 6 and 18 months after completion', () => {
    const plan = monitoringPlan(START, DEFAULT_MEETING_MONTHS);
    expect(plan.map((m) => [m.number, m.monthsAfterCompletion, m.dueAt.toISOString()])).toEqual([
      [1, 1, '2026-04-02T05:00:00.000Z'],
      [2, 6, '2026-09-02T05:00:00.000Z'],
      [3, 18, '2027-09-02T05:00:00.000Z'],
    ]);
  });

  it('takes another schedule of at least three meetings, rising, within the 18 months', () => {
    expect(monitoringPlan(START, [1, 3, 6, 12, 18])).toHaveLength(5);
    expect(() => meetingMonths([1, 18])).toThrow(/at least 3 meetings/);
    expect(() => meetingMonths([1, 6, 24])).toThrow(/1 to 18 months/);
    expect(() => meetingMonths([6, 1, 18])).toThrow(/rising/);
    expect(() => meetingMonths([1, 1.5, 18])).toThrow(/not 1.5/);
  });

  it('records each meeting once: held from two weeks before it is due, missed only once it is due', () => {
    const plan = monitoringPlan(START, DEFAULT_MEETING_MONTHS);
    const due = plan[0].dueAt.getTime();
    expect(() => recordFollowUp(plan, 1, 'held', new Date(due - 15 * DAY))).toThrow(/not due yet/);
    expect(() => recordFollowUp(plan, 1, 'missed', new Date(due - DAY))).toThrow(/not due yet/);
    expect(recordFollowUp(plan, 1, 'held', new Date(due - 13 * DAY))).toMatchObject({ outcome: 'held' });
    expect(() => recordFollowUp(plan, 1, 'missed', new Date(due + DAY))).toThrow(/already recorded as held/);
    expect(recordFollowUp(plan, 2, 'missed', plan[1].dueAt)).toMatchObject({ outcome: 'missed', recordedAt: plan[1].dueAt });
    expect(() => recordFollowUp(plan, 4, 'held', plan[2].dueAt)).toThrow(/no monitoring meeting 4/);
  });

  it('names the rule of each refusal, for the centre’s screen to say in its reader’s language', () => {
    const plan = monitoringPlan(START, DEFAULT_MEETING_MONTHS);
    recordFollowUp(plan, 1, 'held', plan[0].dueAt);
    const refusal = (attempt: () => unknown) => {
      try {
        attempt();
      } catch (violation) {
        return (violation as ProgrammeRuleViolation).refusal;
      }
    };
    expect(refusal(() => recordFollowUp(plan, 3, 'missed', plan[1].dueAt))).toEqual({ rule: 'follow_up_not_due', params: { number: 3 } });
    expect(refusal(() => recordFollowUp(plan, 1, 'held', plan[2].dueAt))).toEqual({ rule: 'follow_up_already_recorded', params: { number: 1 } });
    expect(refusal(() => recordFollowUp(plan, 4, 'held', plan[2].dueAt))).toEqual({ rule: 'follow_up_not_found', params: { number: 4 } });
  });

  it('reminds the centre of a meeting when it falls due, unless it was already recorded', () => {
    const plan = monitoringPlan(START, DEFAULT_MEETING_MONTHS);
    const timers = plan.map(followUpTimer);
    expect(timers[2]).toMatchObject({ kind: 'follow_up_due', audience: 'centre', meetingNumber: 3, dueAt: plan[2].dueAt });
    recordFollowUp(plan, 1, 'held', plan[0].dueAt);
    expect(reminderWhenDue(timers[0], plan, null)).toBe(false);
    expect(reminderWhenDue(timers[1], plan, null)).toBe(true);
  });
});

describe('the treatment_first re-check', () => {
  it('reminds the coordinators at 09:00 Bishkek time on the re-check day', () => {
    const timer = treatmentRecheckTimer('2026-06-15');
    expect(timer).toMatchObject({ kind: 'treatment_recheck', audience: 'coordinators', dueAt: new Date('2026-06-15T03:00:00Z') });
    expect(reminderWhenDue(timer, [], { recheckOn: '2026-06-15' })).toBe(true);
    expect(reminderWhenDue(timer, [], null)).toBe(false);
  });
});

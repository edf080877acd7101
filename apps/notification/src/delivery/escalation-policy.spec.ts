import { escalationStep, EscalationPolicy, nextEscalationDue } from './escalation-policy';

const policy: EscalationPolicy = { dangerEveryMinutes: 15, dangerRounds: 2, noticeEveryHours: 24, noticeRounds: 1 };
const at = new Date('2026-12-03T08:00:00Z');

describe('escalation policy', () => {
  it('tells immediate danger again every 15 minutes and a notice every day, for their number of rounds', () => {
    expect(nextEscalationDue('immediate_danger', 0, at, policy)).toEqual(new Date('2026-12-03T08:15:00Z'));
    expect(nextEscalationDue('immediate_danger', 1, at, policy)).toEqual(new Date('2026-12-03T08:15:00Z'));
    expect(nextEscalationDue('immediate_danger', 2, at, policy)).toBeNull();
    expect(nextEscalationDue('article72_notice', 0, at, policy)).toEqual(new Date('2026-12-04T08:00:00Z'));
    expect(nextEscalationDue('article72_notice', 1, at, policy)).toBeNull();
  });

  it('never escalates with no rounds configured', () => {
    expect(nextEscalationDue('immediate_danger', 0, at, { ...policy, dangerRounds: 0 })).toBeNull();
  });

  it('stops at the acknowledgement and otherwise repeats, saying whether another round follows', () => {
    expect(escalationStep('immediate_danger', true, 0, at, policy)).toEqual({ kind: 'acknowledged' });
    expect(escalationStep('immediate_danger', false, 0, at, policy)).toEqual({
      kind: 'repeat',
      round: 1,
      nextDueAt: new Date('2026-12-03T08:15:00Z'),
    });
    expect(escalationStep('immediate_danger', false, 1, at, policy)).toEqual({ kind: 'repeat', round: 2, nextDueAt: null });
    expect(escalationStep('article72_notice', false, 0, at, policy)).toEqual({ kind: 'repeat', round: 1, nextDueAt: null });
  });
});

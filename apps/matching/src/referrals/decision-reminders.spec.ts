import { awaitsDecision, firstReminderAt, nextReminderAt } from './decision-reminders';

const at = (iso: string) => new Date(iso);

describe('reminders of a referral waiting for the coordinators', () => {
  it('waits for escalated and unroutable referrals only', () => {
    expect(awaitsDecision('escalated')).toBe(true);
    expect(awaitsDecision('unroutable')).toBe(true);
    for (const status of ['proposed', 'accepted', 'cancelled'] as const) {
      expect(awaitsDecision(status)).toBe(false);
    }
  });

  it('reminds first one period after the referral began to wait', () => {
    expect(firstReminderAt(at('2026-03-01T08:00:00Z'), 4)).toEqual(at('2026-03-01T12:00:00Z'));
  });

  it('schedules the next reminder one period after the one that fired on time', () => {
    expect(nextReminderAt(at('2026-03-01T12:00:00Z'), at('2026-03-01T12:00:00Z'), 4)).toEqual(at('2026-03-01T16:00:00Z'));
    expect(nextReminderAt(at('2026-03-01T12:00:00Z'), at('2026-03-01T12:03:00Z'), 4)).toEqual(at('2026-03-01T16:00:00Z'));
  });

  it('skips the periods missed during an outage instead of sending a burst', () => {
    expect(nextReminderAt(at('2026-03-01T12:00:00Z'), at('2026-03-01T21:30:00Z'), 4)).toEqual(at('2026-03-02T00:00:00Z'));
    // Exactly on a boundary: that boundary is now, so the next is one period on.
    expect(nextReminderAt(at('2026-03-01T12:00:00Z'), at('2026-03-01T20:00:00Z'), 4)).toEqual(at('2026-03-02T00:00:00Z'));
  });

  it('follows the configured period', () => {
    expect(nextReminderAt(at('2026-03-01T12:00:00Z'), at('2026-03-01T12:00:00Z'), 1)).toEqual(at('2026-03-01T13:00:00Z'));
  });
});

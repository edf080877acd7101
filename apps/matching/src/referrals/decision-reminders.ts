import type { ReferralStatus } from './referral-lifecycle';

const HOUR_MS = 3_600_000;

/** Statuses in which only a coordinator can move the referral on: they are reminded until they do. */
export const AWAITING_DECISION = ['escalated', 'unroutable'] as const satisfies readonly ReferralStatus[];
export type AwaitingDecision = (typeof AWAITING_DECISION)[number];

export function awaitsDecision(status: ReferralStatus): status is AwaitingDecision {
  return (AWAITING_DECISION as readonly ReferralStatus[]).includes(status);
}

export function firstReminderAt(waitingSince: Date, periodHours: number): Date {
  return new Date(waitingSince.getTime() + periodHours * HOUR_MS);
}

/**
 * The reminder after the one due at `due`: the first period boundary, counted from `due`, that is still
 * ahead of `now`. After an outage the coordinators get one reminder, not one per period missed, and the
 * rhythm stays on the boundaries they have seen.
 */
export function nextReminderAt(due: Date, now: Date, periodHours: number): Date {
  const period = periodHours * HOUR_MS;
  const periods = Math.max(1, Math.floor((now.getTime() - due.getTime()) / period) + 1);
  return new Date(due.getTime() + periods * period);
}

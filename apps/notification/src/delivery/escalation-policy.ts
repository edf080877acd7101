import type { EscalatingAlert } from '@korgoo/contracts';

/** How often, and how many times, an alert nobody acknowledged is told again. */
export interface EscalationPolicy {
  dangerEveryMinutes: number;
  dangerRounds: number;
  noticeEveryHours: number;
  noticeRounds: number;
}

const MINUTE_MS = 60_000;

function cadence(alert: EscalatingAlert, policy: EscalationPolicy): { everyMs: number; rounds: number } {
  return alert === 'immediate_danger'
    ? { everyMs: policy.dangerEveryMinutes * MINUTE_MS, rounds: policy.dangerRounds }
    : { everyMs: policy.noticeEveryHours * 60 * MINUTE_MS, rounds: policy.noticeRounds };
}

/** When the alert is next told again, `roundsFired` repeats after it was first told at `from`; null when spent. */
export function nextEscalationDue(alert: EscalatingAlert, roundsFired: number, from: Date, policy: EscalationPolicy): Date | null {
  const { everyMs, rounds } = cadence(alert, policy);
  return roundsFired >= rounds ? null : new Date(from.getTime() + everyMs);
}

export type EscalationStep =
  | { kind: 'acknowledged' }
  /** Tell it again as round `round`; `nextDueAt` null means this was the last round. */
  | { kind: 'repeat'; round: number; nextDueAt: Date | null };

/** A due escalation: nothing more once a person acknowledged it, otherwise one more round. */
export function escalationStep(
  alert: EscalatingAlert,
  acknowledged: boolean,
  roundsFired: number,
  now: Date,
  policy: EscalationPolicy,
): EscalationStep {
  if (acknowledged) return { kind: 'acknowledged' };
  const round = roundsFired + 1;
  return { kind: 'repeat', round, nextDueAt: nextEscalationDue(alert, round, now, policy) };
}

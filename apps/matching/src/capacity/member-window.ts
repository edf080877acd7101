import { MIN_DAYS_BETWEEN_SESSIONS } from '@korgoo/contracts';
import { bishkekDayNumber, fromBishkekMinutes, MINUTES_PER_DAY } from './bishkek-time';

export interface HeldSession {
  index: number;
  startsAt: Date;
  endsAt: Date;
}

/**
 * When one member's group session may take place instead: a week (counted in Bishkek days) after their
 * session before it and before their session after it, and ending by their order's expiry.
 */
export function memberWindow(session: HeldSession, others: readonly HeldSession[], expiresAt: Date): { earliest: Date; latest: Date } {
  const before = others.filter((s) => s.index < session.index).sort((a, b) => b.index - a.index)[0];
  const after = others.filter((s) => s.index > session.index).sort((a, b) => a.index - b.index)[0];
  const minutes = session.endsAt.getTime() - session.startsAt.getTime();
  const endsByExpiry = expiresAt.getTime() - minutes;
  const earliest = before ? dayStart(bishkekDayNumber(before.startsAt) + MIN_DAYS_BETWEEN_SESSIONS) : new Date(0);
  const latestBySpacing = after ? dayStart(bishkekDayNumber(after.startsAt) - MIN_DAYS_BETWEEN_SESSIONS + 1).getTime() - 1 : Infinity;
  return { earliest, latest: new Date(Math.min(endsByExpiry, latestBySpacing)) };
}

function dayStart(day: number): Date {
  return fromBishkekMinutes(day * MINUTES_PER_DAY);
}

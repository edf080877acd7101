import { bishkekDayNumber, fromBishkekMinutes, MINUTES_PER_DAY } from './bishkek-time';
import { MANDATORY_PROGRAMME } from './capacity-types';

export interface HeldSession {
  index: number;
  startsAt: Date;
  endsAt: Date;
}

/**
 * When one member's group session may take place instead: as far (in Bishkek days) from their session before
 * and their session after it as routing books them, 6 to 8 days, and ending by their order's expiry.
 */
export function memberWindow(session: HeldSession, others: readonly HeldSession[], expiresAt: Date): { earliest: Date; latest: Date } {
  const { minDaysBetween, maxDaysBetween } = MANDATORY_PROGRAMME;
  const before = others.filter((s) => s.index < session.index).sort((a, b) => b.index - a.index)[0];
  const after = others.filter((s) => s.index > session.index).sort((a, b) => a.index - b.index)[0];
  const beforeDay = before && bishkekDayNumber(before.startsAt);
  const afterDay = after && bishkekDayNumber(after.startsAt);
  const earliestDays = [...(before ? [beforeDay + minDaysBetween] : []), ...(after ? [afterDay - maxDaysBetween] : [])];
  const latestDays = [...(before ? [beforeDay + maxDaysBetween] : []), ...(after ? [afterDay - minDaysBetween] : [])];
  const minutes = session.endsAt.getTime() - session.startsAt.getTime();
  const endsByExpiry = expiresAt.getTime() - minutes;
  const earliest = earliestDays.length > 0 ? dayStart(Math.max(...earliestDays)).getTime() : 0;
  const latest = latestDays.length > 0 ? dayStart(Math.min(...latestDays) + 1).getTime() - 1 : Infinity;
  return { earliest: new Date(earliest), latest: new Date(Math.min(endsByExpiry, latest)) };
}

function dayStart(day: number): Date {
  return fromBishkekMinutes(day * MINUTES_PER_DAY);
}

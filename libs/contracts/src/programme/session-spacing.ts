/**
 * "A week apart" as routing books it and the programme checks it: counted in Bishkek calendar days (UTC+6 all
 * year), so a session may move within its week but two may not share one, whatever their hours.
 */
export const MIN_DAYS_BETWEEN_SESSIONS = 6;

const BISHKEK_OFFSET_MS = 6 * 3_600_000;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 on the Bishkek calendar. */
export function bishkekCalendarDay(at: Date): number {
  return Math.floor((at.getTime() + BISHKEK_OFFSET_MS) / DAY_MS);
}

export function farEnoughApart(before: Date, after: Date): boolean {
  return bishkekCalendarDay(after) - bishkekCalendarDay(before) >= MIN_DAYS_BETWEEN_SESSIONS;
}

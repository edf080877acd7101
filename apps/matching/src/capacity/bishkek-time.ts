/**
 * Asia/Bishkek is UTC+6 all year (no DST since 2005), so local calendar arithmetic is a fixed
 * shift and needs no time-zone database.
 */
export const BISHKEK_UTC_OFFSET_MINUTES = 360;

export const MINUTES_PER_DAY = 1440;
const MS_PER_MINUTE = 60_000;

/** Minutes since 1970-01-01 00:00 on the Bishkek wall clock. */
export function toBishkekMinutes(at: Date): number {
  return at.getTime() / MS_PER_MINUTE + BISHKEK_UTC_OFFSET_MINUTES;
}

export function fromBishkekMinutes(localMinutes: number): Date {
  return new Date((localMinutes - BISHKEK_UTC_OFFSET_MINUTES) * MS_PER_MINUTE);
}

/** Local day number of a time in Bishkek local minutes. */
export const dayOf = (localMinutes: number): number => Math.floor(localMinutes / MINUTES_PER_DAY);

/** Local calendar day number (days since 1970-01-01 in Bishkek). */
export function bishkekDayNumber(at: Date): number {
  return dayOf(toBishkekMinutes(at));
}

/** ISO weekday (1 = Monday ... 7 = Sunday) of a local day number; day 0 was a Thursday. */
export function weekdayOfDayNumber(day: number): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return ((((day + 3) % 7) + 7) % 7 + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** Month 1-12 on the Bishkek calendar. */
export function bishkekMonth(at: Date): number {
  return new Date(at.getTime() + BISHKEK_UTC_OFFSET_MINUTES * MS_PER_MINUTE).getUTCMonth() + 1;
}

/** 'YYYY-MM-DD' on the Bishkek calendar. */
export function bishkekDateString(at: Date): string {
  return new Date(at.getTime() + BISHKEK_UTC_OFFSET_MINUTES * MS_PER_MINUTE).toISOString().slice(0, 10);
}

/** Instant of a Bishkek wall-clock time written 'YYYY-MM-DDTHH:MM' (or a bare date, read as midnight). */
export function bishkekInstant(local: string): Date {
  const withTime = local.length === 10 ? `${local}T00:00` : local;
  const at = new Date(`${withTime}+06:00`);
  if (Number.isNaN(at.getTime())) throw new RangeError(`not a Bishkek local time: ${local}`);
  return at;
}

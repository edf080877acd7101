import type { AvailabilityExceptionBody } from '../../api/korgoo-api';

// Bishkek keeps UTC+6 all year, so a calendar day there starts at 00:00+06:00.
const BISHKEK_OFFSET_MS = 6 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Bishkek calendar day (YYYY-MM-DD) a moment falls on. */
const bishkekDay = (at: number) => new Date(at + BISHKEK_OFFSET_MS).toISOString().slice(0, 10);

/** The calendar day after `day` (YYYY-MM-DD). */
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/**
 * A period of absence as the API takes it: from the start of the first day to the start of the day after the
 * last, Bishkek time. A day that cannot be read goes as typed, for the API to name the field.
 */
export function leaveBody(firstDay: string, lastDay: string, reason: AvailabilityExceptionBody['reason']): AvailabilityExceptionBody {
  const valid = (day: string) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`));
  return {
    from: valid(firstDay) ? `${firstDay}T00:00:00+06:00` : firstDay,
    to: valid(lastDay) ? `${nextDay(lastDay)}T00:00:00+06:00` : lastDay,
    reason,
  };
}

/** The first and last Bishkek calendar days of a period whose end is exclusive. */
export function leaveDays(period: { from: string; to: string }): { first: string; last: string } {
  return { first: bishkekDay(Date.parse(period.from)), last: bishkekDay(Date.parse(period.to) - 1) };
}

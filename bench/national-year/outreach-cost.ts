import { MANDATORY_PROGRAMME, WeeklyWindow } from '../../apps/matching/src/capacity/capacity-types';
import { weeklyIntervals } from '../../apps/matching/src/capacity/weekly-window';

/** What a facilitator-hour is priced at, per person. */
export const SOM_PER_FACILITATOR_HOUR = 300;

/** One day a pair went to an outreach point: the sessions it held there and the road from its centre, one way. */
export interface OutreachTrip {
  sessions: number;
  travelMinutesOneWay: number;
}

/** Both of the pair work every session and ride every road. */
const PAIR = 2;

/**
 * Facilitator-hours an outreach point costs: on each day the pair went, its sessions there plus the road both
 * ways, for both of them. A day with nothing booked is no trip: the pair stays at its centre.
 */
export function outreachHours(trips: readonly OutreachTrip[], sessionHours: number = MANDATORY_PROGRAMME.sessionHours): number {
  let hours = 0;
  for (const { sessions, travelMinutesOneWay } of trips) {
    if (sessions <= 0) continue;
    hours += PAIR * (sessions * sessionHours + (2 * travelMinutesOneWay) / 60);
  }
  return hours;
}

/** Hours a year that `people` facilitators on the `weekly` roster are paid for, whether or not sessions fill them. */
export function rosteredHours(people: number, weekly: readonly WeeklyWindow[], weeks: number): number {
  const minutes = weeklyIntervals(weekly, 'added roster')
    .flat()
    .reduce((n, i) => n + i.end - i.start, 0);
  return (people * minutes * weeks) / 60;
}

export interface Price {
  hours: number;
  som: number;
  /** Som per order newly placed; null when none is. */
  somPerOrder: number | null;
}

/** Facilitator-hours at the hourly rate, and per order they newly place. */
export function priced(hours: number, newlyPlaced: number, somPerHour: number = SOM_PER_FACILITATOR_HOUR): Price {
  const som = hours * somPerHour;
  return { hours, som, somPerOrder: newlyPlaced > 0 ? som / newlyPlaced : null };
}

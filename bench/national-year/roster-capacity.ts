import type { DirectoryCentre } from '../../apps/matching/src/directory/demo/demo-directory';
import { bishkekDayNumber, weekdayOfDayNumber } from '../../apps/matching/src/capacity/bishkek-time';
import { Facilitator, MANDATORY_PROGRAMME, Sex } from '../../apps/matching/src/capacity/capacity-types';
import {
  intersectIntervals,
  Interval,
  mergeIntervals,
  sessionsThatFit,
  subtractIntervals,
  weeklyIntervals,
} from '../../apps/matching/src/capacity/weekly-window';

const SESSION_MINUTES = MANDATORY_PROGRAMME.sessionHours * 60;
const STEP = MANDATORY_PROGRAMME.startStepMinutes;

/** Weekly hours the facilitators keep for declared group slots, by facilitator and ISO weekday. */
export type KeptHours = ReadonlyMap<string, Interval[][]>;

const NONE_KEPT: KeptHours = new Map();

const onDuty = (f: Facilitator, weekday: number, kept: KeptHours): Interval[] => {
  const duty = weeklyIntervals(f.weekly, `facilitator ${f.id}`)[weekday];
  const slots = kept.get(f.id)?.[weekday];
  return slots ? subtractIntervals(duty, slots) : duty;
};

/**
 * Sessions the facilitators of one sex can run on a day, each counted only while someone of the
 * other sex is on duty too, outside the `kept` slot hours. Leave and closures are ignored, which can
 * only overcount.
 */
export function slotsOnDay(centre: DirectoryCentre, day: number, sex: Sex, kept: KeptHours = NONE_KEPT): number {
  const weekday = weekdayOfDayNumber(day);
  const staff = centre.facilitators.filter(
    (f) => f.active && f.certifiedOn !== null && bishkekDayNumber(f.certifiedOn) <= day,
  );
  const partners = mergeIntervals(staff.filter((f) => f.sex !== sex).flatMap((f) => onDuty(f, weekday, kept)));
  return staff
    .filter((f) => f.sex === sex)
    .reduce((n, f) => n + sessionsThatFit(intersectIntervals(onDuty(f, weekday, kept), partners), SESSION_MINUTES, STEP), 0);
}

/**
 * Upper bound on the sessions a centre can run on a day: each needs a man and a woman. With `kept`,
 * only outside the hours kept for slots, where individual sessions and groups of their own go.
 */
export function sessionsOnDay(centre: DirectoryCentre, day: number, kept: KeptHours = NONE_KEPT): number {
  return Math.min(slotsOnDay(centre, day, 'male', kept), slotsOnDay(centre, day, 'female', kept));
}

/** Sessions a week the centres' men (or women) can run; rosters repeat weekly. */
export function weeklySlots(centres: readonly DirectoryCentre[], sex: Sex, monday: number): number {
  let slots = 0;
  for (const centre of centres) for (let d = 0; d < 7; d++) slots += slotsOnDay(centre, monday + d, sex);
  return slots;
}

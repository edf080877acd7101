import type { DirectoryCentre } from '../../apps/matching/src/directory/demo/demo-directory';
import { bishkekDayNumber, weekdayOfDayNumber } from '../../apps/matching/src/capacity/bishkek-time';
import { Facilitator, MANDATORY_PROGRAMME, Sex } from '../../apps/matching/src/capacity/capacity-types';
import {
  intersectIntervals,
  Interval,
  mergeIntervals,
  sessionsThatFit,
  weeklyIntervals,
} from '../../apps/matching/src/capacity/weekly-window';

const SESSION_MINUTES = MANDATORY_PROGRAMME.sessionHours * 60;
const STEP = MANDATORY_PROGRAMME.startStepMinutes;

const onDuty = (f: Facilitator, weekday: number): Interval[] => weeklyIntervals(f.weekly, `facilitator ${f.id}`)[weekday];

/**
 * Sessions the facilitators of one sex can run on a day, each counted only while someone of the
 * other sex is on duty too. Leave and closures are ignored, which can only overcount.
 */
export function slotsOnDay(centre: DirectoryCentre, day: number, sex: Sex): number {
  const weekday = weekdayOfDayNumber(day);
  const staff = centre.facilitators.filter(
    (f) => f.active && f.certifiedOn !== null && bishkekDayNumber(f.certifiedOn) <= day,
  );
  const partners = mergeIntervals(staff.filter((f) => f.sex !== sex).flatMap((f) => onDuty(f, weekday)));
  return staff
    .filter((f) => f.sex === sex)
    .reduce((n, f) => n + sessionsThatFit(intersectIntervals(onDuty(f, weekday), partners), SESSION_MINUTES, STEP), 0);
}

/** Upper bound on the sessions a centre can run on a day: each needs a man and a woman. */
export function sessionsOnDay(centre: DirectoryCentre, day: number): number {
  return Math.min(slotsOnDay(centre, day, 'male'), slotsOnDay(centre, day, 'female'));
}

/** Sessions a week the centres' men (or women) can run; rosters repeat weekly. */
export function weeklySlots(centres: readonly DirectoryCentre[], sex: Sex, monday: number): number {
  let slots = 0;
  for (const centre of centres) for (let d = 0; d < 7; d++) slots += slotsOnDay(centre, monday + d, sex);
  return slots;
}

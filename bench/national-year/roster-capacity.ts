import type { DirectoryCentre } from '../../apps/matching/src/directory/demo/demo-directory';
import { bishkekDayNumber, weekdayOfDayNumber } from '../../apps/matching/src/routing/bishkek-time';
import { Facilitator, MANDATORY_PROGRAMME, Sex } from '../../apps/matching/src/routing/feasibility';

const SESSION_MINUTES = MANDATORY_PROGRAMME.sessionHours * 60;
const STEP = MANDATORY_PROGRAMME.startStepMinutes;

interface Interval {
  start: number;
  end: number;
}

function clock(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

function merge(intervals: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const i of [...intervals].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (end > start) out.push({ start, end });
    }
  }
  return merge(out);
}

const onDuty = (f: Facilitator, weekday: number): Interval[] =>
  merge(f.weekly.filter((w) => w.weekday === weekday).map((w) => ({ start: clock(w.start), end: clock(w.end) })));

/** Non-overlapping sessions on the start grid, earliest first: the most that fit. */
const disjointSessions = (intervals: Interval[]): number =>
  intervals.reduce((n, i) => n + Math.max(0, Math.floor((i.end - Math.ceil(i.start / STEP) * STEP) / SESSION_MINUTES)), 0);

/**
 * Sessions the facilitators of one sex can run on a day, each counted only while someone of the
 * other sex is on duty too. Leave and closures are ignored, which can only overcount.
 */
export function slotsOnDay(centre: DirectoryCentre, day: number, sex: Sex): number {
  const weekday = weekdayOfDayNumber(day);
  const staff = centre.facilitators.filter(
    (f) => f.active && f.certifiedOn !== null && bishkekDayNumber(f.certifiedOn) <= day,
  );
  const partners = merge(staff.filter((f) => f.sex !== sex).flatMap((f) => onDuty(f, weekday)));
  return staff
    .filter((f) => f.sex === sex)
    .reduce((n, f) => n + disjointSessions(intersect(onDuty(f, weekday), partners)), 0);
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

import type { WeeklyWindow } from './capacity-types';

/** Half-open [start, end) in minutes: from local midnight for weekly windows, Bishkek local minutes otherwise. */
export interface Interval {
  start: number;
  end: number;
}

/** Minutes from midnight of 'HH:MM' ('24:00' allowed), or a RangeError naming the owner. */
export function clockMinutes(clock: string, owner: string): number {
  const digit = (i: number) => clock.charCodeAt(i) - 48;
  const isDigit = (i: number) => digit(i) >= 0 && digit(i) <= 9;
  const wellFormed = clock.length === 5 && clock[2] === ':' && isDigit(0) && isDigit(1) && isDigit(3) && isDigit(4);
  const minutes = (digit(0) * 10 + digit(1)) * 60 + digit(3) * 10 + digit(4);
  if (!wellFormed || digit(3) > 5 || minutes > 1440) {
    throw new RangeError(`invalid weekly window time '${clock}' for ${owner}`);
  }
  return minutes;
}

/** Sorted, with touching or overlapping intervals made one. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const merged: Interval[] = [];
  for (const i of [...intervals].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ ...i });
  }
  return merged;
}

/** Where two sorted, disjoint interval lists overlap. */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (end > start) out.push({ start, end });
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return out;
}

/** A week of windows as merged intervals, index 1-7 by ISO weekday; empty windows are dropped. */
export function weeklyIntervals(weekly: readonly WeeklyWindow[], owner: string): Interval[][] {
  const byDay: Interval[][] = [[], [], [], [], [], [], [], []];
  for (const w of weekly) {
    if (!Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7) {
      throw new RangeError(`invalid weekday ${w.weekday} for ${owner}`);
    }
    const start = clockMinutes(w.start, owner);
    const end = clockMinutes(w.end, owner);
    if (end > start) byDay[w.weekday].push({ start, end });
  }
  return byDay.map((day) => (day.length > 1 ? mergeIntervals(day) : day));
}

/** Index pairs of windows on the same weekday that overlap (touching is not overlapping). */
export function overlappingWindows(weekly: readonly { weekday: number; start: string; end: string }[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const minutes = (clock: string) => clockMinutes(clock, 'weekly');
  for (let i = 0; i < weekly.length; i++) {
    for (let j = i + 1; j < weekly.length; j++) {
      const a = weekly[i];
      const b = weekly[j];
      if (a.weekday === b.weekday && minutes(a.start) < minutes(b.end) && minutes(b.start) < minutes(a.end)) pairs.push([i, j]);
    }
  }
  return pairs;
}

/** How many back-to-back sessions of `sessionMinutes` starting on the `stepMinutes` grid fit the intervals. */
export function sessionsThatFit(intervals: readonly Interval[], sessionMinutes: number, stepMinutes: number): number {
  return intervals.reduce(
    (n, i) => n + Math.max(0, Math.floor((i.end - Math.ceil(i.start / stepMinutes) * stepMinutes) / sessionMinutes)),
    0,
  );
}

/** What is left of sorted, disjoint `a` once sorted, disjoint `b` is taken out. */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const i of a) {
    let start = i.start;
    while (j < b.length && b[j].end <= start) j++;
    for (let k = j; k < b.length && b[k].start < i.end; k++) {
      if (b[k].start > start) out.push({ start, end: b[k].start });
      start = Math.max(start, b[k].end);
    }
    if (start < i.end) out.push({ start, end: i.end });
  }
  return out;
}

import { monthOf, monthStart } from './dimensions';

/** One rostered facilitator as announced: which side of a pair they can take, and when. */
export interface RosteredFacilitator {
  sex: 'male' | 'female';
  /** 'YYYY-MM-DD': may run sessions from this Bishkek day on. */
  certifiedOn: string;
  /** Bishkek wall clock, 'HH:MM'; '24:00' closes a window at midnight. */
  weekly: ReadonlyArray<{ weekday: number; start: string; end: string }>;
  absences: ReadonlyArray<{ from: Date; to: Date }>;
}

/** A centre's whole roster from `effectiveFrom` until the next one (`directory.roster_changed.v1`). */
export interface RosterSnapshot {
  centreId: string;
  oblast: string | null;
  open: boolean;
  effectiveFrom: Date;
  facilitators: readonly RosteredFacilitator[];
}

/** One programme's hold on a booked pair-session; a group session is held by each participant's programme. */
export interface PairSessionHold {
  programmeId: string;
  centreId: string;
  /** The booked session: the same for everyone in a group. */
  sessionKey: string;
  startsAt: Date;
  endsAt: Date;
}

interface Span {
  start: number;
  end: number;
}

const MINUTES_PER_DAY = 1440;
const BISHKEK_OFFSET_MINUTES = 360;

/** Bishkek local minutes since 1970-01-01 00:00 local. */
const localMinutes = (instant: Date) => Math.floor(instant.getTime() / 60_000) + BISHKEK_OFFSET_MINUTES;
const clockMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
/** ISO weekday (1 = Monday) of a local day number: 1970-01-01 was a Thursday. */
const weekdayOf = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;
const dayOfDate = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/** What is left of `span` once the (unsorted, possibly overlapping) `holes` are taken out. */
function without(span: Span, holes: readonly Span[]): Span[] {
  let pieces = [span];
  for (const hole of holes) {
    pieces = pieces.flatMap((p) =>
      hole.end <= p.start || hole.start >= p.end
        ? [p]
        : [
            ...(hole.start > p.start ? [{ start: p.start, end: hole.start }] : []),
            ...(hole.end < p.end ? [{ start: hole.end, end: p.end }] : []),
          ],
    );
  }
  return pieces;
}

/** When one facilitator can take their side of a pair within `range`: certified, in a window, not absent. */
function availability(f: RosteredFacilitator, range: Span): Span[] {
  const absences = f.absences.map((a) => ({ start: localMinutes(a.from), end: localMinutes(a.to) }));
  const certified = dayOfDate(f.certifiedOn);
  const spans: Span[] = [];
  for (let day = Math.floor(range.start / MINUTES_PER_DAY); day * MINUTES_PER_DAY < range.end; day++) {
    if (day < certified) continue;
    for (const w of f.weekly) {
      if (w.weekday !== weekdayOf(day)) continue;
      const start = Math.max(range.start, day * MINUTES_PER_DAY + clockMinutes(w.start));
      const end = Math.min(range.end, day * MINUTES_PER_DAY + clockMinutes(w.end));
      if (end > start) spans.push(...without({ start, end }, absences));
    }
  }
  return spans;
}

/**
 * Minutes during which `men` and `women` available at once make pairs: at each moment as many pairs as the
 * smaller side has people (a facilitator's own overlapping windows count once).
 */
function pairMinutes(men: readonly Span[][], women: readonly Span[][]): number {
  const changes = new Map<number, { men: number; women: number }>();
  const add = (people: readonly Span[][], side: 'men' | 'women') => {
    for (const spans of people) {
      for (const { start, end } of merged(spans)) {
        for (const [at, delta] of [[start, 1], [end, -1]] as const) {
          const change = changes.get(at) ?? { men: 0, women: 0 };
          change[side] += delta;
          changes.set(at, change);
        }
      }
    }
  };
  add(men, 'men');
  add(women, 'women');
  let total = 0;
  let [onMen, onWomen, since] = [0, 0, 0];
  for (const at of [...changes.keys()].sort((a, b) => a - b)) {
    total += Math.min(onMen, onWomen) * (at - since);
    onMen += changes.get(at)!.men;
    onWomen += changes.get(at)!.women;
    since = at;
  }
  return total;
}

function merged(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/**
 * Rostered pair-minutes of one centre in a month (YYYY-MM, Bishkek calendar days): each roster counts from
 * its `effectiveFrom` until the next one, a paused centre's not at all.
 */
export function rosteredPairMinutes(snapshots: readonly RosterSnapshot[], month: string): number {
  const monthRange = { start: localMinutes(monthStart(month)), end: localMinutes(monthStart(month, 1)) };
  const inOrder = [...snapshots].sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime());
  let total = 0;
  inOrder.forEach((snapshot, i) => {
    const next = inOrder[i + 1];
    const range = {
      start: Math.max(monthRange.start, localMinutes(snapshot.effectiveFrom)),
      end: Math.min(monthRange.end, next ? localMinutes(next.effectiveFrom) : Infinity),
    };
    if (!snapshot.open || range.end <= range.start) return;
    const side = (sex: RosteredFacilitator['sex']) => snapshot.facilitators.filter((f) => f.sex === sex).map((f) => availability(f, range));
    total += pairMinutes(side('male'), side('female'));
  });
  return total;
}

/**
 * Booked pair-minutes of the given holds in a month: each booked session whose start falls in the month counts
 * once, however many programmes hold a place in it, while at least one of them still holds it. A programme that
 * ended (refused, closed, cancelled) at `endedAt` gave back its sessions starting from then on.
 */
export function bookedPairMinutes(holds: readonly PairSessionHold[], endedAt: ReadonlyMap<string, Date>, month: string): number {
  const booked = new Map<string, number>();
  for (const hold of holds) {
    const ended = endedAt.get(hold.programmeId);
    if (monthOf(hold.startsAt) !== month || (ended && hold.startsAt >= ended)) continue;
    booked.set(hold.sessionKey, Math.round((hold.endsAt.getTime() - hold.startsAt.getTime()) / 60_000));
  }
  return [...booked.values()].reduce((sum, minutes) => sum + minutes, 0);
}

/** Booked against rostered, in per cent to one decimal; null where nothing was rostered. */
export function utilisationPercent(bookedMinutes: number, rosteredMinutes: number): number | null {
  return rosteredMinutes === 0 ? null : Math.round((bookedMinutes / rosteredMinutes) * 1000) / 10;
}

/** Minutes as hours to one decimal. */
export const pairHours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

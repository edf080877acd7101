import { PublicEdition } from '@korgoo/contracts';
import { monthStart } from './dimensions';

const DAY_MS = 86_400_000;

/**
 * When a quarter's public figures come out, in days after the quarter ends. Counts read live move as outcomes
 * arrive, and two readings a day apart would give away the one person whose programme ended in between; so each
 * quarter is published twice, each edition counting what happened before its day and never changing after:
 * - provisional, 60 days on: every order issued in the quarter has run its 30 days and its mandatory programme;
 * - final, 730 days on: the voluntary component (up to six months) and the 18 months of monitoring are over.
 */
export const PUBLIC_EDITION_DAYS: ReadonlyArray<{ edition: PublicEdition; daysAfterQuarter: number }> = [
  { edition: 'provisional', daysAfterQuarter: 60 },
  { edition: 'final', daysAfterQuarter: 730 },
];

/**
 * An edition counts up to its day and comes out a day later, so that events still on their way at the count's
 * end (a service restarting, a network down for hours) are in it before it is stored for good.
 */
const SETTLING_MS = DAY_MS;

export interface QuarterRelease {
  /** The quarter's first month, e.g. `2026-04`. */
  quarter: string;
  edition: PublicEdition | null;
  countedBefore: Date | null;
  nextEdition: PublicEdition | null;
  nextEditionOn: Date | null;
}

/** The edition of a quarter out at `now` (the latest that has come out), and the next one. */
export function quarterRelease(quarter: string, now: Date): QuarterRelease {
  const ends = monthStart(quarter, 3).getTime();
  const editions = PUBLIC_EDITION_DAYS.map(({ edition, daysAfterQuarter }) => {
    const countedBefore = ends + daysAfterQuarter * DAY_MS;
    return { edition, countedBefore: new Date(countedBefore), on: new Date(countedBefore + SETTLING_MS) };
  });
  const out = editions.filter(({ on }) => on.getTime() <= now.getTime()).at(-1) ?? null;
  const next = editions.find(({ on }) => on.getTime() > now.getTime()) ?? null;
  return {
    quarter,
    edition: out?.edition ?? null,
    countedBefore: out?.countedBefore ?? null,
    nextEdition: next?.edition ?? null,
    nextEditionOn: next?.on ?? null,
  };
}

/** A quarter with an edition out. */
export type ReleasedQuarter = QuarterRelease & { edition: PublicEdition; countedBefore: Date };

export const isReleased = (release: QuarterRelease): release is ReleasedQuarter => release.edition !== null;

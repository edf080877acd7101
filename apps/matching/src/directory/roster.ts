import type { DirectoryRosterChangedV1, RosteredFacilitatorV1 } from '@korgoo/contracts';

/** What other services learn of a centre's roster: everything except the instant it took effect. */
export type Roster = Omit<DirectoryRosterChangedV1, 'effectiveFrom'>;

export interface RosterCentre {
  id: string;
  oblast: DirectoryRosterChangedV1['oblast'];
  status: 'open' | 'paused';
}

export interface RosterFacilitator {
  sex: RosteredFacilitatorV1['sex'];
  /** 'YYYY-MM-DD', or null while in training. */
  certifiedOn: string | null;
  active: boolean;
  weekly: Array<{ weekday: number; start: string; end: string }>;
  exceptions: Array<{ from: string; to: string }>;
}

/**
 * A centre's roster as rostered time: only facilitators who may run sessions (active and certified), each as
 * sex, certification day, windows and absences, in a stable order so that an unchanged roster compares equal.
 * A centre that no longer exists has an empty roster.
 */
export function rosterOf(centreId: string, centre: RosterCentre | null, facilitators: readonly RosterFacilitator[]): Roster {
  const rostered = facilitators
    .filter((f) => f.active && f.certifiedOn !== null)
    .map((f) => ({
      sex: f.sex,
      certifiedOn: f.certifiedOn!,
      weekly: [...f.weekly]
        .map((w) => ({ weekday: w.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7, start: w.start, end: w.end }))
        .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start) || a.end.localeCompare(b.end)),
      absences: f.exceptions
        .map((e) => ({ from: new Date(e.from).toISOString(), to: new Date(e.to).toISOString() }))
        .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    centreId,
    ...(centre ? { oblast: centre.oblast } : {}),
    open: centre?.status === 'open',
    facilitators: centre ? rostered : [],
  };
}

/** Two rosters offer the same time to the same people (keys compared in any order, as Postgres keeps jsonb). */
export function sameRoster(a: Roster, b: Roster | null): boolean {
  return b !== null && canonical(a) === canonical(b);
}

const canonical = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

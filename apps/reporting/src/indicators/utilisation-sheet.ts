import { IndicatorSheet } from '@korgoo/contracts';
import { monthsBetween, UNKNOWN } from './dimensions';
import { DIMENSION_LABELS, GROUP_TITLES, UTILISATION_COLUMNS } from './indicator-catalogue';
import type { IndicatorQuery } from './indicator-query';
import { bookedPairMinutes, PairSessionHold, pairHours, rosteredPairMinutes, RosterSnapshot, utilisationPercent } from './utilisation';

export interface PairHoursInput {
  rosters: readonly RosterSnapshot[];
  /** Holds on sessions starting in the period asked. */
  holds: readonly PairSessionHold[];
  endedAt: ReadonlyMap<string, Date>;
}

interface CentreMonth {
  centre: string;
  month: string;
  rostered: number;
  booked: number;
}

/**
 * Facilitator utilisation as a sheet: for the months asked (the months the sessions fall in, not the month an
 * order was issued), per centre, booked pair-hours against rostered pair-hours. It breaks down by month, centre
 * and the centre's oblast; by any other dimension it has its total only, and a police unit has none.
 */
export function utilisationSheet(input: PairHoursInput, query: IndicatorQuery): IndicatorSheet {
  const oblastOf = centreOblasts(input.rosters);
  const centres = [...new Set([...input.rosters.map((r) => r.centreId), ...input.holds.map((h) => h.centreId)])].filter((centre) =>
    visible(centre, oblastOf.get(centre) ?? null, query),
  );
  const cells: CentreMonth[] = centres.flatMap((centre) => {
    const rosters = input.rosters.filter((r) => r.centreId === centre);
    const holds = input.holds.filter((h) => h.centreId === centre);
    return monthsBetween(query.from, query.to).map((month) => ({
      centre,
      month,
      rostered: rosteredPairMinutes(rosters, month),
      booked: bookedPairMinutes(holds, input.endedAt, month),
    }));
  });
  const rowKey = (cell: CentreMonth): string | null => {
    if (query.groupBy === 'month') return cell.month;
    if (query.groupBy === 'centre') return cell.centre;
    if (query.groupBy === 'oblast') return oblastOf.get(cell.centre) ?? UNKNOWN;
    return null;
  };
  const rows = new Map<string, CentreMonth[]>();
  if (query.groupBy === 'month') for (const month of monthsBetween(query.from, query.to)) rows.set(month, []);
  for (const cell of cells) {
    const key = rowKey(cell);
    if (key !== null) rows.set(key, [...(rows.get(key) ?? []), cell]);
  }
  return {
    group: 'utilisation',
    title: GROUP_TITLES.utilisation,
    dimension: { key: query.groupBy, label: DIMENSION_LABELS[query.groupBy] },
    columns: UTILISATION_COLUMNS.map(({ key, label }) => ({ key, label })),
    rows: [...rows.keys()].sort().map((key) => ({ key, values: figures(rows.get(key)!) })),
    total: figures(cells),
  };
}

/** Rostered hours, booked hours, and booked against rostered in per cent: the catalogue's column order. */
function figures(cells: readonly CentreMonth[]): Array<number | null> {
  const rostered = cells.reduce((sum, c) => sum + c.rostered, 0);
  const booked = cells.reduce((sum, c) => sum + c.booked, 0);
  return [pairHours(rostered), pairHours(booked), utilisationPercent(booked, rostered)];
}

/** A centre's oblast as its newest roster that names one says. */
function centreOblasts(rosters: readonly RosterSnapshot[]): Map<string, string> {
  const oblasts = new Map<string, string>();
  const newestFirst = [...rosters].sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime());
  for (const r of newestFirst) if (r.oblast && !oblasts.has(r.centreId)) oblasts.set(r.centreId, r.oblast);
  return oblasts;
}

/** Centre staff see their own centre; a police unit's scope or filter concerns no centre's roster. */
function visible(centre: string, oblast: string | null, query: IndicatorQuery): boolean {
  const { scope } = query;
  if (scope.kind === 'unit' || query.unit) return false;
  if (scope.kind === 'centre' && centre !== scope.centreId) return false;
  if (query.centreId && centre !== query.centreId) return false;
  return !query.oblast || oblast === query.oblast;
}

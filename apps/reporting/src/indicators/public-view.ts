import { OBLASTS, PublicCount, PublicIndicators } from '@korgoo/contracts';
import { monthsBetween, UNKNOWN } from './dimensions';
import { INDICATOR_COLUMNS } from './indicator-catalogue';
import { buildIndicatorReport } from './indicator-report';
import { CaseFact, OrderCase } from './order-case';
import { QuarterRelease } from './public-release';
import { SuppressedCell, suppressSmallCounts } from './suppression';

/**
 * The counts anyone may read. Counts of orders, referral and programme steps, the voluntary component and
 * monitoring meetings only: no duration (a median of three is three people's dates), no reason breakdown and
 * no repeat orders (too fine for a public table), and no centre or police unit (a centre in a small town is a
 * handful of people).
 */
export const PUBLIC_INDICATORS = [
  'orders_registered',
  'orders_extended',
  'orders_withdrawn',
  'immediate_danger_alerts',
  'referrals_routed',
  'referrals_accepted',
  'referrals_declined',
  'referrals_rerouted',
  'referrals_escalated',
  'referrals_unroutable',
  'programmes_started',
  'programmes_attending',
  'programmes_completed',
  'programmes_refused',
  'programmes_closed',
  'orders_expired_unplaced',
  'voluntary_enrolled',
  'voluntary_completed',
  'voluntary_left',
  'follow_ups_held',
  'follow_ups_missed',
] as const;

/** A public request covers at most three years (widened to whole quarters): each month is a pass over the period's facts. */
export const PUBLIC_MONTHS_AT_MOST = 36;

const PUBLIC_OBLASTS: readonly string[] = [...OBLASTS, UNKNOWN];

/**
 * The period a public request is answered for: whole calendar quarters, from the quarter holding `from` to the
 * one holding `to`. Each quarter's tables are suppressed once and read the same by every request, so two
 * overlapping requests cannot be subtracted from each other to recover a small count.
 */
export function publicPeriod(from: string, to: string): { from: string; to: string } {
  const quarterStart = (month: string) => {
    const [year, number] = month.split('-').map(Number);
    return { year, first: number - ((number - 1) % 3) };
  };
  const start = quarterStart(from);
  const end = quarterStart(to);
  const label = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
  return { from: label(start.year, start.first), to: label(end.year, end.first + 2) };
}

/** One indicator of one quarter as published: suppressed with its margins, without its label. */
export interface QuarterTable {
  key: string;
  byMonthAndOblast: PublicCount[][];
  nationalByMonth: PublicCount[];
  byOblast: PublicCount[];
  national: PublicCount;
}

/** The first month of each quarter of a period of whole quarters (`publicPeriod`). */
export function quartersOf(period: { from: string; to: string }): string[] {
  return monthsBetween(period.from, period.to).filter((_, index) => index % 3 === 0);
}

/** The months of the quarter that starts with `quarter`. */
export function quarterMonths(quarter: string): string[] {
  return monthsBetween(quarter, publicPeriod(quarter, quarter).to);
}

/**
 * One quarter's tables, as an edition publishes them: of the orders issued in the quarter, what happened before
 * `countedBefore`. Each indicator is a month × oblast table suppressed with its margins: the national figure of a
 * month is its row total, an oblast's figure for the quarter its column total.
 */
export function quarterTables(orders: readonly OrderCase[], facts: readonly CaseFact[], quarter: string, countedBefore: Date): QuarterTable[] {
  const months = quarterMonths(quarter);
  const counted = facts.filter((fact) => fact.occurredAt.getTime() < countedBefore.getTime());
  const reports = new Map(months.map((month) => [month, buildIndicatorReport(orders, counted, { scope: { kind: 'national' }, from: month, to: month, groupBy: 'oblast' })]));
  const countOf = (month: string, key: string, oblast: string): number => {
    const sheet = reports.get(month)!.sheets.find((candidate) => candidate.columns.some((column) => column.key === key))!;
    const index = sheet.columns.findIndex((column) => column.key === key);
    return sheet.rows.find((row) => row.key === oblast)?.values[index] ?? 0;
  };
  return PUBLIC_INDICATORS.map((key) => {
    const table = suppressSmallCounts(months.map((month) => PUBLIC_OBLASTS.map((oblast) => countOf(month, key, oblast))));
    return {
      key,
      byMonthAndOblast: table.cells.map((row) => row.map(shown)),
      nationalByMonth: table.rowTotals.map(shown),
      byOblast: table.columnTotals.map(shown),
      national: shown(table.grandTotal),
    };
  });
}

/**
 * The answer to a public request from its quarters: every quarter with the edition shown, and the tables of
 * those out, a row per month. A figure over several quarters is the sum of theirs when every one of them is
 * shown, else hidden: shown beside the quarters' own, it would give a hidden quarter away by subtraction.
 */
export function publicAnswer(
  period: { from: string; to: string },
  quarters: ReadonlyArray<{ release: QuarterRelease; tables: readonly QuarterTable[] | null }>,
): PublicIndicators {
  const out = quarters.filter((quarter): quarter is { release: QuarterRelease; tables: readonly QuarterTable[] } => quarter.tables !== null);
  return {
    ...period,
    quarters: quarters.map(({ release }) => ({
      from: release.quarter,
      to: publicPeriod(release.quarter, release.quarter).to,
      edition: release.edition,
      countedBefore: release.countedBefore?.toISOString() ?? null,
      nextEdition: release.nextEdition,
      nextEditionOn: release.nextEditionOn?.toISOString() ?? null,
    })),
    months: out.flatMap(({ release }) => quarterMonths(release.quarter)),
    oblasts: [...PUBLIC_OBLASTS],
    indicators:
      out.length === 0
        ? []
        : PUBLIC_INDICATORS.map((key) => {
            const tables = out.map(({ release, tables }) => tables.find((table) => table.key === key) ?? hiddenTable(key, release.quarter));
            return {
              key,
              label: INDICATOR_COLUMNS.find((column) => column.key === key)!.label,
              byMonthAndOblast: tables.flatMap((table) => table.byMonthAndOblast),
              nationalByMonth: tables.flatMap((table) => table.nationalByMonth),
              byOblast: PUBLIC_OBLASTS.map((_, column) => acrossQuarters(tables.map((table) => table.byOblast[column]))),
              national: acrossQuarters(tables.map((table) => table.national)),
            };
          }),
  };
}

/** An indicator added after a quarter's edition came out is not counted into it afterwards: hidden there. */
function hiddenTable(key: string, quarter: string): QuarterTable {
  const row = (): PublicCount[] => PUBLIC_OBLASTS.map(() => 'x');
  const months = quarterMonths(quarter);
  return { key, byMonthAndOblast: months.map(row), nationalByMonth: months.map(() => 'x'), byOblast: row(), national: 'x' };
}

/** One quarter's figure as it is; several quarters' as their sum only when none of them is hidden. */
function acrossQuarters(figures: PublicCount[]): PublicCount {
  if (figures.length === 1) return figures[0];
  return figures.every((figure) => typeof figure === 'number') ? (figures as number[]).reduce((sum, figure) => sum + figure, 0) : 'x';
}

function shown(cell: SuppressedCell): PublicCount {
  if (cell.shown === 'value') return cell.value;
  return cell.shown === 'small' ? '<5' : 'x';
}

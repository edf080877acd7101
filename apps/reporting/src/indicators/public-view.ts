import { OBLASTS, PublicCount, PublicIndicators } from '@korgoo/contracts';
import { monthsBetween, UNKNOWN } from './dimensions';
import { INDICATOR_COLUMNS } from './indicator-catalogue';
import { buildIndicatorReport } from './indicator-report';
import { CaseFact, OrderCase } from './order-case';
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

/**
 * National and oblast counts by month of the orders issued in the quarters from `from` to `to`
 * (`publicPeriod`). Each indicator is a month × oblast table per quarter, suppressed with its margins: the
 * national figure of a month is its row total, an oblast's figure for the quarter its column total. A figure
 * over several quarters is the sum of theirs when every one of them is shown, else hidden: shown beside the
 * quarters' own, it would give a hidden quarter away by subtraction.
 */
export function buildPublicIndicators(orders: readonly OrderCase[], facts: readonly CaseFact[], from: string, to: string): PublicIndicators {
  const period = publicPeriod(from, to);
  const months = monthsBetween(period.from, period.to);
  const quarters = Array.from({ length: months.length / 3 }, (_, q) => months.slice(q * 3, q * 3 + 3));
  const reports = new Map(months.map((month) => [month, buildIndicatorReport(orders, facts, { scope: { kind: 'national' }, from: month, to: month, groupBy: 'oblast' })]));
  const countOf = (month: string, key: string, oblast: string): number => {
    const sheet = reports.get(month)!.sheets.find((candidate) => candidate.columns.some((column) => column.key === key))!;
    const index = sheet.columns.findIndex((column) => column.key === key);
    return sheet.rows.find((row) => row.key === oblast)?.values[index] ?? 0;
  };
  return {
    ...period,
    months,
    oblasts: [...PUBLIC_OBLASTS],
    indicators: PUBLIC_INDICATORS.map((key) => {
      const published = quarters.map((quarter) => suppressSmallCounts(quarter.map((month) => PUBLIC_OBLASTS.map((oblast) => countOf(month, key, oblast)))));
      return {
        key,
        label: INDICATOR_COLUMNS.find((column) => column.key === key)!.label,
        byMonthAndOblast: published.flatMap((table) => table.cells.map((row) => row.map(shown))),
        nationalByMonth: published.flatMap((table) => table.rowTotals.map(shown)),
        byOblast: PUBLIC_OBLASTS.map((_, column) => acrossQuarters(published.map((table) => table.columnTotals[column]))),
        national: acrossQuarters(published.map((table) => table.grandTotal)),
      };
    }),
  };
}

/** One quarter's figure as it is; several quarters' as their sum only when none of them is hidden. */
function acrossQuarters(cells: SuppressedCell[]): PublicCount {
  if (cells.length === 1) return shown(cells[0]);
  return cells.every((cell) => cell.shown === 'value') ? cells.reduce((sum, cell) => sum + cell.value!, 0) : 'x';
}

function shown(cell: SuppressedCell): PublicCount {
  if (cell.shown === 'value') return cell.value;
  return cell.shown === 'small' ? '<5' : 'x';
}

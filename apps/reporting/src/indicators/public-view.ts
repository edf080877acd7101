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

/** A public request covers at most three years: each month is a pass over the period's facts. */
export const PUBLIC_MONTHS_AT_MOST = 36;

const PUBLIC_OBLASTS: readonly string[] = [...OBLASTS, UNKNOWN];

/**
 * National and oblast counts by month of the orders issued in [from, to], each indicator a month × oblast
 * table suppressed with its margins: the national figure of a month is its row total, an oblast's figure for
 * the period its column total.
 */
export function buildPublicIndicators(orders: readonly OrderCase[], facts: readonly CaseFact[], from: string, to: string): PublicIndicators {
  const months = monthsBetween(from, to);
  const reports = months.map((month) => buildIndicatorReport(orders, facts, { scope: { kind: 'national' }, from: month, to: month, groupBy: 'oblast' }));
  const countOf = (report: (typeof reports)[number], key: string, oblast: string): number => {
    const sheet = report.sheets.find((candidate) => candidate.columns.some((column) => column.key === key))!;
    const index = sheet.columns.findIndex((column) => column.key === key);
    return sheet.rows.find((row) => row.key === oblast)?.values[index] ?? 0;
  };
  return {
    from,
    to,
    months,
    oblasts: [...PUBLIC_OBLASTS],
    indicators: PUBLIC_INDICATORS.map((key) => {
      const published = suppressSmallCounts(reports.map((report) => PUBLIC_OBLASTS.map((oblast) => countOf(report, key, oblast))));
      return {
        key,
        label: INDICATOR_COLUMNS.find((column) => column.key === key)!.label,
        byMonthAndOblast: published.cells.map((row) => row.map(shown)),
        nationalByMonth: published.rowTotals.map(shown),
        byOblast: published.columnTotals.map(shown),
        national: shown(published.grandTotal),
      };
    }),
  };
}

function shown(cell: SuppressedCell): PublicCount {
  if (cell.shown === 'value') return cell.value;
  return cell.shown === 'small' ? '<5' : 'x';
}

import type { OrderOutcome, UnplacedReason } from './online-policies';
import { OBLASTS, SimOrder } from './orders';
import { DEFAULT_MAX_TRAVEL_MINUTES } from '../../apps/matching/src/capacity/candidates';

export interface Coverage {
  orders: number;
  placed: number;
  share: number;
}

export interface PolicySummary {
  policy: string;
  orders: number;
  placed: number;
  placedShare: number;
  travelMinutes: { median: number | null; p95: number | null; mean: number | null };
  unplaced: Partial<Record<UnplacedReason, number>>;
  /** Orders a coordinator had to take over (router only). */
  escalated: number | null;
  escalatedShare: number | null;
  /** Orders placed after one or more declines or missed deadlines. */
  placedAfterHandOff: number;
  coverageByOblast: Record<string, Coverage>;
  /** Placement by routing priority: under shortage the waiting queue serves urgent orders first. */
  coverageByPriority: Record<string, Coverage>;
  /**
   * Placement by the participant's sex: women's programmes are led by a woman and men's by a man, so the
   * rosters' men and women limit each apart.
   */
  coverageBySex: Record<string, Coverage>;
  placedByCentre: Record<string, number>;
  /** Placed when a decline or a missed deadline freed capacity while the order waited (router only). */
  placedFromQueue: number;
  /** Placed farther than the reach one way: must be 0 for the router. */
  placedBeyondReach: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarise(policy: string, orders: readonly SimOrder[], outcomes: readonly OrderOutcome[]): PolicySummary {
  const travel = outcomes.flatMap((o) => (o.placed && o.travelMinutes !== null ? [o.travelMinutes] : [])).sort((a, b) => a - b);
  const placed = outcomes.filter((o) => o.placed).length;
  const unplaced: Partial<Record<UnplacedReason, number>> = {};
  const placedByCentre: Record<string, number> = {};
  for (const o of outcomes) {
    if (o.reason) unplaced[o.reason] = (unplaced[o.reason] ?? 0) + 1;
    if (o.centreId) placedByCentre[o.centreId] = (placedByCentre[o.centreId] ?? 0) + 1;
  }
  // Every oblast is listed, placed or not; priorities and sexes as they occur.
  const coverageByOblast = coverage(orders, outcomes, (order) => order.oblast, OBLASTS);
  const coverageByPriority = coverage(orders, outcomes, (order) => order.priority);
  const coverageBySex = coverage(orders, outcomes, (order) => order.sex);
  const escalated = policy === 'router' ? (unplaced.no_feasible_centre ?? 0) + (unplaced.hand_offs_exhausted ?? 0) : null;
  return {
    policy,
    orders: orders.length,
    placed,
    placedShare: orders.length ? placed / orders.length : 0,
    travelMinutes: {
      median: percentile(travel, 50),
      p95: percentile(travel, 95),
      mean: travel.length ? travel.reduce((a, b) => a + b, 0) / travel.length : null,
    },
    unplaced,
    escalated,
    escalatedShare: escalated === null ? null : escalated / Math.max(1, orders.length),
    placedAfterHandOff: outcomes.filter((o) => o.placed && o.handOffs > 0).length,
    coverageByOblast,
    coverageByPriority,
    coverageBySex,
    placedByCentre,
    placedFromQueue: outcomes.filter((o) => o.placed && o.fromQueue).length,
    placedBeyondReach: travel.filter((m) => m > DEFAULT_MAX_TRAVEL_MINUTES).length,
  };
}

export const percent = (share: number | null, digits = 1): string =>
  share === null || Number.isNaN(share) ? '-' : `${(share * 100).toFixed(digits)}%`;

export const minutes = (value: number | null): string => (value === null ? '-' : `${Math.round(value)} min`);

/** Plain fixed-width table: first column left-aligned, the others right-aligned. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Orders and placements per value of `keyOf`, starting from `listed` values with none. */
function coverage(
  orders: readonly SimOrder[],
  outcomes: readonly OrderOutcome[],
  keyOf: (order: SimOrder) => string,
  listed: readonly string[] = [],
): Record<string, Coverage> {
  const rows: Record<string, Coverage> = Object.fromEntries(listed.map((key) => [key, { orders: 0, placed: 0, share: 0 }]));
  orders.forEach((order, i) => {
    const row = (rows[keyOf(order)] ??= { orders: 0, placed: 0, share: 0 });
    row.orders++;
    if (outcomes[i].placed) row.placed++;
  });
  for (const row of Object.values(rows)) row.share = row.orders ? row.placed / row.orders : 0;
  return rows;
}

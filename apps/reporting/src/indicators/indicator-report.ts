import { INDICATOR_GROUPS, IndicatorReport, IndicatorSheet } from '@korgoo/contracts';
import { centreOfOrder, dimensionValue, monthOf, monthsBetween } from './dimensions';
import { DIMENSION_LABELS, GROUP_TITLES, INDICATOR_COLUMNS, IndicatorColumn } from './indicator-catalogue';
import { IndicatorQuery } from './indicator-query';
import { CaseFact, OrderCase, PersonOrder } from './order-case';
import { PairHoursInput, utilisationSheet } from './utilisation-sheet';
import { nextOrderAfter, placementOutcome, PlacementOutcome } from './repeat-orders';

interface PlacedFact {
  fact: CaseFact;
  order: OrderCase;
  centre: string | null;
}

/**
 * Turns the read model into the indicator tables: orders issued in [from, to] (by month in Bishkek), within
 * the caller's scope and the filters, one row per value of the chosen dimension. A fact that names a centre
 * counts for that centre; any other fact counts for the order's centre.
 */
export function buildIndicatorReport(
  orders: readonly OrderCase[],
  facts: readonly CaseFact[],
  query: IndicatorQuery,
  personHistory: readonly PersonOrder[] = [],
  pairHours: PairHoursInput = { rosters: [], holds: [], endedAt: new Map() },
): IndicatorReport {
  const byOrder = new Map(orders.map((order) => [order.orderId, order]));
  const factsByOrder = new Map<string, CaseFact[]>();
  for (const fact of facts) factsByOrder.set(fact.orderId, [...(factsByOrder.get(fact.orderId) ?? []), fact]);
  const context: CellContext = {
    orders: byOrder,
    outcomes: new Map(orders.map((order) => [order.orderId, placementOutcome(factsByOrder.get(order.orderId) ?? [])])),
    nextOrders: new Map(orders.map((order) => [order.orderId, nextOrderAfter(order, personHistory)])),
  };

  const placed: PlacedFact[] = [];
  for (const [orderId, orderFacts] of factsByOrder) {
    const order = byOrder.get(orderId);
    if (!order?.issuedAt || !within(monthOf(order.issuedAt), query)) continue;
    if (query.oblast && order.oblast !== query.oblast) continue;
    if (query.unit && order.unit !== query.unit) continue;
    const orderCentre = centreOfOrder(orderFacts);
    for (const fact of orderFacts) {
      const centre = fact.centreId ?? orderCentre;
      if (!visible(centre, order, query)) continue;
      placed.push({ fact, order, centre });
    }
  }

  const rows = new Map<string, PlacedFact[]>();
  if (query.groupBy === 'month') for (const month of monthsBetween(query.from, query.to)) rows.set(month, []);
  for (const item of placed) {
    const key = dimensionValue(query.groupBy, item.order, item.fact, item.centre);
    rows.set(key, [...(rows.get(key) ?? []), item]);
  }
  const keys = [...rows.keys()].sort();
  const sheets: IndicatorSheet[] = INDICATOR_GROUPS.map((group) => {
    if (group === 'utilisation') return utilisationSheet(pairHours, query);
    const columns = INDICATOR_COLUMNS.filter((column) => column.group === group);
    return {
      group,
      title: GROUP_TITLES[group],
      dimension: { key: query.groupBy, label: DIMENSION_LABELS[query.groupBy] },
      columns: columns.map(({ key, label }) => ({ key, label })),
      rows: keys.map((key) => ({ key, values: measureAll(columns, rows.get(key)!, context) })),
      total: measureAll(columns, placed, context),
    };
  });
  return { from: query.from, to: query.to, groupBy: query.groupBy, sheets };
}

function within(month: string, query: IndicatorQuery): boolean {
  return month >= query.from && month <= query.to;
}

function visible(centre: string | null, order: OrderCase, query: IndicatorQuery): boolean {
  const { scope } = query;
  if (scope.kind === 'centre' && centre !== scope.centreId) return false;
  if (scope.kind === 'unit' && order.unit !== scope.unitId) return false;
  return !query.centreId || centre === query.centreId;
}

interface CellContext {
  orders: ReadonlyMap<string, OrderCase>;
  outcomes: ReadonlyMap<string, PlacementOutcome | null>;
  nextOrders: ReadonlyMap<string, Date | null>;
}

function measureAll(columns: readonly IndicatorColumn[], items: readonly PlacedFact[], context: CellContext) {
  const cell = { ...context, facts: items.map((item) => item.fact) };
  return columns.map((column) => column.measure(cell));
}

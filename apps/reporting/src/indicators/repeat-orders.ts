import { CaseFact, OrderCase, PersonOrder } from './order-case';

export const REPEAT_WINDOWS_MONTHS = [6, 12, 18] as const;
export const PLACEMENT_OUTCOMES = ['completed', 'refused', 'never_placed'] as const;
export type PlacementOutcome = (typeof PLACEMENT_OUTCOMES)[number];

/** Where the order's programme ended, for the recidivism question; null while undecided or closed otherwise. */
export function placementOutcome(facts: readonly CaseFact[]): PlacementOutcome | null {
  if (facts.some((f) => f.kind === 'programme_completed')) return 'completed';
  if (facts.some((f) => f.kind === 'programme_refused')) return 'refused';
  return facts.some((f) => f.kind === 'programme_started') ? null : 'never_placed';
}

export function addMonths(instant: Date, months: number): Date {
  const moved = new Date(instant);
  moved.setUTCMonth(moved.getUTCMonth() + months);
  return moved;
}

/** When the next order against the same person was issued, if there was one. */
export function nextOrderAfter(order: OrderCase, history: readonly PersonOrder[]): Date | null {
  if (!order.personRef || !order.issuedAt) return null;
  const issuedAt = order.issuedAt;
  return history
    .filter((other) => other.personRef === order.personRef && other.orderId !== order.orderId && other.issuedAt > issuedAt)
    .reduce<Date | null>((next, other) => (!next || other.issuedAt < next ? other.issuedAt : next), null);
}

export function repeatedWithin(order: OrderCase, next: Date | null, months: number): boolean {
  return !!next && !!order.issuedAt && next <= addMonths(order.issuedAt, months);
}

import type { RoutingPriority } from '@korgoo/contracts';

/**
 * Orders no centre could take wait for capacity in one queue: the highest priority first, then the one
 * whose order runs out soonest. Whenever capacity appears the queue is tried again in this order, in the
 * same transaction that freed it, so an order of lower priority never takes a place that a waiting order
 * of higher priority could use.
 */
export interface WaitingReferral {
  referralNumber: string;
  priority: RoutingPriority;
  /** When the order ends (ISO 8601). */
  expiresAt: string;
}

const RANK: Record<RoutingPriority, number> = { urgent: 0, high: 1, standard: 2 };

export function compareWaiting(a: WaitingReferral, b: WaitingReferral): number {
  return (
    RANK[a.priority] - RANK[b.priority] ||
    Date.parse(a.expiresAt) - Date.parse(b.expiresAt) ||
    (a.referralNumber < b.referralNumber ? -1 : a.referralNumber > b.referralNumber ? 1 : 0)
  );
}

/** The queue in serving order, without orders that have already ended (nothing can be held for them). */
export function servingOrder<W extends WaitingReferral>(waiting: readonly W[], now: Date): W[] {
  return waiting.filter((w) => Date.parse(w.expiresAt) > now.getTime()).sort(compareWaiting);
}

/**
 * Why the queue is tried again, shown in the decision record of every order it places: capacity freed, or
 * an order extended, which frees nothing but may let that order fit where its old expiry did not.
 */
export type CapacityFreedBy =
  | 'declined'
  | 'expired'
  | 'cancelled'
  | 'reassigned'
  | 'directory_changed'
  | 'programme_released'
  | 'order_extended';

/** The routing trigger and transition reason of a placement from the queue. */
export function queuePlacementReason(freedBy: CapacityFreedBy): 'capacity_freed' | 'order_extended' {
  return freedBy === 'order_extended' ? 'order_extended' : 'capacity_freed';
}

/**
 * An order waiting for a programme, from registration until a centre accepts it. One that reaches its
 * expiry with no programme ends as `expired_unplaced`, keeping why routing could not place it.
 */
export type PlacementState = 'waiting' | 'withdrawn' | 'expired_unplaced';

export interface Placement {
  orderId: string;
  /** Unknown until the order's registration or extension is seen: the events come on separate consumers. */
  expiresAt: Date | null;
  state: PlacementState;
  reasons: string[];
}

/** An order's placement before any of its events is seen: waiting, its expiry unknown, no reasons yet. */
export function unseenPlacement(orderId: string): Placement {
  return { orderId, expiresAt: null, state: 'waiting', reasons: [] };
}

/** The order's expiry as it stands: only ever later, so events seen out of order cannot shorten it. */
export function takeExpiry(placement: Placement, expiresAt: Date): boolean {
  if (placement.state !== 'waiting') return false;
  if (placement.expiresAt && expiresAt.getTime() <= placement.expiresAt.getTime()) return false;
  placement.expiresAt = expiresAt;
  return true;
}

/** Why routing could not place the order, kept once each, in the order they came. */
export function noteRoutingReasons(placement: Placement, reasons: readonly string[]): void {
  for (const reason of reasons) if (!placement.reasons.includes(reason)) placement.reasons.push(reason);
}

export function withdrawPlacement(placement: Placement): void {
  if (placement.state === 'waiting') placement.state = 'withdrawn';
}

/**
 * At expiry: still waiting, and no programme was ever started for the order, so it ends `expired_unplaced`.
 * A timer of an expiry since extended finds the order not expired yet and says nothing.
 */
export function expireUnplaced(placement: Placement, hasProgramme: boolean, now: Date): boolean {
  if (placement.state !== 'waiting' || hasProgramme || !placement.expiresAt) return false;
  if (now.getTime() < placement.expiresAt.getTime()) return false;
  placement.state = 'expired_unplaced';
  return true;
}

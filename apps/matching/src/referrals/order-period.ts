import { QueryRejected } from '@korgoo/contracts';
import type { RoutingFacts } from './centre-selection';

/**
 * The routing facts with the order's later expiry, or null when it is not later: an extension only ever
 * moves the expiry on, so extensions seen out of order, or twice, change nothing.
 */
export function withLaterExpiry(facts: RoutingFacts, expiresAt: Date | null): RoutingFacts | null {
  if (!expiresAt || expiresAt.getTime() <= Date.parse(facts.expiresAt)) return null;
  return { ...facts, expiresAt: expiresAt.toISOString() };
}

/**
 * Nobody places a participant whose order has ended, neither a centre accepting nor a coordinator assigning:
 * its expiry has passed, or it already ended with no programme (a final outcome). Sessions booked then would
 * be held for nobody.
 */
export function placementAfterEnd(
  referral: { referralNumber: string; routing: Pick<RoutingFacts, 'expiresAt'> },
  endedUnplacedAt: Date | null,
  now: Date,
): QueryRejected | null {
  if (endedUnplacedAt) {
    return new QueryRejected('conflict', `referral ${referral.referralNumber}: its order ended without a programme`);
  }
  if (Date.parse(referral.routing.expiresAt) <= now.getTime()) {
    return new QueryRejected('conflict', `referral ${referral.referralNumber}: its order ended at ${referral.routing.expiresAt}`);
  }
  return null;
}

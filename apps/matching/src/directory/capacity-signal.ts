import { EntityManager } from 'typeorm';
import type { CapacityFreedBy } from '../referrals/waiting-queue';

/** What the directory or the calendar tells routing inside the same transaction; one listener, routing's. */
class RoutingSignal<T> {
  private listener: ((tx: EntityManager, what: T) => Promise<void>) | null = null;

  listen(listener: (tx: EntityManager, what: T) => Promise<void>): void {
    this.listener = listener;
  }

  protected async tell(tx: EntityManager, what: T): Promise<void> {
    await this.listener?.(tx, what);
  }
}

/**
 * Capacity may have appeared (a facilitator, a slot or more hours in the directory; a programme giving its
 * sessions back): routing hears it inside the same transaction and serves the waiting orders, so nothing
 * routed meanwhile takes the place first. One listener: the waiting queue.
 */
export class CapacitySignal extends RoutingSignal<CapacityFreedBy> {
  appeared(tx: EntityManager, freedBy: CapacityFreedBy): Promise<void> {
    return this.tell(tx, freedBy);
  }
}

/** A referral not yet accepted, and the session of it its centre can no longer hold. */
export interface StrandedProposal {
  referralId: string;
  sessionIndex: number;
}

/**
 * A facilitator's absence displaced a session of a referral not yet accepted, and nothing fits at its centre
 * before expiry: routing takes the referral back from that centre inside the same transaction, and it moves on
 * as after a decline. One listener: routing.
 */
export class StrandedProposals extends RoutingSignal<StrandedProposal> {
  stranded(tx: EntityManager, proposal: StrandedProposal): Promise<void> {
    return this.tell(tx, proposal);
  }
}

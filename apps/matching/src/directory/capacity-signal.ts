import { EntityManager } from 'typeorm';
import type { CapacityFreedBy } from '../referrals/waiting-queue';

type Listener = (tx: EntityManager, freedBy: CapacityFreedBy) => Promise<void>;

/**
 * Capacity may have appeared (a facilitator, a slot or more hours in the directory; a programme giving its
 * sessions back): routing hears it inside the same transaction and serves the waiting orders, so nothing
 * routed meanwhile takes the place first. One listener: the waiting queue.
 */
export class CapacitySignal {
  private listener: Listener | null = null;

  listen(listener: Listener): void {
    this.listener = listener;
  }

  async appeared(tx: EntityManager, freedBy: CapacityFreedBy): Promise<void> {
    await this.listener?.(tx, freedBy);
  }
}

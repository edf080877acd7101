import { EntityManager } from 'typeorm';
import { Delivery } from '@korgoo/messaging';
import { noteRoutingReasons, orderExpiryTimer, takeExpiry, unseenPlacement, withdrawPlacement } from '../domain';
import { PlacementStore } from './placement-store';

/**
 * Follows an order until a centre takes it: its expiry (registered, then extended) with a timer at it,
 * its withdrawal, and every reason routing gave for not placing it. The events come on separate consumers,
 * in any order; each one changes the placement under its lock, taken by the statement that writes it where
 * the change needs nothing read first.
 */
export class WatchPlacement {
  constructor(private readonly placements: PlacementStore) {}

  /**
   * The registration is almost always the order's first event: then the placement is made with its expiry at
   * once, in a batch together with the others' before it commits.
   */
  async registered(tx: EntityManager, delivery: Delivery, orderId: string, expiresAt: Date): Promise<void> {
    const placement = unseenPlacement(orderId);
    takeExpiry(placement, expiresAt);
    const sight = { placement, timer: orderExpiryTimer(expiresAt) };
    if (delivery.shared) return delivery.gather(this.placements.firstSights, sight);
    if ((await this.placements.makeOnFirstSight(tx, [sight])) === 1) return;
    await this.expiry(tx, orderId, expiresAt);
  }

  async expiry(tx: EntityManager, orderId: string, expiresAt: Date): Promise<void> {
    const placement = await this.placements.locked(tx, orderId);
    if (!takeExpiry(placement, expiresAt)) return;
    await this.placements.save(tx, placement, null, orderExpiryTimer(expiresAt));
  }

  async withdrawn(tx: EntityManager, orderId: string): Promise<void> {
    const unseen = unseenPlacement(orderId);
    withdrawPlacement(unseen);
    await this.placements.withdraw(tx, unseen);
  }

  /** Written with the other reasons of the transaction before it commits. */
  notPlaced(delivery: Delivery, orderId: string, reasons: readonly string[]): void {
    const unseen = unseenPlacement(orderId);
    noteRoutingReasons(unseen, reasons);
    delivery.gather(this.placements.reasonsNoted, unseen);
  }
}

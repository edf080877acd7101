import { EntityManager } from 'typeorm';
import { noteRoutingReasons, orderExpiryTimer, takeExpiry, withdrawPlacement } from '../domain';
import { PlacementStore } from './placement-store';

/**
 * Follows an order until a centre takes it: its expiry (registered, then extended) with a timer at it,
 * its withdrawal, and every reason routing gave for not placing it. The events come on separate consumers,
 * in any order; each one changes the placement under its lock.
 */
export class WatchPlacement {
  constructor(private readonly placements: PlacementStore) {}

  async expiry(tx: EntityManager, orderId: string, expiresAt: Date): Promise<void> {
    const placement = await this.placements.locked(tx, orderId);
    if (!takeExpiry(placement, expiresAt)) return;
    await this.placements.save(tx, placement, null, orderExpiryTimer(expiresAt));
  }

  async withdrawn(tx: EntityManager, orderId: string): Promise<void> {
    const placement = await this.placements.locked(tx, orderId);
    if (placement.state !== 'waiting') return;
    withdrawPlacement(placement);
    await this.placements.save(tx, placement);
  }

  async notPlaced(tx: EntityManager, orderId: string, reasons: readonly string[]): Promise<void> {
    const placement = await this.placements.locked(tx, orderId);
    const known = placement.reasons.length;
    noteRoutingReasons(placement, reasons);
    // Reasons already kept (a redelivery, a second routing with the same verdict) change nothing to write.
    if (placement.reasons.length === known) return;
    await this.placements.save(tx, placement);
  }
}

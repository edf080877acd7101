import { EntityManager } from 'typeorm';
import { EventSubjects } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { expireUnplaced } from '../domain';
import { PlacementStore } from './placement-store';

/**
 * An order's expiry timer fired: if no centre ever took the order, it ends `expired_unplaced` with routing's
 * reasons. Runs in the timer's claiming transaction, under the placement's lock, so it ends once.
 */
export class ExpireUnplaced {
  constructor(
    private readonly placements: PlacementStore,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute(tx: EntityManager, orderId: string): Promise<boolean> {
    const placement = await this.placements.locked(tx, orderId);
    const now = this.clock.now();
    if (!expireUnplaced(placement, await this.placements.hasProgramme(tx, orderId), now)) return false;
    await this.placements.save(tx, placement, now);
    await this.outbox.enqueue(tx, EventSubjects.ProgrammeExpiredUnplaced, orderId, {
      orderId,
      expiresAt: placement.expiresAt!.toISOString(),
      expiredAt: now.toISOString(),
      reasons: placement.reasons,
    });
    return true;
  }
}

import { EntityManager } from 'typeorm';
import { EventEnvelope, OrderExtendedV1 } from '@korgoo/contracts';
import { Clock } from '@korgoo/platform/core';
import { withLaterExpiry } from '../order-period';
import { DeadlineRepository } from '../repositories/deadline-repository';
import { ReferralRepository } from '../repositories/referral-repository';
import { TransitionRepository } from '../repositories/transition-repository';
import { ServeWaitingReferrals } from './serve-waiting-referrals';

/**
 * The police extended the order: routing plans to the new expiry from now on, and an order waiting for
 * capacity is tried again in its place in the queue, since four sessions may now fit where they did not.
 * An order that already ended without a programme stays ended: an extension does not reopen it.
 */
export class ExtendReferral {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly transitions: TransitionRepository,
    private readonly waiting: ServeWaitingReferrals,
    private readonly clock: Clock,
  ) {}

  async execute(tx: EntityManager, event: EventEnvelope<OrderExtendedV1>): Promise<void> {
    const { orderId } = event.payload;
    const expiresAt = new Date(event.payload.expiresAt);
    // Remembered even before any referral exists, so a later first routing plans to the new expiry.
    await this.referrals.noteExtension(tx, orderId, expiresAt);
    const referral = await this.referrals.lockByOrder(tx, orderId);
    if (!referral || referral.status === 'cancelled') return;
    if ((await this.referrals.orderPeriod(tx, orderId)).endedUnplacedAt) return;
    const routing = withLaterExpiry(referral.routing, expiresAt);
    if (!routing) return;
    const now = this.clock.now();
    await this.referrals.update(tx, referral.id, { routing });
    await this.transitions.note(tx, referral, await this.deadlines.currentHandOff(tx, referral.id), {
      centreId: referral.centreId,
      actor: { kind: 'police' },
      reasonCode: 'order_extended',
      note: `expires ${referral.routing.expiresAt} → ${routing.expiresAt}`,
      at: now,
    });
    if (referral.status === 'unroutable') await this.waiting.execute(tx, 'order_extended', now);
  }
}

import { EntityManager } from 'typeorm';
import { EventEnvelope, OrderWithdrawnV1 } from '@korgoo/contracts';
import { Clock } from '@korgoo/platform/core';
import { CANCELLABLE } from '../referral-lifecycle';
import { ReferralRepository } from '../repositories/referral-repository';
import { CancelReferral } from './cancel-referral';

/** The order no longer stands: the referral ends and every held or booked session is given back. */
export class WithdrawReferral {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly cancel: CancelReferral,
    private readonly clock: Clock,
  ) {}

  async execute(tx: EntityManager, event: EventEnvelope<OrderWithdrawnV1>): Promise<void> {
    const now = this.clock.now();
    const withdrawn = event.payload;
    // Remembered even before any referral exists, so a late assessment does not route a withdrawn order.
    await this.referrals.markWithdrawn(tx, withdrawn.orderId, withdrawn.reason, now);
    const referral = await this.referrals.lockByOrder(tx, withdrawn.orderId);
    if (!referral || !CANCELLABLE.includes(referral.status)) return;
    // The police's note may name people: only the reason code is kept.
    await this.cancel.execute(tx, referral, { actor: { kind: 'police' }, reasonCode: withdrawn.reason, now });
  }
}

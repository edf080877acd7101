import { EntityManager } from 'typeorm';
import { EventEnvelope, EventSubjects, OrderWithdrawnV1 } from '@korgoo/contracts';
import { Clock } from '@korgoo/platform/core';
import { CANCELLABLE } from '../referral-lifecycle';
import { DeadlineRepository } from '../repositories/deadline-repository';
import { ReferralRepository } from '../repositories/referral-repository';
import { EndHandOff } from './end-hand-off';

/** The order no longer stands: the referral ends and every held or booked session is given back. */
export class WithdrawReferral {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly endHandOff: EndHandOff,
    private readonly clock: Clock,
  ) {}

  async execute(tx: EntityManager, event: EventEnvelope<OrderWithdrawnV1>): Promise<void> {
    const now = this.clock.now();
    const withdrawn = event.payload;
    // Remembered even before any referral exists, so a late assessment does not route a withdrawn order.
    await this.referrals.markWithdrawn(tx, withdrawn.orderId, withdrawn.reason, now);
    const referral = await this.referrals.lockByOrder(tx, withdrawn.orderId);
    if (!referral || !CANCELLABLE.includes(referral.status)) return;
    const deadline = await this.deadlines.pendingDeadline(tx, referral.id);
    await this.referrals.update(tx, referral.id, { status: 'cancelled', acknowledgeBy: null });
    await this.endHandOff.execute(tx, {
      referral,
      deadline,
      deadlineState: 'cancelled',
      now,
      transition: {
        handOff: deadline?.handOff ?? Math.max(0, (await this.deadlines.proposalCount(tx, referral.id)) - 1),
        from: referral.status,
        to: 'cancelled',
        centreId: referral.centreId,
        // The police's note may name people: only the reason code is kept.
        actor: { kind: 'police' },
        reasonCode: withdrawn.reason,
      },
      event: {
        subject: EventSubjects.ReferralCancelled,
        payload: {
          referralId: referral.id,
          orderId: referral.orderId,
          referralNumber: referral.referralNumber,
          ...(referral.centreId ? { centreId: referral.centreId } : {}),
        },
      },
    });
  }
}

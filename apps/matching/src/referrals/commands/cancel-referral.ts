import { EntityManager } from 'typeorm';
import { EventSubjects } from '@korgoo/contracts';
import { DeadlineRepository } from '../repositories/deadline-repository';
import { ReferralRecord, ReferralRepository } from '../repositories/referral-repository';
import { NewTransition } from '../repositories/transition-repository';
import { EndHandOff } from './end-hand-off';

export interface Cancellation {
  actor: NewTransition['actor'];
  /** A code only: a person's note may name people. */
  reasonCode: string;
  now: Date;
}

/** The referral ends for good: every held or booked session is given back and the centre is told. */
export class CancelReferral {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly endHandOff: EndHandOff,
  ) {}

  async execute(tx: EntityManager, referral: ReferralRecord, cancellation: Cancellation): Promise<void> {
    const deadline = await this.deadlines.pendingDeadline(tx, referral.id);
    await this.referrals.update(tx, referral.id, { status: 'cancelled', acknowledgeBy: null });
    await this.endHandOff.execute(tx, {
      referral,
      deadline,
      deadlineState: 'cancelled',
      now: cancellation.now,
      transition: {
        handOff: deadline?.handOff ?? Math.max(0, (await this.deadlines.proposalCount(tx, referral.id)) - 1),
        from: referral.status,
        to: 'cancelled',
        centreId: referral.centreId,
        actor: cancellation.actor,
        reasonCode: cancellation.reasonCode,
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

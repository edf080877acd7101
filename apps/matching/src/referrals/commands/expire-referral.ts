import { EntityManager } from 'typeorm';
import { EventSubjects } from '@korgoo/contracts';
import { Clock } from '@korgoo/platform/core';
import { DueDeadline } from '../deadline-work';
import { failedHandOffReason } from '../referral-lifecycle';
import { DeadlineRepository } from '../repositories/deadline-repository';
import { ReferralRepository } from '../repositories/referral-repository';
import { EndHandOff } from './end-hand-off';

/** The acknowledgement deadline passed without an answer: the hand-off ends and the referral moves on. */
export class ExpireReferral {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly endHandOff: EndHandOff,
    private readonly clock: Clock,
  ) {}

  /** `due` is locked by the poller's transaction. */
  async execute(tx: EntityManager, due: DueDeadline): Promise<void> {
    const now = this.clock.now();
    const referral = (await this.referrals.lock(tx, due.referralId))!;
    const deadline = await this.deadlines.deadline(tx, due.deadlineId);
    if (referral.status !== 'proposed' || referral.centreId !== deadline.centreId) {
      // Cannot happen while every change resolves the deadline with it; close it rather than fire twice.
      await this.deadlines.resolveDeadline(tx, deadline.id, 'superseded', now);
      return;
    }
    await this.endHandOff.execute(tx, {
      referral,
      deadline,
      deadlineState: 'fired',
      now,
      transition: {
        handOff: deadline.handOff,
        from: 'proposed',
        to: 'expired',
        centreId: deadline.centreId,
        actor: { kind: 'timer' },
        reasonCode: 'acknowledgement_deadline_passed',
      },
      event: {
        subject: EventSubjects.ReferralExpired,
        payload: {
          referralId: referral.id,
          orderId: referral.orderId,
          referralNumber: referral.referralNumber,
          centreId: deadline.centreId,
          acknowledgeBy: deadline.dueAt.toISOString(),
        },
      },
      moveOn: { trigger: 'expired', reason: failedHandOffReason('expired', deadline.centreId, deadline.dueAt.toISOString()) },
    });
  }
}

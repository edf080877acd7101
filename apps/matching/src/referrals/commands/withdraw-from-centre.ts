import { EntityManager } from 'typeorm';
import { EventSubjects } from '@korgoo/contracts';
import { Clock } from '@korgoo/platform/core';
import type { StrandedProposal } from '../../directory/capacity-signal';
import { failedHandOffReason } from '../referral-lifecycle';
import { DeadlineRepository } from '../repositories/deadline-repository';
import { ReferralRepository } from '../repositories/referral-repository';
import { EndHandOff } from './end-hand-off';

/**
 * The centre a referral is proposed to can no longer hold one of its sessions (a facilitator is away, no
 * colleague is free, nothing fits before expiry): routing takes the referral back, in the absence's transaction,
 * and its hand-off ends as a decline for capacity would, with a reason of its own: the sessions are given back,
 * the centre hears it, and the referral goes to the next centre or to the coordinators.
 */
export class WithdrawFromCentre {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly endHandOff: EndHandOff,
    private readonly clock: Clock,
  ) {}

  async execute(tx: EntityManager, stranded: StrandedProposal): Promise<void> {
    const now = this.clock.now();
    const referral = (await this.referrals.lock(tx, stranded.referralId))!;
    const deadline = await this.deadlines.pendingDeadline(tx, referral.id);
    // Only a referral still waiting for its centre's answer holds sessions not yet confirmed.
    if (referral.status !== 'proposed' || !deadline) return;
    await this.endHandOff.letGo(tx, {
      referral,
      deadline,
      now,
      actor: { kind: 'system' },
      reasonCode: 'facilitator_away',
      event: {
        subject: EventSubjects.ReferralWithdrawnFromCentre,
        payload: {
          referralId: referral.id,
          orderId: referral.orderId,
          referralNumber: referral.referralNumber,
          centreId: deadline.centreId,
          reason: 'facilitator_away',
        },
      },
      moveOn: { trigger: 'facilitator_away', reason: failedHandOffReason('facilitator_away', deadline.centreId, String(stranded.sessionIndex)) },
    });
  }
}

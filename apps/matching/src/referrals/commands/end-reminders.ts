import { EntityManager } from 'typeorm';
import { EventEnvelope, ProgrammeExpiredUnplacedV1 } from '@korgoo/contracts';
import { Clock } from '@korgoo/platform/core';
import { awaitsDecision } from '../decision-reminders';
import { DeadlineRepository } from '../repositories/deadline-repository';
import { ReferralRepository } from '../repositories/referral-repository';
import { ReminderRepository } from '../repositories/reminder-repository';
import { TransitionRepository } from '../repositories/transition-repository';

/** The order ended without a programme: there is nothing left for the coordinators to decide, so reminders stop. */
export class EndReminders {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly reminders: ReminderRepository,
    private readonly transitions: TransitionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(tx: EntityManager, event: EventEnvelope<ProgrammeExpiredUnplacedV1>): Promise<void> {
    const referral = await this.referrals.lockByOrder(tx, event.payload.orderId);
    if (!referral || !awaitsDecision(referral.status)) return;
    const now = this.clock.now();
    await this.reminders.stop(tx, referral.id, now);
    await this.transitions.transition(tx, {
      referralId: referral.id,
      handOff: await this.deadlines.currentHandOff(tx, referral.id),
      from: referral.status,
      to: referral.status,
      centreId: null,
      actor: { kind: 'system' },
      reasonCode: 'order_expired_unplaced',
      at: now,
    });
  }
}

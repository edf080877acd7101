import { EntityManager } from 'typeorm';
import { EventEnvelope, ProgrammeExpiredUnplacedV1 } from '@korgoo/contracts';
import { Clock } from '@korgoo/platform/core';
import { awaitsDecision } from '../decision-reminders';
import { HOLDS_SESSIONS } from '../referral-lifecycle';
import { DeadlineRepository } from '../repositories/deadline-repository';
import { ReferralRepository } from '../repositories/referral-repository';
import { ReminderRepository } from '../repositories/reminder-repository';
import { TransitionRepository } from '../repositories/transition-repository';
import { CancelReferral } from './cancel-referral';

const REASON = 'order_expired_unplaced';

/**
 * The order ended without a programme, its one final outcome: matching remembers it, so no late acceptance
 * books sessions and no extension reopens it. A referral still held by a centre (proposed, or accepted after
 * the end, when no programme can start any more) is cancelled and its sessions given back; one waiting for
 * the coordinators keeps its status, and their reminders stop as nothing is left to decide.
 */
export class EndUnplacedOrder {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly reminders: ReminderRepository,
    private readonly transitions: TransitionRepository,
    private readonly cancel: CancelReferral,
    private readonly clock: Clock,
  ) {}

  async execute(tx: EntityManager, event: EventEnvelope<ProgrammeExpiredUnplacedV1>): Promise<void> {
    const now = this.clock.now();
    await this.referrals.noteEndedUnplaced(tx, event.payload.orderId, now);
    const referral = await this.referrals.lockByOrder(tx, event.payload.orderId);
    if (!referral) return;
    if (HOLDS_SESSIONS.includes(referral.status)) {
      await this.cancel.execute(tx, referral, { actor: { kind: 'system' }, reasonCode: REASON, now });
      return;
    }
    if (!awaitsDecision(referral.status)) return;
    await this.reminders.stop(tx, referral.id, now);
    await this.transitions.note(tx, referral, await this.deadlines.currentHandOff(tx, referral.id), {
      centreId: null,
      actor: { kind: 'system' },
      reasonCode: REASON,
      at: now,
    });
  }
}

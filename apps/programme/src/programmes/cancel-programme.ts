import { EntityManager } from 'typeorm';
import { EventEnvelope, EventSubjects, ReferralCancelledV1 } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { cancel } from '../domain';
import { programmeFacts } from './programme-facts';
import { ProgrammeStore } from './programme-store';

/** The order was withdrawn and matching cancelled the referral (releasing its sessions): the programme stops. */
export class CancelProgramme {
  constructor(
    private readonly store: ProgrammeStore,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute(event: EventEnvelope<ReferralCancelledV1>, tx: EntityManager): Promise<void> {
    const programme = await this.store.byReferral(tx, event.payload.referralId, true);
    // Cancelled before acceptance there is no programme; after an outcome, the outcome stands.
    if (!programme || !cancel(programme)) return;
    const now = this.clock.now();
    programme.outcomeAt = now;
    await this.store.saveState(tx, programme);
    await this.outbox.enqueue(tx, EventSubjects.ProgrammeCancelled, programme.orderId, {
      ...programmeFacts(programme),
      cancelledAt: now.toISOString(),
    });
  }
}

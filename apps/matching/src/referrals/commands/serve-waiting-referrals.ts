import { EntityManager } from 'typeorm';
import { CentreSelection } from '../centre-selection';
import { RoutingRecord } from '../decision-record';
import { DecisionRepository } from '../repositories/decision-repository';
import { DeadlineRepository } from '../repositories/deadline-repository';
import { ReferralRepository } from '../repositories/referral-repository';
import { CapacityFreedBy, queuePlacementReason, servingOrder } from '../waiting-queue';
import { Proposals } from './proposals';

/**
 * Capacity appeared, or a waiting order was extended: the orders waiting are routed again, highest priority
 * and fewest days left first, each taking what it can before the next one looks. Runs in the transaction
 * that freed the capacity, so nothing routed meanwhile can take the place first.
 */
export class ServeWaitingReferrals {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly decisions: DecisionRepository,
    private readonly selection: CentreSelection,
    private readonly proposals: Proposals,
  ) {}

  async execute(tx: EntityManager, freedBy: CapacityFreedBy, now: Date): Promise<void> {
    const waiting = await this.referrals.lockWaiting(tx);
    const queue = servingOrder(
      waiting.map((referral) => ({ referral, referralNumber: referral.referralNumber, priority: referral.priority, expiresAt: referral.routing.expiresAt })),
      now,
    );
    const reason = queuePlacementReason(freedBy);
    for (const [i, { referral }] of queue.entries()) {
      const selection = await this.selection.choose(tx, referral.routing, now);
      if (!selection.chosen) continue;
      const handOff = await this.deadlines.proposalCount(tx, referral.id);
      const record: RoutingRecord = {
        ...selection.record,
        handOff,
        trigger: reason,
        outcome: 'proposed',
        queue: { position: i + 1, waiting: queue.length, freedBy },
      };
      await this.decisions.recordDecision(tx, referral.id, record);
      await this.proposals.propose(tx, referral, selection.chosen, {
        handOff,
        now,
        previousCentreId: null,
        assignedBy: null,
        transition: { from: 'unroutable', actor: { kind: 'system' }, reasonCode: reason },
      });
    }
  }
}

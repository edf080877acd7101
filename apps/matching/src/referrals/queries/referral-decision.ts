import { EntityManager } from 'typeorm';
import { QueryRejected, ReferralLookup } from '@korgoo/contracts';
import { decisionView, DecisionView } from '../decision-record';
import { DecisionRepository } from '../repositories/decision-repository';
import { DeadlineRepository } from '../repositories/deadline-repository';
import { ReferralRepository } from '../repositories/referral-repository';
import { TransitionRepository } from '../repositories/transition-repository';

/** Why a referral is where it is: every routing, hand-off and transition; a centre sees only its own. */
export class ReferralDecisionQuery {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly transitions: TransitionRepository,
    private readonly decisions: DecisionRepository,
    private readonly handOffLimit: number,
  ) {}

  async execute(db: EntityManager, lookup: ReferralLookup): Promise<DecisionView | null> {
    const referral = await this.referrals.find(db, lookup.referralId);
    if (!referral) return null;
    if (lookup.centreId !== undefined) {
      const proposedTo = await this.deadlines.centresProposedTo(db, referral.id);
      if (!proposedTo.has(lookup.centreId)) {
        throw new QueryRejected('forbidden', `referral ${referral.referralNumber} belongs to another centre`);
      }
    }
    return decisionView({
      referral,
      handOffLimit: this.handOffLimit,
      routings: await this.decisions.decisions(db, referral.id),
      handOffs: await this.deadlines.handOffs(db, referral.id),
      transitions: await this.transitions.transitions(db, referral.id),
    });
  }
}

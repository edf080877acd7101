import { EntityManager } from 'typeorm';
import { EventEnvelope, RiskReassessedV1 } from '@korgoo/contracts';
import { Clock } from '@korgoo/platform/core';
import { AcknowledgeWindowOverrides, acknowledgeWindowMs, shortenedDeadline } from '../acknowledgement-window';
import { DeadlineRepository } from '../repositories/deadline-repository';
import { ReferralRepository } from '../repositories/referral-repository';
import { TransitionRepository } from '../repositories/transition-repository';
import { RouteReferral } from './route-referral';

/**
 * A new assessment version: the priority follows it, and a pending acknowledgement deadline is brought
 * forward when the new priority's window ends sooner; it is never pushed back. An order without a referral
 * yet (the reassessment overtook the first assessment) is routed here.
 */
export class ReassessReferral {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly transitions: TransitionRepository,
    private readonly routeReferral: RouteReferral,
    private readonly acknowledgeWindows: AcknowledgeWindowOverrides,
    private readonly clock: Clock,
  ) {}

  async execute(tx: EntityManager, event: EventEnvelope<RiskReassessedV1>): Promise<void> {
    const reassessed = event.payload;
    const referral = await this.referrals.lockByOrder(tx, reassessed.orderId);
    if (!referral) return this.routeReferral.execute(event, tx);
    if (reassessed.assessmentVersion <= referral.assessmentVersion) return;
    const now = this.clock.now();
    const routing = { ...referral.routing, acknowledgeWithinHours: reassessed.acknowledgeWithinHours };
    await this.referrals.update(tx, referral.id, {
      priority: reassessed.priority,
      assessmentVersion: reassessed.assessmentVersion,
      routing,
    });
    const deadline = referral.status === 'proposed' ? await this.deadlines.pendingDeadline(tx, referral.id) : null;
    const sooner =
      deadline &&
      shortenedDeadline(
        deadline.dueAt,
        now,
        acknowledgeWindowMs(reassessed.priority, reassessed.acknowledgeWithinHours, this.acknowledgeWindows),
      );
    if (deadline && sooner) {
      await this.deadlines.moveDeadline(tx, deadline.id, sooner);
      await this.referrals.update(tx, referral.id, { acknowledgeBy: sooner });
    }
    await this.transitions.note(tx, referral, deadline?.handOff ?? (await this.deadlines.proposalCount(tx, referral.id)), {
      centreId: referral.centreId,
      actor: { kind: 'system' },
      reasonCode: sooner ? 'deadline_brought_forward' : 'reassessed',
      note: `priority ${reassessed.previousPriority} → ${reassessed.priority}` + (sooner ? `, acknowledge by ${sooner.toISOString()}` : ''),
      at: now,
    });
  }
}

import { EntityManager } from 'typeorm';
import { EventEnvelope, EventSubjects, OrderScreeningCorrectedV1 } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { DEFAULT_POLICIES, OdaraPolicies } from '../odara';
import { announcement, scoredAssessment, storeAssessment } from './assessment-record';
import { RiskAssessment } from './risk-assessment.entity';

/**
 * A corrected screening adds a version to the order's assessment and is announced with the priority it
 * replaces (`risk.reassessed.v1`); the history is kept.
 */
export class ReassessCorrectedScreening {
  constructor(
    private readonly outbox: Outbox,
    private readonly policies: OdaraPolicies = DEFAULT_POLICIES,
  ) {}

  async execute(event: EventEnvelope<OrderScreeningCorrectedV1>, tx: EntityManager): Promise<RiskAssessment> {
    const { orderId, screening } = event.payload;
    const previous = await tx
      .getRepository(RiskAssessment)
      .findOne({ where: { orderId }, order: { version: 'DESC' }, lock: { mode: 'pessimistic_write' } });
    // The registration travels on another consumer; until it is scored, retry rather than guess.
    if (!previous) throw new Error(`order ${orderId} has no assessment to correct yet`);
    const scored = scoredAssessment(tx, this.policies, orderId, previous.version + 1, screening, previous.routing);
    const announce = this.outbox.row(EventSubjects.RiskReassessed, orderId, { ...announcement(scored), previousPriority: previous.priority });
    const assessment = await storeAssessment(tx, { assessment: scored, event: announce });
    // The lock on the latest version keeps the next one free; taken anyway, the event is handled again.
    if (!assessment) throw new Error(`order ${orderId} has version ${previous.version + 1} already`);
    this.outbox.wroteIn(tx);
    return assessment;
  }
}

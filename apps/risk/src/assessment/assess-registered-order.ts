import { EntityManager } from 'typeorm';
import { EventEnvelope, EventSubjects, OrderRegisteredV1 } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { DEFAULT_POLICIES, OdaraPolicies } from '../odara';
import { announcement, storeAssessment } from './assessment-record';
import { RiskAssessment } from './risk-assessment.entity';

/** A newly registered order is scored once, as version 1, and announced (`risk.assessed.v1`) in the consumer's transaction. */
export class AssessRegisteredOrder {
  constructor(
    private readonly outbox: Outbox,
    private readonly policies: OdaraPolicies = DEFAULT_POLICIES,
  ) {}

  async execute(event: EventEnvelope<OrderRegisteredV1>, tx: EntityManager): Promise<RiskAssessment> {
    const { orderId, screening, period, participant } = event.payload;
    const assessment = await storeAssessment(tx, this.policies, orderId, 1, screening, { period, participant }, (scored) =>
      this.outbox.row(EventSubjects.RiskAssessed, orderId, announcement(scored)),
    );
    // Already scored and announced: the registration came again under another event id.
    if (!assessment) return tx.getRepository(RiskAssessment).findOneOrFail({ where: { orderId, version: 1 } });
    this.outbox.wroteIn(tx);
    return assessment;
  }
}

import { EntityManager } from 'typeorm';
import { EventEnvelope, EventSubjects, OrderRegisteredV1 } from '@korgoo/contracts';
import { Delivery, GatheredWrite, Outbox } from '@korgoo/messaging';
import { DEFAULT_POLICIES, OdaraPolicies } from '../odara';
import { AnnouncedAssessment, announcement, insertAssessments, scoredAssessment, storeAssessment } from './assessment-record';
import { RiskAssessment } from './risk-assessment.entity';

/** A newly registered order is scored once, as version 1, and announced (`risk.assessed.v1`) in the consumer's transaction. */
export class AssessRegisteredOrder {
  constructor(
    private readonly outbox: Outbox,
    private readonly policies: OdaraPolicies = DEFAULT_POLICIES,
  ) {}

  /** A batch's registrations scored one by one and stored together before it commits, a redelivered one announced by none. */
  private readonly stored: GatheredWrite<AnnouncedAssessment> = {
    write: async (tx, rows) => void (await insertAssessments(tx, rows)),
  };

  inBatch(event: EventEnvelope<OrderRegisteredV1>, tx: EntityManager, delivery: Delivery): void {
    delivery.gather(this.stored, this.scored(event, tx));
    this.outbox.wroteIn(tx);
  }

  async execute(event: EventEnvelope<OrderRegisteredV1>, tx: EntityManager): Promise<RiskAssessment> {
    const assessment = await storeAssessment(tx, this.scored(event, tx));
    // Already scored and announced: the registration came again under another event id.
    if (!assessment) return tx.getRepository(RiskAssessment).findOneOrFail({ where: { orderId: event.payload.orderId, version: 1 } });
    this.outbox.wroteIn(tx);
    return assessment;
  }

  private scored(event: EventEnvelope<OrderRegisteredV1>, tx: EntityManager): AnnouncedAssessment {
    const { orderId, screening, period, participant } = event.payload;
    const assessment = scoredAssessment(tx, this.policies, orderId, 1, screening, { period, participant });
    return { assessment, event: this.outbox.row(EventSubjects.RiskAssessed, orderId, announcement(assessment)) };
  }
}

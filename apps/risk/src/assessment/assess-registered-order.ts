import { EntityManager } from 'typeorm';
import { EventEnvelope, EventSubjects, OrderRegisteredV1 } from '@korgoo/contracts';
import { Delivery, GatheredWrite, Outbox, writtenInOneStatement } from '@korgoo/messaging';
import { DEFAULT_POLICIES, OdaraPolicies } from '../odara';
import { AnnouncedAssessment, announcement, assessmentsStatement, scoredAssessment } from './assessment-record';

/** A newly registered order is scored once, as version 1, and announced (`risk.assessed.v1`) in the consumer's transaction. */
export class AssessRegisteredOrder {
  constructor(
    private readonly outbox: Outbox,
    private readonly policies: OdaraPolicies = DEFAULT_POLICIES,
  ) {}

  /**
   * Registrations scored one by one and stored together before their transaction commits, a batch's in one
   * statement; a registration seen before is announced by none. One handled alone is stored with its inbox entry
   * in that statement (`gathersOnly`).
   */
  private readonly stored: GatheredWrite<AnnouncedAssessment> = writtenInOneStatement(assessmentsStatement);

  execute(event: EventEnvelope<OrderRegisteredV1>, tx: EntityManager, delivery: Delivery): void {
    delivery.gather(this.stored, this.scored(event, tx));
    this.outbox.wroteIn(tx);
  }

  private scored(event: EventEnvelope<OrderRegisteredV1>, tx: EntityManager): AnnouncedAssessment {
    const { orderId, screening, period, participant } = event.payload;
    const assessment = scoredAssessment(tx, this.policies, orderId, 1, screening, { period, participant });
    return { assessment, event: this.outbox.row(EventSubjects.RiskAssessed, orderId, announcement(assessment)) };
  }
}

import { EntityManager } from 'typeorm';
import { EventEnvelope, ProgrammeRefusalReportedV1 } from '@korgoo/contracts';

export type Refusal = EventEnvelope<ProgrammeRefusalReportedV1>;

/**
 * Article 72 notices about orders with no police unit known yet; decides nothing. They are taken once, marked
 * forwarded, by the statement that keeps the order's unit (order-references.ts).
 */
export class NoticesAwaitingUnit {
  async hold(tx: EntityManager, refusal: Refusal, since: Date): Promise<void> {
    await tx.query(
      `INSERT INTO notification.notice_awaiting_unit (refusal_event_id, order_id, refusal, waiting_since) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [refusal.eventId, refusal.payload.orderId, JSON.stringify(refusal), since],
    );
  }
}

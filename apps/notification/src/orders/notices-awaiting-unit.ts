import { EntityManager } from 'typeorm';
import { EventEnvelope, ProgrammeRefusalReportedV1 } from '@korgoo/contracts';

type Refusal = EventEnvelope<ProgrammeRefusalReportedV1>;

/** Article 72 notices about orders with no police unit known yet; decides nothing. */
export class NoticesAwaitingUnit {
  async hold(tx: EntityManager, refusal: Refusal, since: Date): Promise<void> {
    await tx.query(
      `INSERT INTO notification.notice_awaiting_unit (refusal_event_id, order_id, refusal, waiting_since) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [refusal.eventId, refusal.payload.orderId, JSON.stringify(refusal), since],
    );
  }

  /** The order's waiting notices, taken once: marked forwarded in the same transaction that tells the unit. */
  async release(tx: EntityManager, orderId: string, at: Date): Promise<Refusal[]> {
    const [rows]: [Array<{ refusal: Refusal }>, number] = await tx.query(
      `UPDATE notification.notice_awaiting_unit SET forwarded_at = $2
        WHERE order_id = $1 AND forwarded_at IS NULL RETURNING refusal`,
      [orderId, at],
    );
    return rows.map((row) => row.refusal);
  }
}

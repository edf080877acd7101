import { EntityManager } from 'typeorm';

/** How many rows of each kind an erasure deleted. */
export interface ErasedDeliveryRecords {
  intents: number;
  notifications: number;
  attempts: number;
  inboxEntries: number;
}

/**
 * The rows retention reads and changes: each order's case closure, and what the service kept about telling
 * people of that order (intents with their channel plans, notifications, attempts, inbox entries,
 * acknowledgements, alert escalations, the order's number and unit).
 */
export class ClosedCases {
  /** The case closes once: a later outcome (a cancellation after a withdrawal) does not move it. */
  async close(tx: EntityManager, orderId: string, closedAt: Date): Promise<void> {
    await tx.query('INSERT INTO notification.closed_case (order_id, closed_at) VALUES ($1, $2) ON CONFLICT (order_id) DO NOTHING', [
      orderId,
      closedAt,
    ]);
  }

  /** The longest-closed case past the cutoff whose records are still kept, locked for this transaction alone. */
  async claimDue(tx: EntityManager, closedBefore: Date, passOver: readonly string[]): Promise<string | null> {
    const rows: Array<{ order_id: string }> = await tx.query(
      `SELECT order_id FROM notification.closed_case
        WHERE erased_at IS NULL AND closed_at < $1 AND NOT (order_id = ANY($2::uuid[]))
        ORDER BY closed_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [closedBefore, passOver],
    );
    return rows[0]?.order_id ?? null;
  }

  async erase(tx: EntityManager, orderId: string, erasedAt: Date): Promise<ErasedDeliveryRecords> {
    const count = async (sql: string) => ((await tx.query(sql, [orderId])) as [unknown[], number])[1];
    const referrals = `SELECT referral_id FROM notification.delivery_intent WHERE order_id = $1 AND referral_id IS NOT NULL`;
    const notifications = 'SELECT id FROM notification.notification WHERE order_id = $1';
    await tx.query(`DELETE FROM notification.referral_acknowledgement WHERE referral_id IN (${referrals})`, [orderId]);
    const inboxEntries = await count(`DELETE FROM notification.inbox_entry WHERE notification_id IN (${notifications})`);
    const attempts = await count(`DELETE FROM notification.delivery_attempt WHERE notification_id IN (${notifications})`);
    const erased = await count('DELETE FROM notification.notification WHERE order_id = $1');
    const intents = await count('DELETE FROM notification.delivery_intent WHERE order_id = $1');
    await tx.query('DELETE FROM notification.alert_escalation WHERE order_id = $1', [orderId]);
    await tx.query('DELETE FROM notification.order_reference WHERE order_id = $1', [orderId]);
    await tx.query('DELETE FROM notification.notice_awaiting_unit WHERE order_id = $1', [orderId]);
    await tx.query('UPDATE notification.closed_case SET erased_at = $2 WHERE order_id = $1', [orderId, erasedAt]);
    return { intents, notifications: erased, attempts, inboxEntries };
  }
}

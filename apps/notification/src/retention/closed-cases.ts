import { EntityManager } from 'typeorm';

/** How many rows of each kind an erasure deleted. */
export interface ErasedDeliveryRecords {
  intents: number;
  notifications: number;
  attempts: number;
  inboxEntries: number;
}

/** An order the service never heard the end of, and the last time it recorded anything about it. */
export interface UnreportedCase {
  orderId: string;
  lastTouchedAt: Date;
}

const UNREPORTED_BATCH = 500;

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

  /**
   * Up to a batch of orders never closed whose last record (first heard of, told, planned, escalated) is
   * older than `touchedBefore`; null when none. Closing is idempotent, so replicas need not take turns.
   */
  async claimUnreported(tx: EntityManager, touchedBefore: Date, passOver: readonly string[]): Promise<UnreportedCase[] | null> {
    const rows: Array<{ order_id: string; last_touched_at: Date }> = await tx.query(
      `SELECT order_id, max(at) AS last_touched_at FROM (
          SELECT order_id, recorded_at AS at FROM notification.order_reference
          UNION ALL SELECT order_id, created_at FROM notification.notification
          UNION ALL SELECT order_id, created_at FROM notification.delivery_intent
          UNION ALL SELECT order_id, updated_at FROM notification.alert_escalation
        ) touched
        WHERE NOT EXISTS (SELECT 1 FROM notification.closed_case c WHERE c.order_id = touched.order_id)
          AND NOT (order_id = ANY($2::uuid[]))
        GROUP BY order_id HAVING max(at) < $1
        ORDER BY last_touched_at LIMIT $3`,
      [touchedBefore, passOver, UNREPORTED_BATCH],
    );
    return rows.length > 0 ? rows.map((row) => ({ orderId: row.order_id, lastTouchedAt: row.last_touched_at })) : null;
  }

  /** Each closes `years` after its last record; its records then go at the end of the term like any closed case's. */
  async closeUnreported(tx: EntityManager, cases: readonly UnreportedCase[], years: number): Promise<void> {
    await tx.query(
      `INSERT INTO notification.closed_case (order_id, closed_at)
       SELECT order_id, last_touched_at + make_interval(years => $3)
         FROM unnest($1::uuid[], $2::timestamptz[]) AS c(order_id, last_touched_at)
       ON CONFLICT (order_id) DO NOTHING`,
      [cases.map((c) => c.orderId), cases.map((c) => c.lastTouchedAt), years],
    );
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

import { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';

/**
 * Receipts are stored first and applied to the attempt with that provider message id. One that arrives
 * before the send was recorded waits and is applied when it is.
 */
export class DeliveryReceipts {
  async record(
    tx: EntityManager,
    receipt: { provider: string; messageId: string; status: 'delivered' | 'undelivered'; providerStatus: string },
  ): Promise<{ matched: boolean }> {
    await tx.query(
      `INSERT INTO notification.delivery_receipt (id, provider, provider_message_id, status, provider_status)
       VALUES ($1, $2, $3, $4, $5)`,
      [randomUUID(), receipt.provider, receipt.messageId, receipt.status, receipt.providerStatus],
    );
    return { matched: await this.applyPending(tx, receipt.provider, receipt.messageId) };
  }

  /** Applies the latest unapplied receipt for the message, if any; true when an attempt took it. */
  async applyPending(tx: EntityManager, provider: string, messageId: string | null): Promise<boolean> {
    if (!messageId) return false;
    const receipts: Array<{ status: string }> = await tx.query(
      `SELECT status FROM notification.delivery_receipt
        WHERE provider = $1 AND provider_message_id = $2 AND applied_at IS NULL
        ORDER BY received_at DESC LIMIT 1`,
      [provider, messageId],
    );
    if (receipts.length === 0) return false;
    const status = receipts[0].status;
    const [updated]: [Array<{ notification_id: string }>, number] = await tx.query(
      `UPDATE notification.delivery_attempt SET status = $3, updated_at = now()
        WHERE provider = $1 AND provider_message_id = $2 AND status IN ('sent', 'delivered', 'undelivered')
        RETURNING notification_id`,
      [provider, messageId, status],
    );
    if (updated.length === 0) return false;
    await tx.query(
      `UPDATE notification.notification SET status = $2, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status IN ('sent', 'delivered', 'undelivered')`,
      [updated.map((row) => row.notification_id), status],
    );
    await tx.query(
      `UPDATE notification.delivery_receipt SET applied_at = now()
        WHERE provider = $1 AND provider_message_id = $2 AND applied_at IS NULL`,
      [provider, messageId],
    );
    return true;
  }
}

import { EntityManager } from 'typeorm';
import type { ErasureCutoffs } from './retention-policy';

/** The rows retention reads and changes: the order's closure, its personal fields and its notes. */
export class OrderRetentionStore {
  /** The case closes once: a later outcome (a cancellation after a withdrawal) does not move it. */
  async closeCase(tx: EntityManager, orderId: string, closedAt: Date): Promise<void> {
    await tx.query('UPDATE gateway.protection_order SET case_closed_at = $2 WHERE id = $1 AND case_closed_at IS NULL', [orderId, closedAt]);
  }

  /** The longest-due order past the cutoffs (retention-policy.ts), locked for this transaction alone. */
  async claimDue(tx: EntityManager, cutoffs: ErasureCutoffs, passOver: readonly string[]): Promise<string | null> {
    const rows: Array<{ id: string }> = await tx.query(
      `SELECT id FROM gateway.protection_order
        WHERE erased_at IS NULL
          AND (case_closed_at < $1 OR (case_closed_at IS NULL AND expires_at < $2))
          AND NOT (id = ANY($3::uuid[]))
        ORDER BY COALESCE(case_closed_at, expires_at) LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [cutoffs.closedBefore, cutoffs.expiredBefore, passOver],
    );
    return rows[0]?.id ?? null;
  }

  /** What is left is what the indicators and the police's own order number need: no name, no words. */
  async erase(tx: EntityManager, orderId: string, erasedAt: Date): Promise<void> {
    await tx.query(
      `UPDATE gateway.protection_order
          SET perpetrator = perpetrator - 'fullName' - 'birthYear', court_reference = NULL, erased_at = $2
        WHERE id = $1`,
      [orderId, erasedAt],
    );
    await tx.query('DELETE FROM gateway.order_note WHERE order_id = $1', [orderId]);
  }
}

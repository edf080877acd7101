import { EntityManager } from 'typeorm';

const BATCH = 500;

/** Refresh tokens past their term: they name an account and a time, nothing more, so they go in batches. */
export class RefreshTokenRetentionStore {
  /** Up to a batch of tokens expired or revoked before the cutoff, locked for this transaction alone; null when none. */
  async claimDue(tx: EntityManager, cutoff: Date, passOver: readonly string[]): Promise<string[] | null> {
    const rows: Array<{ id: string }> = await tx.query(
      `SELECT id FROM gateway.refresh_token
        WHERE LEAST(expires_at, COALESCE(revoked_at, expires_at)) < $1 AND NOT (id = ANY($2::uuid[]))
        LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [cutoff, passOver, BATCH],
    );
    return rows.length > 0 ? rows.map((row) => row.id) : null;
  }

  async delete(tx: EntityManager, tokenIds: readonly string[]): Promise<void> {
    await tx.query('DELETE FROM gateway.refresh_token WHERE id = ANY($1::uuid[])', [tokenIds]);
  }
}

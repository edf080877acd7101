import { EntityManager } from 'typeorm';

const BATCH = 500;

/** Failed sign-in counts that no longer slow anyone down: an account name or an address and a time, deleted in batches. */
export class SignInFailureRetentionStore {
  /** Up to a batch of counts begun before `spentBefore` and not locked at `now`, locked for this transaction alone; null when none. */
  async claimDue(tx: EntityManager, spentBefore: Date, now: Date, passOver: readonly string[]): Promise<string[] | null> {
    const rows: Array<{ key: string }> = await tx.query(
      `SELECT key FROM gateway.sign_in_failure
        WHERE first_failed_at < $1 AND (locked_until IS NULL OR locked_until <= $2) AND NOT (key = ANY($3::text[]))
        LIMIT $4 FOR UPDATE SKIP LOCKED`,
      [spentBefore, now, passOver, BATCH],
    );
    return rows.length > 0 ? rows.map((row) => row.key) : null;
  }

  async delete(tx: EntityManager, keys: readonly string[]): Promise<void> {
    await tx.query('DELETE FROM gateway.sign_in_failure WHERE key = ANY($1::text[])', [keys]);
  }
}

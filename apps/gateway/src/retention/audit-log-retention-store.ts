import { EntityManager } from 'typeorm';

/** The oldest entries are due from `before` on; the first of them names the batch in the logs. */
export interface DueAuditPurge {
  firstId: string;
  before: Date;
}

/** What `gateway.purge_audit_log` removed: how many, and the last of them (the link the chain now starts from). */
export interface PurgedAuditEntries {
  entries: number;
  throughId: string;
  throughHash: string;
}

const BATCH = 1000;

/**
 * The term the owner writes into `gateway.audit_retention` at every start (the gateway's role may only read
 * it), so the database refuses a purge inside the configured term and not only the app.
 */
export function auditTermSetting(years: number): { sql: string; params: readonly unknown[] } {
  return { sql: 'UPDATE gateway.audit_retention SET years = $1', params: [years] };
}

/**
 * The audit log's retention: the gateway's role reads the log and may not delete from it, so it asks
 * `gateway.purge_audit_log` (the owner's, migration 1770000000000), which refuses any cutoff inside the term.
 */
export class AuditLogRetentionStore {
  /**
   * Due when the chain's first entry is older than the cutoff, held to the term by the database's own clock
   * so a clock set ahead is not refused but simply purges nothing young; null otherwise.
   */
  async claimDue(tx: EntityManager, before: Date, passOver: readonly string[]): Promise<DueAuditPurge | null> {
    const rows: Array<{ id: string; before: Date }> = await tx.query(
      `SELECT first.id, cutoff.before
         FROM (SELECT id, at FROM gateway.audit_log ORDER BY id LIMIT 1) first,
              (SELECT LEAST($1::timestamptz, now() - make_interval(years => r.years)) AS before FROM gateway.audit_retention r) cutoff
        WHERE first.at < cutoff.before AND NOT (first.id::text = ANY($2::text[]))`,
      [before, passOver],
    );
    return rows[0] ? { firstId: rows[0].id, before: rows[0].before } : null;
  }

  /** Removes up to a batch of the oldest entries before the cutoff; null when another replica took them first. */
  async purge(tx: EntityManager, before: Date): Promise<PurgedAuditEntries | null> {
    const [row]: Array<{ entries: number; through_id: string | null; through_hash: string | null }> = await tx.query(
      'SELECT entries, through_id, through_hash FROM gateway.purge_audit_log($1, $2)',
      [before, BATCH],
    );
    return row.entries > 0 && row.through_id && row.through_hash
      ? { entries: row.entries, throughId: row.through_id, throughHash: row.through_hash }
      : null;
  }
}

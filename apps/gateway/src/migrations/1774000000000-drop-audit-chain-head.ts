import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `audit_chain_head`, which appended to the audit chain in two round trips: no release since `AuditAppend` calls
 * it, so a rolling update from that release no longer needs it.
 */
export class DropAuditChainHead1774000000000 implements MigrationInterface {
  name = 'DropAuditChainHead1774000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION gateway.audit_chain_head(bigint)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION gateway.audit_chain_head(chain_lock bigint) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(chain_lock);
        RETURN (SELECT hash FROM gateway.audit_log ORDER BY id DESC LIMIT 1);
      END $$`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appending to the audit chain takes the chain's lock and then reads the last entry's hash. As two statements
 * that was two round trips with the lock held, on every intake and every audited read; as one function it is
 * one. The function is volatile, so its read takes a snapshot after the lock is granted and sees the entry the
 * previous holder committed.
 */
export class AuditChainHead1772000000000 implements MigrationInterface {
  name = 'AuditChainHead1772000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION gateway.audit_chain_head(chain_lock bigint) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(chain_lock);
        RETURN (SELECT hash FROM gateway.audit_log ORDER BY id DESC LIMIT 1);
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION gateway.audit_chain_head(bigint)');
  }
}

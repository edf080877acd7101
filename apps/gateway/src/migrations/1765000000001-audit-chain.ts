import { MigrationInterface, QueryRunner } from 'typeorm';
import { CHAIN_START, chainHash } from '../audit/audit-chain';

/**
 * The audit log becomes append-only and tamper-evident: who (role, unit or centre), what, outcome, address
 * and request id on every entry; each entry hashed over the previous one (existing entries are chained here,
 * in id order); UPDATE, DELETE and TRUNCATE refused by triggers whatever role the service connects as.
 */
export class AuditChain1765000000001 implements MigrationInterface {
  name = 'AuditChain1765000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE gateway.audit_log
        ALTER COLUMN actor_id DROP NOT NULL,
        ALTER COLUMN actor_role DROP NOT NULL,
        ADD COLUMN centre_id text,
        ADD COLUMN unit_code text,
        ADD COLUMN outcome text NOT NULL DEFAULT 'success',
        ADD COLUMN ip text,
        ADD COLUMN request_id text,
        ADD COLUMN prev_hash text,
        ADD COLUMN hash text`);
    const rows: Array<{ id: string; actor_id: string; actor_role: string; action: string; resource_type: string; resource_id: string | null; at: Date }> =
      await db.query('SELECT id, actor_id, actor_role, action, resource_type, resource_id, at FROM gateway.audit_log ORDER BY id');
    let prevHash = CHAIN_START;
    for (const row of rows) {
      const hash = chainHash(prevHash, {
        actorId: row.actor_id,
        actorRole: row.actor_role,
        centreId: null,
        unitCode: null,
        action: row.action,
        resourceType: row.resource_type,
        resourceId: row.resource_id,
        outcome: 'success',
        ip: null,
        requestId: null,
        at: row.at,
      });
      // Stored at millisecond precision, the precision the hash covers.
      await db.query('UPDATE gateway.audit_log SET prev_hash = $2, hash = $3, at = $4 WHERE id = $1', [row.id, prevHash, hash, row.at]);
      prevHash = hash;
    }
    await db.query('ALTER TABLE gateway.audit_log ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL, ALTER COLUMN outcome DROP DEFAULT');
    await db.query('CREATE INDEX audit_log_actor ON gateway.audit_log (actor_id, id)');
    await db.query(`
      CREATE FUNCTION gateway.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'gateway.audit_log is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON gateway.audit_log
      FOR EACH ROW EXECUTE FUNCTION gateway.audit_log_append_only()`);
    await db.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON gateway.audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION gateway.audit_log_append_only()`);
    await db.query('REVOKE UPDATE, DELETE, TRUNCATE ON gateway.audit_log FROM PUBLIC');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TRIGGER audit_log_no_truncate ON gateway.audit_log');
    await db.query('DROP TRIGGER audit_log_no_change ON gateway.audit_log');
    await db.query('DROP FUNCTION gateway.audit_log_append_only()');
    await db.query('DROP INDEX gateway.audit_log_actor');
    await db.query(`
      ALTER TABLE gateway.audit_log
        DROP COLUMN hash, DROP COLUMN prev_hash, DROP COLUMN request_id, DROP COLUMN ip,
        DROP COLUMN outcome, DROP COLUMN unit_code, DROP COLUMN centre_id`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appending to the audit chain in one statement: the function takes the chain's lock, reads the last entry's
 * hash and inserts the entry with its link, hashing `["<previous hash>",` followed by the text the gateway made
 * of the entry's facts (`chainedFacts` in audit-chain.ts), which is exactly the text `chainHash` hashes. One
 * round trip instead of two on every intake and every audited read, and the lock held for one statement less.
 * Volatile, so its read takes a snapshot after the lock is granted and sees the entry the previous holder
 * committed. `audit_chain_head` stays for replicas of the previous release during a rolling update.
 */
export class AuditAppend1773000000000 implements MigrationInterface {
  name = 'AuditAppend1773000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION gateway.audit_append(
        chain_lock bigint, chained_facts text, p_actor_id uuid, p_actor_role text, p_centre_id text, p_unit_code text,
        p_action text, p_resource_type text, p_resource_id text, p_outcome text, p_ip text, p_request_id text,
        p_at timestamptz, p_detail text
      ) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        previous text;
      BEGIN
        PERFORM pg_advisory_xact_lock(chain_lock);
        previous := coalesce((SELECT hash FROM gateway.audit_log ORDER BY id DESC LIMIT 1), repeat('0', 64));
        INSERT INTO gateway.audit_log (actor_id, actor_role, centre_id, unit_code, action, resource_type, resource_id,
                                       outcome, ip, request_id, at, detail, prev_hash, hash)
        VALUES (p_actor_id, p_actor_role, p_centre_id, p_unit_code, p_action, p_resource_type, p_resource_id,
                p_outcome, p_ip, p_request_id, p_at, p_detail, previous,
                encode(sha256(convert_to('["' || previous || '",' || chained_facts, 'UTF8')), 'hex'));
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION gateway.audit_append(bigint, text, uuid, text, text, text, text, text, text, text, text, text, timestamptz, text)');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A referral's first routing decision is kept in `routing_decision` with every later one (copied there when the
 * history began); the copy on the referral row is no longer written or read. It stays, nullable, while replicas of
 * the previous release still write it during a rolling update; the release after can drop it.
 *
 * A decision record, one per routing, lists every centre assessed (some kilobytes of JSON) and is stored
 * compressed; lz4 compresses it several times faster than PostgreSQL's default, where the server was built with it.
 */
export class FirstDecisionInHistoryOnly1798100000000 implements MigrationInterface {
  name = 'FirstDecisionInHistoryOnly1798100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE matching.referral ALTER COLUMN decision DROP NOT NULL');
    if (await lz4Available(db)) await db.query('ALTER TABLE matching.routing_decision ALTER COLUMN record SET COMPRESSION lz4');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE matching.routing_decision ALTER COLUMN record SET COMPRESSION default');
    await db.query(`
      UPDATE matching.referral r SET decision = (
        SELECT d.record FROM matching.routing_decision d WHERE d.referral_id = r.id ORDER BY d.id LIMIT 1)
       WHERE decision IS NULL`);
    await db.query('ALTER TABLE matching.referral ALTER COLUMN decision SET NOT NULL');
  }
}

async function lz4Available(db: QueryRunner): Promise<boolean> {
  const [row]: Array<{ lz4: boolean }> = await db.query(
    `SELECT 'lz4' = ANY (enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`,
  );
  return row?.lz4 ?? false;
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** A corrected screening is re-announced with the order's routing facts, so each version keeps them. */
export class KeepRoutingFacts1764100000000 implements MigrationInterface {
  name = 'KeepRoutingFacts1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE risk.risk_assessment ADD COLUMN routing jsonb`);
    await db.query(`UPDATE risk.risk_assessment SET routing = '{}'::jsonb WHERE routing IS NULL`);
    await db.query(`ALTER TABLE risk.risk_assessment ALTER COLUMN routing SET NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE risk.risk_assessment DROP COLUMN routing');
  }
}

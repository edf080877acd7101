import { MigrationInterface, QueryRunner } from 'typeorm';

/** Coordinators page through every referral newest first: the index serves each page without sorting the table. */
export class ReferralListOrder1797200000000 implements MigrationInterface {
  name = 'ReferralListOrder1797200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX referral_newest ON matching.referral (created_at DESC, id DESC)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX matching.referral_newest');
  }
}

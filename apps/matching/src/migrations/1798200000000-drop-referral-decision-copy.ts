import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The copy of a referral's first routing decision on its row: no release since `FirstDecisionInHistoryOnly`
 * writes or reads it, so a rolling update from that release no longer needs it. The history keeps every decision.
 */
export class DropReferralDecisionCopy1798200000000 implements MigrationInterface {
  name = 'DropReferralDecisionCopy1798200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE matching.referral DROP COLUMN decision');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE matching.referral ADD COLUMN decision jsonb');
    await db.query(`
      UPDATE matching.referral r SET decision = (
        SELECT d.record FROM matching.routing_decision d WHERE d.referral_id = r.id ORDER BY d.id LIMIT 1)`);
  }
}

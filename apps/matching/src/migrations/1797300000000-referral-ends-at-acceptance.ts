import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A referral ends at acceptance or cancellation: attendance and outcomes are the programme service's. The
 * statuses once reserved for them were never reached, so the constraint no longer admits them.
 */
export class ReferralEndsAtAcceptance1797300000000 implements MigrationInterface {
  name = 'ReferralEndsAtAcceptance1797300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE matching.referral DROP CONSTRAINT referral_status');
    await db.query(`
      ALTER TABLE matching.referral ADD CONSTRAINT referral_status CHECK (status IN
        ('proposed', 'unroutable', 'accepted', 'escalated', 'cancelled'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE matching.referral DROP CONSTRAINT referral_status');
    await db.query(`
      ALTER TABLE matching.referral ADD CONSTRAINT referral_status CHECK (status IN
        ('proposed', 'unroutable', 'accepted', 'escalated', 'in_progress', 'completed', 'failed', 'cancelled'))`);
  }
}

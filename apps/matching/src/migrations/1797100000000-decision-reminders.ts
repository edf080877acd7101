import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A referral waiting for the coordinators (escalated or unroutable) has one pending reminder timer; each
 * reminder sent is a transition row, so the decision record shows them.
 */
export class DecisionReminders1797100000000 implements MigrationInterface {
  name = 'DecisionReminders1797100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE matching.decision_reminder (
        id bigserial PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES matching.referral (id),
        waiting_since timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        sent int NOT NULL DEFAULT 0,
        state text NOT NULL CHECK (state IN ('pending', 'stopped')),
        stopped_at timestamptz
      )`);
    await db.query(
      `CREATE UNIQUE INDEX decision_reminder_one_pending ON matching.decision_reminder (referral_id) WHERE state = 'pending'`,
    );
    await db.query(`CREATE INDEX decision_reminder_due ON matching.decision_reminder (due_at) WHERE state = 'pending'`);
    // Referrals already waiting when this ships are reminded from now on, not for the periods already missed.
    await db.query(`
      INSERT INTO matching.decision_reminder (referral_id, waiting_since, due_at, state)
      SELECT id, now(), now() + interval '4 hours', 'pending' FROM matching.referral WHERE status IN ('escalated', 'unroutable')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE matching.decision_reminder');
  }
}

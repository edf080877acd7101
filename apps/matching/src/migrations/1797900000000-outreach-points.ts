import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Centres declare outreach points: a gazetteer settlement where one of their pairs holds sessions on weekly
 * windows. A booked session may be held at one, and a referral names the place; a change to a centre's points renews its calendar version,
 * like any other change to its calendar.
 */
export class OutreachPoints1797900000000 implements MigrationInterface {
  name = 'OutreachPoints1797900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE matching.outreach_point (
        id text PRIMARY KEY,
        centre_id text NOT NULL REFERENCES matching.centre (id),
        settlement_code text NOT NULL,
        facilitator_ids text[] NOT NULL CHECK (cardinality(facilitator_ids) = 2),
        windows jsonb NOT NULL
      )`);
    await db.query('CREATE INDEX outreach_point_centre ON matching.outreach_point (centre_id)');
    await db.query(`
      CREATE TRIGGER outreach_point_touches_centre BEFORE INSERT OR UPDATE OR DELETE ON matching.outreach_point
        FOR EACH ROW EXECUTE FUNCTION matching.touch_centre_calendar()`);
    await db.query(
      'ALTER TABLE matching.booked_session ADD COLUMN outreach_point_id text REFERENCES matching.outreach_point (id) ON DELETE SET NULL',
    );
    // Where a proposed referral's sessions are held when not at the centre, for its notices and views.
    await db.query('ALTER TABLE matching.referral ADD COLUMN outreach_settlement_code text');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE matching.referral DROP COLUMN outreach_settlement_code');
    await db.query('ALTER TABLE matching.booked_session DROP COLUMN outreach_point_id');
    await db.query('DROP TABLE matching.outreach_point');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facilitator utilisation: each centre's announced rosters (rostered time as codes and windows, no person),
 * each programme's hold on a booked pair-session, and when a programme ended and gave back the rest.
 */
export class PairHours1766300000000 implements MigrationInterface {
  name = 'PairHours1766300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reporting.centre_roster (
        event_id uuid PRIMARY KEY,
        centre_id text NOT NULL,
        oblast text,
        open boolean NOT NULL,
        effective_from timestamptz NOT NULL,
        facilitators jsonb NOT NULL
      )`);
    await db.query('CREATE INDEX centre_roster_centre ON reporting.centre_roster (centre_id, effective_from)');
    await db.query(`
      CREATE TABLE reporting.pair_session_hold (
        programme_id uuid NOT NULL,
        session_index int NOT NULL,
        centre_id text NOT NULL,
        session_key text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        as_of timestamptz NOT NULL,
        PRIMARY KEY (programme_id, session_index)
      )`);
    await db.query('CREATE INDEX pair_session_hold_start ON reporting.pair_session_hold (starts_at)');
    await db.query(`
      CREATE TABLE reporting.programme_end (
        programme_id uuid PRIMARY KEY,
        ended_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE reporting.programme_end');
    await db.query('DROP TABLE reporting.pair_session_hold');
    await db.query('DROP TABLE reporting.centre_roster');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What was decided about each group meeting a set time before it: it reached its minimum, merged into
 * another (its row is gone then, so no reference to it), or runs below its minimum. One row per meeting: a
 * meeting is decided once, across replicas and restarts.
 */
export class GroupMeetingDecisions1797800000000 implements MigrationInterface {
  name = 'GroupMeetingDecisions1797800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE matching.group_meeting_decision (
        booked_session_id uuid PRIMARY KEY,
        centre_id text NOT NULL REFERENCES matching.centre (id),
        starts_at timestamptz NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('reached_minimum', 'merged', 'runs_below_minimum')),
        into_booked_session_id uuid,
        participants int NOT NULL,
        decided_at timestamptz NOT NULL,
        CHECK ((outcome = 'merged') = (into_booked_session_id IS NOT NULL))
      )`);
    // The due meetings are found from upcoming group sessions of declared slots.
    await db.query(
      `CREATE INDEX booked_session_slot_meeting_start ON matching.booked_session (starts_at) WHERE group_slot_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX matching.booked_session_slot_meeting_start');
    await db.query('DROP TABLE matching.group_meeting_decision');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Centres declare weekly group slots (one pair, one hour, men or women, one language); a booked group
 * session may be one meeting of a slot, and each meeting is booked once.
 */
export class GroupSlots1797400000000 implements MigrationInterface {
  name = 'GroupSlots1797400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE matching.group_slot (
        id text PRIMARY KEY,
        centre_id text NOT NULL REFERENCES matching.centre (id),
        weekday int NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        start_time text NOT NULL,
        minutes int NOT NULL CHECK (minutes > 0),
        sex text NOT NULL CHECK (sex IN ('male', 'female')),
        language text NOT NULL,
        lead_facilitator_id text NOT NULL REFERENCES matching.facilitator (id),
        co_facilitator_id text NOT NULL REFERENCES matching.facilitator (id),
        min_participants int NOT NULL,
        max_participants int NOT NULL,
        CONSTRAINT group_slot_size CHECK (min_participants >= 1 AND max_participants >= min_participants)
      )`);
    await db.query('CREATE INDEX group_slot_centre ON matching.group_slot (centre_id)');
    await db.query(
      'ALTER TABLE matching.booked_session ADD COLUMN group_slot_id text REFERENCES matching.group_slot (id) ON DELETE SET NULL',
    );
    await db.query(
      'CREATE UNIQUE INDEX booked_session_slot_meeting ON matching.booked_session (group_slot_id, starts_at) WHERE group_slot_id IS NOT NULL',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX matching.booked_session_slot_meeting');
    await db.query('ALTER TABLE matching.booked_session DROP COLUMN group_slot_id');
    await db.query('DROP TABLE matching.group_slot');
  }
}

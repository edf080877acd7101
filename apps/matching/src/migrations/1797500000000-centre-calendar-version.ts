import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every centre carries the version of its calendar: its own row, roster, group slots and booked sessions.
 * Triggers give it a fresh value from one sequence in the same transaction as any change, so no writer can
 * forget, and a value is never reused: a version names one state of the calendar, and one that a rollback
 * discards is never seen again. Replicas keep calendars in memory and trust them only at an equal version.
 * The child tables' triggers run before the row changes, so a writer takes the centre's row lock first,
 * in the same order as a booking does.
 */
export class CentreCalendarVersion1797500000000 implements MigrationInterface {
  name = 'CentreCalendarVersion1797500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE SEQUENCE matching.calendar_version_seq');
    await db.query(
      `ALTER TABLE matching.centre ADD COLUMN calendar_version bigint NOT NULL DEFAULT nextval('matching.calendar_version_seq')`,
    );
    await db.query(`
      CREATE FUNCTION matching.renew_calendar_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.calendar_version := nextval('matching.calendar_version_seq');
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER centre_calendar_version BEFORE UPDATE ON matching.centre
        FOR EACH ROW EXECUTE FUNCTION matching.renew_calendar_version()`);
    // Touching the centre's row renews its version through the trigger above.
    await db.query(`
      CREATE FUNCTION matching.touch_centre_calendar() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          UPDATE matching.centre SET calendar_version = calendar_version WHERE id = OLD.centre_id;
          RETURN OLD;
        END IF;
        UPDATE matching.centre SET calendar_version = calendar_version WHERE id = NEW.centre_id;
        RETURN NEW;
      END $$`);
    // A calendar is read by window (sessions ending after its start): past sessions are not scanned.
    await db.query('CREATE INDEX booked_session_centre_end ON matching.booked_session (centre_id, ends_at)');
    for (const table of CALENDAR_TABLES) {
      await db.query(`
        CREATE TRIGGER ${table}_touches_centre BEFORE INSERT OR UPDATE OR DELETE ON matching.${table}
          FOR EACH ROW EXECUTE FUNCTION matching.touch_centre_calendar()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of CALENDAR_TABLES) await db.query(`DROP TRIGGER ${table}_touches_centre ON matching.${table}`);
    await db.query('DROP INDEX matching.booked_session_centre_end');
    await db.query('DROP FUNCTION matching.touch_centre_calendar()');
    await db.query('DROP TRIGGER centre_calendar_version ON matching.centre');
    await db.query('DROP FUNCTION matching.renew_calendar_version()');
    await db.query('ALTER TABLE matching.centre DROP COLUMN calendar_version');
    await db.query('DROP SEQUENCE matching.calendar_version_seq');
  }
}

const CALENDAR_TABLES = ['facilitator', 'group_slot', 'booked_session'] as const;

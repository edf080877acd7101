import { MigrationInterface, QueryRunner } from 'typeorm';

const MARKS = "('attended', 'excused_absence', 'unexcused_absence', 'refused')";
const EXCUSES = "('illness_with_document', 'court_hearing', 'detention', 'other')";

/**
 * After the mandatory programme: the voluntary component with the sessions the centre records, the
 * monitoring meetings scheduled at completion, and the re-check day of a programme closed for treatment
 * first. Timers gain the meeting they watch and two kinds that fire after the outcome.
 */
export class AfterTheProgramme1796400000000 implements MigrationInterface {
  name = 'AfterTheProgramme1796400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE programme.programme ADD COLUMN closure_recheck_on date');
    await db.query(`ALTER TABLE programme.programme ADD CONSTRAINT programme_recheck_check
      CHECK ((closure_reason = 'treatment_first') = (closure_recheck_on IS NOT NULL))`);
    await db.query(`
      CREATE TABLE programme.voluntary_component (
        programme_id uuid PRIMARY KEY REFERENCES programme.programme (id),
        track text NOT NULL CHECK (track IN ('men', 'women')),
        enrolled_at timestamptz NOT NULL,
        enrolled_by uuid NOT NULL,
        planned_end timestamptz NOT NULL,
        state text NOT NULL CHECK (state IN ('enrolled', 'voluntary_completed', 'voluntary_left')),
        outcome_at timestamptz,
        CHECK ((state = 'enrolled') = (outcome_at IS NULL))
      )`);
    await db.query(`
      CREATE TABLE programme.voluntary_session (
        programme_id uuid NOT NULL REFERENCES programme.voluntary_component (programme_id),
        session_number int NOT NULL CHECK (session_number >= 1),
        kind text NOT NULL CHECK (kind IN ('individual', 'group')),
        held_at timestamptz NOT NULL,
        mark text NOT NULL CHECK (mark IN ${MARKS}),
        excuse_reason text CHECK (excuse_reason IN ${EXCUSES}),
        excuse_note text,
        facilitator_note text NOT NULL,
        signed_by text NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (programme_id, session_number),
        CHECK ((mark = 'excused_absence') = (excuse_reason IS NOT NULL))
      )`);
    await db.query(`
      CREATE TABLE programme.follow_up_meeting (
        programme_id uuid NOT NULL REFERENCES programme.programme (id),
        meeting_number int NOT NULL CHECK (meeting_number >= 1),
        months_after_completion int NOT NULL CHECK (months_after_completion BETWEEN 1 AND 18),
        due_at timestamptz NOT NULL,
        outcome text CHECK (outcome IN ('held', 'missed')),
        recorded_by uuid,
        recorded_at timestamptz,
        PRIMARY KEY (programme_id, meeting_number),
        CHECK ((outcome IS NULL) = (recorded_at IS NULL))
      )`);
    await db.query('ALTER TABLE programme.timer ADD COLUMN meeting_number int');
    await db.query('ALTER TABLE programme.timer DROP CONSTRAINT timer_kind_check');
    await db.query(`ALTER TABLE programme.timer ADD CONSTRAINT timer_kind_check CHECK (kind IN
      ('attendance_missing', 'expiry_check', 'make_up', 'order_expiry', 'follow_up_due', 'treatment_recheck'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DELETE FROM programme.timer WHERE kind IN ('follow_up_due', 'treatment_recheck')");
    await db.query('ALTER TABLE programme.timer DROP CONSTRAINT timer_kind_check');
    await db.query(
      `ALTER TABLE programme.timer ADD CONSTRAINT timer_kind_check CHECK (kind IN ('attendance_missing', 'expiry_check', 'make_up', 'order_expiry'))`,
    );
    await db.query('ALTER TABLE programme.timer DROP COLUMN meeting_number');
    for (const table of ['follow_up_meeting', 'voluntary_session', 'voluntary_component']) await db.query(`DROP TABLE programme.${table}`);
    await db.query('ALTER TABLE programme.programme DROP CONSTRAINT programme_recheck_check');
    await db.query('ALTER TABLE programme.programme DROP COLUMN closure_recheck_on');
  }
}

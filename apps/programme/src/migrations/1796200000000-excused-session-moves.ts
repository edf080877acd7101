import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An excused absence moves its session: the session row takes the new time, and the absence (with its
 * excuse and the facilitators' note) stays in `session_move`. A programme whose make-up fits nowhere before
 * expiry waits in `awaiting_decision` for a coordinator.
 */
export class ExcusedSessionMoves1796200000000 implements MigrationInterface {
  name = 'ExcusedSessionMoves1796200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE programme.programme DROP CONSTRAINT programme_state_check');
    await db.query(`ALTER TABLE programme.programme ADD CONSTRAINT programme_state_check CHECK (state IN
      ('scheduled', 'in_progress', 'awaiting_decision', 'cancelled', 'completed', 'refused', 'closed_by_decision', 'expired_unplaced'))`);
    await db.query('ALTER TABLE programme.timer DROP CONSTRAINT timer_kind_check');
    await db.query(`ALTER TABLE programme.timer ADD CONSTRAINT timer_kind_check CHECK (kind IN ('attendance_missing', 'expiry_check', 'make_up'))`);
    await db.query(`
      CREATE TABLE programme.session_move (
        programme_id uuid NOT NULL REFERENCES programme.programme (id),
        session_index int NOT NULL,
        missed_starts_at timestamptz NOT NULL,
        excuse_reason text NOT NULL,
        excuse_note text,
        facilitator_note text,
        signed_by text,
        recorded_by uuid,
        recorded_at timestamptz,
        moved_to timestamptz NOT NULL,
        moved_at timestamptz NOT NULL,
        PRIMARY KEY (programme_id, session_index, missed_starts_at)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE programme.session_move');
    await db.query('ALTER TABLE programme.timer DROP CONSTRAINT timer_kind_check');
    await db.query(`ALTER TABLE programme.timer ADD CONSTRAINT timer_kind_check CHECK (kind IN ('attendance_missing', 'expiry_check'))`);
    await db.query('ALTER TABLE programme.programme DROP CONSTRAINT programme_state_check');
    await db.query(`ALTER TABLE programme.programme ADD CONSTRAINT programme_state_check CHECK (state IN
      ('scheduled', 'in_progress', 'cancelled', 'completed', 'refused', 'closed_by_decision', 'expired_unplaced'))`);
  }
}

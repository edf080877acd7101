import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTablesSql, dropMessagingTablesSql } from '@korgoo/messaging';

export class CreateProgrammeSchema1796000000000 implements MigrationInterface {
  name = 'CreateProgrammeSchema1796000000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of createMessagingTablesSql('programme')) await db.query(sql);
    // One programme per referral, and its state is the one outcome: a final state is never left (enforced
    // under the row lock in code, and the closure columns travel with their state).
    await db.query(`
      CREATE TABLE programme.programme (
        id uuid PRIMARY KEY,
        referral_id uuid NOT NULL UNIQUE,
        order_id uuid NOT NULL,
        referral_number text NOT NULL,
        centre_id text NOT NULL,
        track text NOT NULL CHECK (track IN ('men', 'women')),
        language text NOT NULL,
        expires_at timestamptz NOT NULL,
        state text NOT NULL CHECK (state IN
          ('scheduled', 'in_progress', 'cancelled', 'completed', 'refused', 'closed_by_decision', 'expired_unplaced')),
        refusal_policy text NOT NULL,
        outcome_at timestamptz,
        closure_reason text,
        closure_note text,
        closed_by uuid,
        created_at timestamptz NOT NULL,
        CHECK ((state = 'closed_by_decision') = (closure_reason IS NOT NULL AND closed_by IS NOT NULL))
      )`);
    await db.query('CREATE INDEX programme_order ON programme.programme (order_id)');
    await db.query(`
      CREATE TABLE programme.session (
        programme_id uuid NOT NULL REFERENCES programme.programme (id),
        session_index int NOT NULL CHECK (session_index BETWEEN 1 AND 4),
        kind text NOT NULL CHECK (kind IN ('individual', 'group')),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        facilitator_ids text[] NOT NULL,
        mark text CHECK (mark IN ('attended', 'excused_absence', 'unexcused_absence', 'refused')),
        excuse_reason text CHECK (excuse_reason IN ('illness_with_document', 'court_hearing', 'detention', 'other')),
        excuse_note text,
        facilitator_note text,
        signed_by text,
        recorded_by uuid,
        recorded_at timestamptz,
        PRIMARY KEY (programme_id, session_index),
        CHECK ((mark = 'excused_absence') = (excuse_reason IS NOT NULL))
      )`);
    // At most one Article 72 notice per programme: a redelivered refusal can never report twice.
    await db.query(`
      CREATE TABLE programme.refusal_notice (
        id uuid PRIMARY KEY,
        programme_id uuid NOT NULL UNIQUE REFERENCES programme.programme (id),
        ground text NOT NULL,
        refusal_policy text NOT NULL,
        sessions_offered int NOT NULL,
        missed jsonb NOT NULL,
        reported_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE programme.timer (
        id bigserial PRIMARY KEY,
        programme_id uuid NOT NULL REFERENCES programme.programme (id),
        kind text NOT NULL CHECK (kind IN ('attendance_missing', 'expiry_check')),
        audience text NOT NULL CHECK (audience IN ('centre', 'coordinators')),
        session_index int,
        days_before_expiry int,
        due_at timestamptz NOT NULL,
        fired_at timestamptz,
        alerted boolean
      )`);
    await db.query('CREATE INDEX timer_due ON programme.timer (due_at) WHERE fired_at IS NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['timer', 'refusal_notice', 'session', 'programme']) await db.query(`DROP TABLE programme.${table}`);
    for (const sql of dropMessagingTablesSql('programme')) await db.query(sql);
  }
}

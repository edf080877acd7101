import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The closed referral loop: a row per transition (who, when, why), acknowledgement deadlines as durable
 * timers, every routing decision kept, withdrawn orders remembered; directory fields for the admin API.
 */
export class ReferralLoop1795597200000 implements MigrationInterface {
  name = 'ReferralLoop1795597200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE matching.centre
        ADD COLUMN municipal boolean NOT NULL DEFAULT false,
        ADD COLUMN contact_channels jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await db.query(`ALTER TABLE matching.facilitator ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    // Exceptions get ids so one can be removed without resending the others.
    await db.query(`
      UPDATE matching.facilitator
         SET exceptions = (SELECT jsonb_agg(e || jsonb_build_object('id', gen_random_uuid()))
                             FROM jsonb_array_elements(exceptions) e)
       WHERE jsonb_array_length(exceptions) > 0`);
    await db.query('CREATE INDEX facilitator_centre ON matching.facilitator (centre_id)');

    await db.query(`
      ALTER TABLE matching.referral
        ADD COLUMN failed_hand_offs int NOT NULL DEFAULT 0,
        ADD COLUMN assessment_version int NOT NULL DEFAULT 1,
        ADD COLUMN routing jsonb,
        ADD COLUMN assigned_by uuid,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    // Referrals routed before this migration keep what routing again needs, read back from their decision.
    await db.query(`
      UPDATE matching.referral SET routing = jsonb_build_object(
        'origin', decision->'origin',
        'participantSex', decision->'request'->>'participantSex',
        'language', language,
        'expiresAt', decision->'request'->>'mustFinishBy',
        'acknowledgeWithinHours', CASE priority WHEN 'urgent' THEN 1 WHEN 'high' THEN 4 ELSE 24 END)`);
    await db.query('ALTER TABLE matching.referral ALTER COLUMN routing SET NOT NULL');
    await db.query(`
      ALTER TABLE matching.referral ADD CONSTRAINT referral_status CHECK (status IN
        ('proposed', 'unroutable', 'accepted', 'escalated', 'in_progress', 'completed', 'failed', 'cancelled'))`);

    await db.query(`
      CREATE TABLE matching.referral_transition (
        id bigserial PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES matching.referral (id),
        hand_off int NOT NULL,
        from_status text,
        to_status text NOT NULL,
        centre_id text,
        actor_kind text NOT NULL CHECK (actor_kind IN ('system', 'timer', 'centre', 'coordinator', 'police')),
        actor_id uuid,
        reason_code text,
        note text,
        at timestamptz NOT NULL
      )`);
    await db.query('CREATE INDEX referral_transition_referral ON matching.referral_transition (referral_id, id)');
    await db.query(`
      INSERT INTO matching.referral_transition (referral_id, hand_off, from_status, to_status, centre_id, actor_kind, reason_code, at)
      SELECT id, 0, NULL, status, centre_id, 'system', 'routed', created_at FROM matching.referral`);

    // One row per proposal to a centre; a pending row is a durable acknowledgement timer.
    await db.query(`
      CREATE TABLE matching.referral_deadline (
        id bigserial PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES matching.referral (id),
        hand_off int NOT NULL,
        centre_id text NOT NULL REFERENCES matching.centre (id),
        proposed_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        assigned boolean NOT NULL DEFAULT false,
        state text NOT NULL CHECK (state IN ('pending', 'fired', 'accepted', 'declined', 'superseded', 'cancelled')),
        resolved_at timestamptz,
        UNIQUE (referral_id, hand_off)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX referral_deadline_one_pending ON matching.referral_deadline (referral_id) WHERE state = 'pending'`,
    );
    await db.query(`CREATE INDEX referral_deadline_due ON matching.referral_deadline (due_at) WHERE state = 'pending'`);
    await db.query(`
      INSERT INTO matching.referral_deadline (referral_id, hand_off, centre_id, proposed_at, due_at, state)
      SELECT id, 0, centre_id, created_at, acknowledge_by, 'pending' FROM matching.referral
       WHERE status = 'proposed' AND centre_id IS NOT NULL AND acknowledge_by IS NOT NULL`);

    await db.query(`
      CREATE TABLE matching.routing_decision (
        id bigserial PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES matching.referral (id),
        hand_off int NOT NULL,
        trigger text NOT NULL,
        decided_at timestamptz NOT NULL,
        record jsonb NOT NULL
      )`);
    await db.query('CREATE INDEX routing_decision_referral ON matching.routing_decision (referral_id, id)');
    await db.query(`
      INSERT INTO matching.routing_decision (referral_id, hand_off, trigger, decided_at, record)
      SELECT id, 0, 'assessed', created_at, decision FROM matching.referral`);

    await db.query(`
      ALTER TABLE matching.session_hold
        ADD COLUMN hand_off int NOT NULL DEFAULT 0,
        ADD COLUMN confirmed_at timestamptz`);
    await db.query('CREATE INDEX session_hold_booked_session ON matching.session_hold (booked_session_id)');

    // An order withdrawn before it was routed must never be routed afterwards.
    await db.query(`
      CREATE TABLE matching.withdrawn_order (
        order_id uuid PRIMARY KEY,
        reason text NOT NULL,
        withdrawn_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE matching.withdrawn_order');
    await db.query('DROP INDEX matching.session_hold_booked_session');
    await db.query('ALTER TABLE matching.session_hold DROP COLUMN confirmed_at, DROP COLUMN hand_off');
    await db.query('DROP TABLE matching.routing_decision');
    await db.query('DROP TABLE matching.referral_deadline');
    await db.query('DROP TABLE matching.referral_transition');
    await db.query('ALTER TABLE matching.referral DROP CONSTRAINT referral_status');
    await db.query(`
      ALTER TABLE matching.referral
        DROP COLUMN updated_at, DROP COLUMN assigned_by, DROP COLUMN routing,
        DROP COLUMN assessment_version, DROP COLUMN failed_hand_offs`);
    await db.query('DROP INDEX matching.facilitator_centre');
    await db.query('ALTER TABLE matching.facilitator DROP COLUMN updated_at');
    await db.query(`UPDATE matching.facilitator SET exceptions = (SELECT coalesce(jsonb_agg(e - 'id'), '[]') FROM jsonb_array_elements(exceptions) e)`);
    await db.query('ALTER TABLE matching.centre DROP COLUMN updated_at, DROP COLUMN contact_channels, DROP COLUMN municipal');
  }
}

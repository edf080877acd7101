import { MigrationInterface, QueryRunner } from 'typeorm';

/** Recipients with their channels, one intent per (event, recipient), and every attempt with its receipt. */
export class RecipientsAndDeliveryAttempts1765000000000 implements MigrationInterface {
  name = 'RecipientsAndDeliveryAttempts1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification.recipient (
        key text PRIMARY KEY,
        recipient_kind text NOT NULL CHECK (recipient_kind IN ('centre', 'coordinators')),
        centre_id text,
        display_name text NOT NULL,
        language text NOT NULL CHECK (language IN ('ky', 'ru', 'en')),
        channels jsonb NOT NULL DEFAULT '[]',
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((recipient_kind = 'centre') = (centre_id IS NOT NULL)),
        CHECK (jsonb_typeof(channels) = 'array')
      )`);
    await db.query(`
      CREATE TABLE notification.delivery_intent (
        id uuid PRIMARY KEY,
        source_event_id uuid NOT NULL,
        recipient_kind text NOT NULL CHECK (recipient_kind IN ('centre', 'coordinators')),
        centre_id text,
        order_id uuid NOT NULL,
        referral_id uuid NOT NULL,
        kind text NOT NULL,
        language text NOT NULL,
        facts jsonb NOT NULL,
        plan jsonb NOT NULL,
        outcome text NOT NULL DEFAULT 'dispatching'
          CHECK (outcome IN ('dispatching', 'reached', 'unreachable', 'inbox_only', 'acknowledged')),
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        UNIQUE (source_event_id, recipient_kind)
      )`);
    await db.query('CREATE INDEX delivery_intent_referral ON notification.delivery_intent (referral_id)');
    await db.query(`
      CREATE TABLE notification.event_dispatch (
        source_event_id uuid PRIMARY KEY,
        runs int NOT NULL DEFAULT 0,
        last_run_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`ALTER TABLE notification.notification
      ADD COLUMN intent_id uuid REFERENCES notification.delivery_intent (id),
      ADD COLUMN acknowledged_at timestamptz,
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await db.query('CREATE INDEX notification_referral ON notification.notification (referral_id)');
    await db.query(`
      CREATE TABLE notification.delivery_attempt (
        id uuid PRIMARY KEY,
        notification_id uuid NOT NULL REFERENCES notification.notification (id),
        attempt_no int NOT NULL CHECK (attempt_no >= 1),
        channel text NOT NULL,
        provider text NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'failed', 'undelivered')),
        provider_message_id text,
        error text,
        queued_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (notification_id, attempt_no)
      )`);
    await db.query(`CREATE INDEX delivery_attempt_provider_message ON notification.delivery_attempt (provider, provider_message_id)
      WHERE provider_message_id IS NOT NULL`);
    await db.query(`
      CREATE TABLE notification.delivery_receipt (
        id uuid PRIMARY KEY,
        provider text NOT NULL,
        provider_message_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('delivered', 'undelivered')),
        provider_status text,
        received_at timestamptz NOT NULL DEFAULT now(),
        applied_at timestamptz
      )`);
    await db.query('CREATE INDEX delivery_receipt_message ON notification.delivery_receipt (provider, provider_message_id)');
    await db.query(`
      CREATE TABLE notification.referral_acknowledgement (
        referral_id uuid NOT NULL,
        centre_id text NOT NULL,
        via text NOT NULL CHECK (via IN ('opened', 'accepted')),
        acknowledged_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (referral_id, centre_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE notification.referral_acknowledgement');
    await db.query('DROP TABLE notification.delivery_receipt');
    await db.query('DROP TABLE notification.delivery_attempt');
    await db.query('DROP INDEX notification.notification_referral');
    await db.query(`ALTER TABLE notification.notification
      DROP COLUMN updated_at, DROP COLUMN acknowledged_at, DROP COLUMN intent_id`);
    await db.query('DROP TABLE notification.event_dispatch');
    await db.query('DROP TABLE notification.delivery_intent');
    await db.query('DROP TABLE notification.recipient');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTablesSql, dropMessagingTablesSql } from '@korgoo/messaging';

export class CreateNotificationSchema1764000000000 implements MigrationInterface {
  name = 'CreateNotificationSchema1764000000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of createMessagingTablesSql('notification')) await db.query(sql);
    await db.query(`
      CREATE TABLE notification.notification (
        id uuid PRIMARY KEY,
        source_event_id uuid NOT NULL,
        order_id uuid NOT NULL,
        referral_id uuid NOT NULL,
        recipient_kind text NOT NULL CHECK (recipient_kind IN ('centre', 'coordinators')),
        centre_id text,
        channel text NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (source_event_id, recipient_kind, channel)
      )`);
    await db.query('CREATE INDEX notification_order ON notification.notification (order_id)');
    await db.query(`
      CREATE TABLE notification.inbox_entry (
        id uuid PRIMARY KEY,
        notification_id uuid NOT NULL UNIQUE REFERENCES notification.notification (id),
        recipient_kind text NOT NULL,
        centre_id text,
        referral_id uuid NOT NULL,
        referral_number text NOT NULL,
        kind text NOT NULL,
        priority text NOT NULL,
        title jsonb NOT NULL,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX inbox_entry_recipient ON notification.inbox_entry (recipient_kind, centre_id, created_at DESC)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE notification.inbox_entry');
    await db.query('DROP TABLE notification.notification');
    for (const sql of dropMessagingTablesSql('notification')) await db.query(sql);
  }
}

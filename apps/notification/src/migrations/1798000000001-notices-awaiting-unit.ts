import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders registered before police units are known without a unit (and, registered before notices, not at
 * all): an Article 72 notice about one goes to the coordinators and waits here, then goes to the unit as soon
 * as the order is given one. The refusal event holds ids, dates and codes only.
 */
export class NoticesAwaitingUnit1798000000001 implements MigrationInterface {
  name = 'NoticesAwaitingUnit1798000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE notification.order_reference ALTER COLUMN unit_code DROP NOT NULL');
    await db.query(`
      CREATE TABLE notification.notice_awaiting_unit (
        refusal_event_id uuid PRIMARY KEY,
        order_id uuid NOT NULL,
        refusal jsonb NOT NULL,
        waiting_since timestamptz NOT NULL,
        forwarded_at timestamptz
      )`);
    await db.query('CREATE INDEX notice_awaiting_unit_order ON notification.notice_awaiting_unit (order_id) WHERE forwarded_at IS NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE notification.notice_awaiting_unit');
    await db.query('DELETE FROM notification.order_reference WHERE unit_code IS NULL');
    await db.query('ALTER TABLE notification.order_reference ALTER COLUMN unit_code SET NOT NULL');
  }
}

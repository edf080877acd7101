import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `('centre', 'coordinators', 'police_unit')`;

/**
 * Police units become recipients: Article 72 notices go to the unit that issued the order, into its inbox,
 * where an officer acknowledges them once. The order's number and unit are kept from `order.registered.v1`,
 * since the programme's events name the order only by its id.
 */
export class PoliceUnitNotices1797000000000 implements MigrationInterface {
  name = 'PoliceUnitNotices1797000000000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of ['notification', 'recipient', 'delivery_intent']) {
      await db.query(`ALTER TABLE notification.${table} DROP CONSTRAINT ${table}_recipient_kind_check`);
      await db.query(`ALTER TABLE notification.${table} ADD CONSTRAINT ${table}_recipient_kind_check CHECK (recipient_kind IN ${KINDS})`);
      await db.query(`ALTER TABLE notification.${table} ADD COLUMN unit_code text`);
    }
    await db.query(`ALTER TABLE notification.recipient ADD CONSTRAINT recipient_unit_code_check
      CHECK ((recipient_kind = 'police_unit') = (unit_code IS NOT NULL))`);
    await db.query(`ALTER TABLE notification.inbox_entry
      ADD COLUMN unit_code text,
      ADD COLUMN order_number text,
      ADD COLUMN acknowledged_at timestamptz,
      ADD COLUMN acknowledged_by uuid,
      ADD CONSTRAINT inbox_entry_acknowledged_check CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))`);
    await db.query(`CREATE INDEX inbox_entry_unit ON notification.inbox_entry (unit_code, created_at DESC)
      WHERE recipient_kind = 'police_unit'`);
    await db.query(`
      CREATE TABLE notification.order_reference (
        order_id uuid PRIMARY KEY,
        order_number text NOT NULL,
        unit_code text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE notification.order_reference');
    await db.query('DROP INDEX notification.inbox_entry_unit');
    await db.query(`ALTER TABLE notification.inbox_entry DROP CONSTRAINT inbox_entry_acknowledged_check,
      DROP COLUMN acknowledged_by, DROP COLUMN acknowledged_at, DROP COLUMN order_number, DROP COLUMN unit_code`);
    await db.query('ALTER TABLE notification.recipient DROP CONSTRAINT recipient_unit_code_check');
    for (const table of ['notification', 'recipient', 'delivery_intent']) {
      await db.query(`ALTER TABLE notification.${table} DROP COLUMN unit_code`);
      await db.query(`ALTER TABLE notification.${table} DROP CONSTRAINT ${table}_recipient_kind_check`);
      await db.query(`ALTER TABLE notification.${table} ADD CONSTRAINT ${table}_recipient_kind_check
        CHECK (recipient_kind IN ('centre', 'coordinators'))`);
    }
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['notification', 'recipient', 'delivery_intent'];

function kindCheck(table: string, kinds: string[]): string {
  return `ALTER TABLE notification.${table} ADD CONSTRAINT ${table}_recipient_kind_check
    CHECK (recipient_kind IN (${kinds.map((kind) => `'${kind}'`).join(', ')}))`;
}

/**
 * Immediate danger reaches the coordinators and a duty hotline straight from the screening, before any
 * referral exists: the hotline becomes a recipient, and a notification may name an order without a referral.
 */
export class ImmediateDangerAlerts1797000000001 implements MigrationInterface {
  name = 'ImmediateDangerAlerts1797000000001';

  async up(db: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await db.query(`ALTER TABLE notification.${table} DROP CONSTRAINT ${table}_recipient_kind_check`);
      await db.query(kindCheck(table, ['centre', 'coordinators', 'police_unit', 'duty_hotline']));
    }
    for (const table of ['notification', 'delivery_intent', 'inbox_entry']) {
      await db.query(`ALTER TABLE notification.${table} ALTER COLUMN referral_id DROP NOT NULL`);
    }
    await db.query('ALTER TABLE notification.inbox_entry ALTER COLUMN referral_number DROP NOT NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query("DELETE FROM notification.recipient WHERE recipient_kind = 'duty_hotline'");
    for (const table of TABLES) {
      await db.query(`ALTER TABLE notification.${table} DROP CONSTRAINT ${table}_recipient_kind_check`);
      await db.query(kindCheck(table, ['centre', 'coordinators', 'police_unit']));
    }
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** The officers' free text moves out of the events into the gateway, beside the order it belongs to. */
export class OrderNotes1767000000001 implements MigrationInterface {
  name = 'OrderNotes1767000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE gateway.order_note (
      id uuid PRIMARY KEY,
      order_id uuid NOT NULL REFERENCES gateway.protection_order(id),
      kind text NOT NULL CHECK (kind IN ('officer_concern', 'override_reason', 'withdrawal_note')),
      body text NOT NULL,
      written_by uuid NOT NULL,
      written_at timestamptz NOT NULL
    )`);
    await db.query('CREATE INDEX order_note_order ON gateway.order_note (order_id, written_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE gateway.order_note');
  }
}

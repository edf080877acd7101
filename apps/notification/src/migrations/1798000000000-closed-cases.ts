import { MigrationInterface, QueryRunner } from 'typeorm';

/** When each order's case closed, from which its delivery records' retention term runs, and when they went. */
export class ClosedCases1798000000000 implements MigrationInterface {
  name = 'ClosedCases1798000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification.closed_case (
        order_id uuid PRIMARY KEY,
        closed_at timestamptz NOT NULL,
        erased_at timestamptz
      )`);
    await db.query('CREATE INDEX closed_case_due ON notification.closed_case (closed_at) WHERE erased_at IS NULL');
    await db.query('CREATE INDEX delivery_intent_order ON notification.delivery_intent (order_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX notification.delivery_intent_order');
    await db.query('DROP TABLE notification.closed_case');
  }
}

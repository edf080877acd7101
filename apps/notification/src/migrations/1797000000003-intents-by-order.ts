import { MigrationInterface, QueryRunner } from 'typeorm';

/** Whether an order was already alerted about is asked of the intents by order and kind. */
export class IntentsByOrder1797000000003 implements MigrationInterface {
  name = 'IntentsByOrder1797000000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE INDEX delivery_intent_order_kind ON notification.delivery_intent (order_id, kind)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX notification.delivery_intent_order_kind');
  }
}

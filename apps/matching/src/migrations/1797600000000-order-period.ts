import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What matching hears of an order's period after its assessment: the latest expiry the police extended it
 * to (an extension may come before the order is routed), and when it ended with no programme (nothing is
 * accepted, and no extension reopens it, after that).
 */
export class OrderPeriod1797600000000 implements MigrationInterface {
  name = 'OrderPeriod1797600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE matching.order_period (
        order_id uuid PRIMARY KEY,
        extended_to timestamptz,
        ended_unplaced_at timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE matching.order_period');
  }
}

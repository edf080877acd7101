import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Police extend an order (the expiry moves later; the first one is kept) and record the court's decision on
 * it (date and case reference).
 */
export class OrderExtensionCourtDecision1767000000000 implements MigrationInterface {
  name = 'OrderExtensionCourtDecision1767000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE gateway.protection_order
      ADD COLUMN first_expires_at timestamptz,
      ADD COLUMN court_decided_on date,
      ADD COLUMN court_reference text,
      ADD CONSTRAINT protection_order_court_decision CHECK ((court_decided_on IS NULL) = (court_reference IS NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE gateway.protection_order DROP CONSTRAINT protection_order_court_decision,
      DROP COLUMN court_reference, DROP COLUMN court_decided_on, DROP COLUMN first_expires_at`);
  }
}

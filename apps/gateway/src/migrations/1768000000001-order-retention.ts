import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention: when an order's case closed, and when its personal data was erased. Withdrawn orders count
 * as closed at their withdrawal; other orders close at the programme's outcome (or, never hearing one, two
 * years after expiry: see retention-policy.ts).
 */
export class OrderRetention1768000000001 implements MigrationInterface {
  name = 'OrderRetention1768000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE gateway.protection_order ADD COLUMN case_closed_at timestamptz, ADD COLUMN erased_at timestamptz');
    await db.query(`UPDATE gateway.protection_order o SET case_closed_at = a.at
                      FROM (SELECT resource_id, min(at) AS at FROM gateway.audit_log
                             WHERE action = 'withdraw' AND resource_type = 'protection_order' AND outcome = 'success'
                             GROUP BY resource_id) a
                     WHERE a.resource_id = o.id::text`);
    await db.query('CREATE INDEX protection_order_not_erased ON gateway.protection_order (expires_at) WHERE erased_at IS NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX gateway.protection_order_not_erased');
    await db.query('ALTER TABLE gateway.protection_order DROP COLUMN erased_at, DROP COLUMN case_closed_at');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { AuditChainHead1772000000000 } from './1772000000000-audit-chain-head';

/**
 * `audit_chain_head`, which appended to the audit chain in two round trips: no release since `AuditAppend` calls
 * it, so a rolling update from that release no longer needs it.
 */
export class DropAuditChainHead1774000000000 implements MigrationInterface {
  name = 'DropAuditChainHead1774000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION gateway.audit_chain_head(bigint)');
  }

  /** The function as `AuditChainHead` made it. */
  async down(db: QueryRunner): Promise<void> {
    await new AuditChainHead1772000000000().up(db);
  }
}

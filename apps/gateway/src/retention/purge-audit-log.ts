import { EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { purgeDetail } from '../audit/audit-chain';
import { AuditLogRetentionStore, DueAuditPurge } from './audit-log-retention-store';

/**
 * Removes a batch of audit entries past their term and says so in the log itself, in the same transaction:
 * how many went and the last of them, so the chain still verifies (audit-chain.ts). Never their contents.
 */
export class PurgeAuditLog {
  constructor(
    private readonly store: AuditLogRetentionStore,
    private readonly audit: AuditTrail,
  ) {}

  async execute(tx: EntityManager, due: DueAuditPurge): Promise<void> {
    const purged = await this.store.purge(tx, due.before);
    if (!purged) return;
    const detail = purgeDetail({ ...purged, before: due.before.toISOString() });
    await this.audit.recordBySystem('purge', 'audit_log', null, tx, detail);
  }
}

import { EntityManager } from 'typeorm';
import { Clock } from '@korgoo/platform/core';
import { AuditTrail } from '../audit/audit-trail';
import { OrderRetentionStore } from './order-retention-store';

/** Erases one order's personal data whose term has run out, with an audit entry in the same transaction. */
export class ErasePersonalData {
  constructor(
    private readonly store: OrderRetentionStore,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async execute(tx: EntityManager, orderId: string): Promise<void> {
    await this.store.erase(tx, orderId, this.clock.now());
    await this.audit.recordBySystem('erase', 'protection_order', orderId, tx);
  }
}

import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CASE_CLOSING_OUTCOMES } from '@korgoo/contracts';
import { KorgooConfig } from '@korgoo/config';
import { MessagingRuntime } from '@korgoo/messaging';
import { CLOCK, DuePollers, KORGOO_CONFIG, MESSAGING, outsideTransaction } from '@korgoo/platform';
import { Clock } from '@korgoo/platform/core';
import { AuditTrail } from '../audit/audit-trail';
import { AuditLogRetentionStore, DueAuditPurge } from './audit-log-retention-store';
import { ErasePersonalData } from './erase-personal-data';
import { OrderRetentionStore } from './order-retention-store';
import { PurgeAuditLog } from './purge-audit-log';
import { auditCutoff, erasureCutoffs, refreshTokenCutoff } from './retention-policy';
import { RefreshTokenRetentionStore } from './refresh-token-retention-store';
import { SignInFailureRetentionStore } from './sign-in-failure-retention-store';
import { signInFailuresSpentBefore } from '../auth/sign-in-lockout';

/** Wiring: case closures from the programme's events; the erasure, refresh token, sign-in failure and audit log pollers on the injected clock. */
@Module({})
export class RetentionModule implements OnModuleInit {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly pollers: DuePollers,
  ) {}

  onModuleInit() {
    const store = new OrderRetentionStore();
    for (const subject of CASE_CLOSING_OUTCOMES) {
      this.messaging.on(subject, (event, tx) => store.closeCase(tx, event.payload.orderId, new Date(event.occurredAt)));
    }
    const transaction = <T>(work: (tx: EntityManager) => Promise<T>) => this.dataSource.transaction(work);
    const peek = outsideTransaction(this.dataSource);
    const { orderYears, refreshTokenDays, auditYears, pollMs } = this.config.retention;
    const erase = new ErasePersonalData(store, this.audit, this.clock);
    this.pollers.add('personal data erasure', pollMs, transaction, peek, {
      claimDue: (tx, now, passOver) => store.claimDue(tx, erasureCutoffs(now, { orderYears }), passOver),
      fire: (tx, orderId: string) => erase.execute(tx, orderId),
      idOf: (orderId) => orderId,
    });
    const tokens = new RefreshTokenRetentionStore();
    this.pollers.add('expired refresh token deletion', pollMs, transaction, peek, {
      claimDue: (tx, now, passOver) => tokens.claimDue(tx, refreshTokenCutoff(now, refreshTokenDays), passOver),
      fire: (tx, tokenIds: string[]) => tokens.delete(tx, tokenIds),
      idOf: (tokenIds) => tokenIds[0],
    });
    const failures = new SignInFailureRetentionStore();
    this.pollers.add('spent sign-in failure deletion', pollMs, transaction, peek, {
      claimDue: (tx, now, passOver) => failures.claimDue(tx, signInFailuresSpentBefore(now), now, passOver),
      fire: (tx, keys: string[]) => failures.delete(tx, keys),
      idOf: (keys) => keys[0],
    });
    const auditLog = new AuditLogRetentionStore();
    const purge = new PurgeAuditLog(auditLog, this.audit);
    this.pollers.add('audit log purge', pollMs, transaction, peek, {
      claimDue: (tx, now, passOver) => auditLog.claimDue(tx, auditCutoff(now, auditYears), passOver),
      fire: (tx, due: DueAuditPurge) => purge.execute(tx, due),
      idOf: (due) => due.firstId,
    });
  }
}

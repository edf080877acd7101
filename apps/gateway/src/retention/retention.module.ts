import { Inject, Module, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CASE_CLOSING_OUTCOMES } from '@korgoo/contracts';
import { KorgooConfig } from '@korgoo/config';
import { MessagingRuntime } from '@korgoo/messaging';
import { CLOCK, KORGOO_CONFIG, MESSAGING, SERVICE_LOG } from '@korgoo/platform';
import { Clock, DuePoller } from '@korgoo/platform/core';
import { Logger } from 'pino';
import { AuditTrail } from '../audit/audit-trail';
import { ErasePersonalData } from './erase-personal-data';
import { OrderRetentionStore } from './order-retention-store';
import { erasureCutoffs, refreshTokenCutoff } from './retention-policy';
import { RefreshTokenRetentionStore } from './refresh-token-retention-store';

/** Wiring: case closures from the programme's events, the erasure and the refresh token pollers on the injected clock. */
@Module({})
export class RetentionModule implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private poller: DuePoller<EntityManager, string> | null = null;
  private tokenPoller: DuePoller<EntityManager, string[]> | null = null;

  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
    @Inject(SERVICE_LOG) private readonly log: Logger,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  onModuleInit() {
    const store = new OrderRetentionStore();
    for (const subject of CASE_CLOSING_OUTCOMES) {
      this.messaging.on(subject, (event, tx) => store.closeCase(tx, event.payload.orderId, new Date(event.occurredAt)));
    }
    const erase = new ErasePersonalData(store, this.audit, this.clock);
    const policy = { orderYears: this.config.retention.orderYears };
    this.poller = new DuePoller<EntityManager, string>(
      (work) => this.dataSource.transaction(work),
      {
        claimDue: (tx, now, passOver) => store.claimDue(tx, erasureCutoffs(now, policy), passOver),
        fire: (tx, orderId) => erase.execute(tx, orderId),
        idOf: (orderId) => orderId,
      },
      this.clock,
      { name: 'personal data erasure', pollMs: this.config.retention.pollMs },
      this.log,
    );
    const tokens = new RefreshTokenRetentionStore();
    this.tokenPoller = new DuePoller<EntityManager, string[]>(
      (work) => this.dataSource.transaction(work),
      {
        claimDue: (tx, now, passOver) => tokens.claimDue(tx, refreshTokenCutoff(now, this.config.retention.refreshTokenDays), passOver),
        fire: (tx, tokenIds) => tokens.delete(tx, tokenIds),
        idOf: (tokenIds) => tokenIds[0],
      },
      this.clock,
      { name: 'expired refresh token deletion', pollMs: this.config.retention.pollMs },
      this.log,
    );
  }

  onApplicationBootstrap() {
    this.poller?.start();
    this.tokenPoller?.start();
  }

  async onModuleDestroy() {
    await this.poller?.stop();
    await this.tokenPoller?.stop();
  }
}

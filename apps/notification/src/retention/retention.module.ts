import { Inject, Module, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { CASE_CLOSING_OUTCOMES, EventSubjects } from '@korgoo/contracts';
import { KorgooConfig } from '@korgoo/config';
import { MessagingRuntime } from '@korgoo/messaging';
import { CLOCK, KORGOO_CONFIG, MESSAGING, SERVICE_LOG } from '@korgoo/platform';
import { Clock, DuePoller, yearsBefore } from '@korgoo/platform/core';
import { ClosedCases } from './closed-cases';
import { EraseDeliveryRecords } from './erase-delivery-records';

/**
 * Wiring: case closures from the programme's final outcomes and the police's withdrawals (the refusal
 * notice closes its case in the delivery handler, which also tells the unit), and the erasure poller on the
 * injected clock: a case's delivery records go `RETENTION_ORDER_YEARS` after it closed.
 */
@Module({})
export class RetentionModule implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private poller: DuePoller<EntityManager, string> | null = null;

  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
    @Inject(SERVICE_LOG) private readonly log: Logger,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    const cases = new ClosedCases();
    for (const subject of [...CASE_CLOSING_OUTCOMES.filter((s) => s !== EventSubjects.ProgrammeRefusalReported), EventSubjects.OrderWithdrawn]) {
      this.messaging.on(subject, (event, tx) => cases.close(tx, event.payload.orderId, new Date(event.occurredAt)));
    }
    const erase = new EraseDeliveryRecords(cases, this.clock, this.log);
    this.poller = new DuePoller<EntityManager, string>(
      (work) => this.dataSource.transaction(work),
      {
        claimDue: (tx, now, passOver) => cases.claimDue(tx, yearsBefore(now, this.config.retention.orderYears), passOver),
        fire: (tx, orderId) => erase.execute(tx, orderId),
        idOf: (orderId) => orderId,
      },
      this.clock,
      { name: 'delivery record erasure', pollMs: this.config.retention.pollMs },
      this.log,
    );
  }

  onApplicationBootstrap() {
    this.poller?.start();
  }

  async onModuleDestroy() {
    await this.poller?.stop();
  }
}

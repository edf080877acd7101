import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { CASE_CLOSING_OUTCOMES, EventSubjects, UNREPORTED_CLOSURE_YEARS } from '@korgoo/contracts';
import { KorgooConfig } from '@korgoo/config';
import { MessagingRuntime } from '@korgoo/messaging';
import { CLOCK, DuePollers, KORGOO_CONFIG, MESSAGING, SERVICE_LOG, outsideTransaction } from '@korgoo/platform';
import { Clock, yearsBefore } from '@korgoo/platform/core';
import { ClosedCases, UnreportedCase } from './closed-cases';
import { EraseDeliveryRecords } from './erase-delivery-records';

/**
 * Wiring: case closures from the programme's final outcomes and the police's withdrawals (the refusal
 * notice closes its case in the delivery handler, which also tells the unit); a backstop that closes a case
 * never heard to end `UNREPORTED_CLOSURE_YEARS` after its last record; and the erasure poller on the
 * injected clock: a case's delivery records go `RETENTION_ORDER_YEARS` after it closed.
 */
@Module({})
export class RetentionModule implements OnModuleInit {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
    @Inject(SERVICE_LOG) private readonly log: Logger,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly pollers: DuePollers,
  ) {}

  onModuleInit() {
    const cases = new ClosedCases();
    for (const subject of [...CASE_CLOSING_OUTCOMES.filter((s) => s !== EventSubjects.ProgrammeRefusalReported), EventSubjects.OrderWithdrawn]) {
      this.messaging.on(subject, (event, tx) => cases.close(tx, event.payload.orderId, new Date(event.occurredAt)));
    }
    const transaction = <T>(work: (tx: EntityManager) => Promise<T>) => this.dataSource.transaction(work);
    const peek = outsideTransaction(this.dataSource);
    const { orderYears, pollMs } = this.config.retention;
    this.pollers.add('unreported case closure', pollMs, transaction, peek, {
      claimDue: (tx, now, passOver) => cases.claimUnreported(tx, yearsBefore(now, UNREPORTED_CLOSURE_YEARS), passOver),
      fire: (tx, unreported: UnreportedCase[]) => cases.closeUnreported(tx, unreported, UNREPORTED_CLOSURE_YEARS),
      idOf: (unreported) => unreported[0].orderId,
    });
    const erase = new EraseDeliveryRecords(cases, this.clock, this.log);
    this.pollers.add('delivery record erasure', pollMs, transaction, peek, {
      claimDue: (tx, now, passOver) => cases.claimDue(tx, yearsBefore(now, orderYears), passOver),
      fire: (tx, orderId: string) => erase.execute(tx, orderId),
      idOf: (orderId) => orderId,
    });
  }
}

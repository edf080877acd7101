import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { KorgooConfig } from '@korgoo/config';
import { MessagingRuntime } from '@korgoo/messaging';
import { CLOCK, KORGOO_CONFIG, MESSAGING, SERVICE_LOG } from '@korgoo/platform';
import { Clock } from '@korgoo/platform/core';
import { retryingTransaction } from '@korgoo/platform/core';
import { ROUTING_RETRY } from '../referrals/lock-conflicts';
import { CapacitySignal } from './capacity-signal';
import { seedDemoDirectory } from './demo/demo-seed';
import { DirectoryAdmin } from './directory-admin';
import { bindDirectoryHandlers } from './directory.handlers';

/** Matching owns centres, facilitators and their time; this wires the directory to the gateway's requests. */
@Module({ providers: [CapacitySignal], exports: [CapacitySignal] })
export class DirectoryModule implements OnModuleInit {
  constructor(
    private readonly capacity: CapacitySignal,
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
    @Inject(SERVICE_LOG) private readonly log: Logger,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  async onModuleInit() {
    if (this.config.environment === 'development' && (await this.dataSource.transaction((tx) => seedDemoDirectory(tx)))) {
      this.log.info('demo centre directory loaded (development data, not real rosters)');
    }
    // A directory change may add capacity: the waiting orders are served in the same transaction.
    const write = <T>(work: (tx: EntityManager) => Promise<T>) =>
      retryingTransaction(
        () =>
          this.messaging.outbox.transaction(async (tx) => {
            const result = await work(tx);
            await this.capacity.appeared(tx, 'directory_changed');
            return result;
          }),
        ROUTING_RETRY,
      );
    bindDirectoryHandlers(this.messaging, new DirectoryAdmin(this.clock), this.dataSource.manager, write);
  }
}

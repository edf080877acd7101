import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { KorgooConfig } from '@korgoo/config';
import { MessagingRuntime } from '@korgoo/messaging';
import { CLOCK, KORGOO_CONFIG, MESSAGING, SERVICE_LOG } from '@korgoo/platform';
import { Clock } from '@korgoo/platform/core';
import { retryingTransaction } from '@korgoo/platform/core';
import { ProgrammeSessions } from '../programme-sessions/programme-sessions';
import { ROUTING_RETRY } from '../referrals/lock-conflicts';
import { ReferralRepository } from '../referrals/repositories/referral-repository';
import { AnnounceRosters } from './announce-rosters';
import { CapacitySignal, StrandedProposals } from './capacity-signal';
import { CentreDirectory } from './centre-directory';
import { CoverAwayFacilitator } from './cover-away-facilitator';
import { seedDemoDirectory } from './demo/demo-seed';
import { DirectoryAdmin } from './directory-admin';
import { bindDirectoryHandlers } from './directory.handlers';
import { RosterStore } from './roster-store';

/** Matching owns centres, facilitators and their time; this wires the directory to the gateway's requests. */
@Module({ providers: [CapacitySignal, StrandedProposals], exports: [CapacitySignal, StrandedProposals] })
export class DirectoryModule implements OnModuleInit {
  constructor(
    private readonly capacity: CapacitySignal,
    private readonly stranded: StrandedProposals,
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
    const rosters = new AnnounceRosters(new RosterStore(), this.messaging.outbox, this.clock);
    // Rosters never announced (a directory older than the announcement, or just seeded) are announced once.
    const announced = await this.messaging.outbox.transaction((tx) => rosters.execute(tx));
    if (announced > 0) this.log.info({ centres: announced }, 'centre rosters announced');
    // A directory change may add capacity: the waiting orders are served in the same transaction, and a
    // changed roster is announced in it.
    const write = <T>(work: (tx: EntityManager) => Promise<T>) =>
      retryingTransaction(
        () =>
          this.messaging.outbox.transaction(async (tx) => {
            const result = await work(tx);
            await rosters.execute(tx);
            await this.capacity.appeared(tx, 'directory_changed');
            return result;
          }),
        ROUTING_RETRY,
      );
    const calendar = new CentreDirectory();
    const coverAway = new CoverAwayFacilitator(calendar, new ProgrammeSessions(calendar, new ReferralRepository(calendar)), this.stranded, this.messaging.outbox, this.clock);
    bindDirectoryHandlers(this.messaging, new DirectoryAdmin(this.clock, coverAway), this.dataSource.manager, write);
  }
}

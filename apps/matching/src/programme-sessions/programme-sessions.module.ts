import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProgrammeSessionContracts, ProgrammeSessionRequestClasses, ProgrammeSessionSubjects } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import { retryingTransaction } from '@korgoo/platform/core';
import { CapacitySignal } from '../directory/capacity-signal';
import { CentreDirectory } from '../directory/centre-directory';
import { DirectoryModule } from '../directory/directory.module';
import { ROUTING_RETRY } from '../referrals/lock-conflicts';
import { ReferralRepository } from '../referrals/repositories/referral-repository';
import { NoMakeUpSlot, ProgrammeSessions } from './programme-sessions';

/** Answers the programme service's calendar commands; the programme service never reads matching's tables. */
@Module({ imports: [DirectoryModule] })
export class ProgrammeSessionsModule implements OnModuleInit {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly capacity: CapacitySignal,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    const directory = new CentreDirectory();
    const sessions = new ProgrammeSessions(directory, new ReferralRepository(directory));
    const commands = this.messaging.queries.family<ProgrammeSessionContracts>(ProgrammeSessionRequestClasses);
    commands.handle(ProgrammeSessionSubjects.Book, async ({ referralId }) => ({
      booking: await sessions.book(this.dataSource.manager, referralId),
    }));
    // A referral that changed centre before its lock is tried again, as a routing would be.
    commands.handle(ProgrammeSessionSubjects.Move, (request) =>
      retryingTransaction(() => this.dataSource.transaction((tx) => sessions.move(tx, request)), ROUTING_RETRY).catch((error: unknown) => {
        if (error instanceof NoMakeUpSlot) return { moved: false as const, reason: error.message };
        throw error;
      }),
    );
    // A cancelled or ended programme gives its sessions back: the waiting orders may take them at once.
    // A release takes its centre's lock and then routes waiting orders to others: a deadlock is retried.
    commands.handle(ProgrammeSessionSubjects.Release, async ({ referralId, fromIndex }) => ({
      released: await retryingTransaction(
        () =>
          this.messaging.outbox.transaction(async (tx) => {
            const released = await sessions.giveBack(tx, referralId, fromIndex);
            if (released > 0) await this.capacity.appeared(tx, 'programme_released');
            return released;
          }),
        ROUTING_RETRY,
      ),
    }));
  }
}

import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProgrammeSessionContracts, ProgrammeSessionRequestClasses, ProgrammeSessionSubjects } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { MESSAGING } from '@korgoo/platform';
import { CentreDirectory } from '../directory/centre-directory';
import { NoMakeUpSlot, ProgrammeSessions } from './programme-sessions';

/** Answers the programme service's calendar commands; the programme service never reads matching's tables. */
@Module({})
export class ProgrammeSessionsModule implements OnModuleInit {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    const sessions = new ProgrammeSessions(new CentreDirectory());
    const commands = this.messaging.queries.family<ProgrammeSessionContracts>(ProgrammeSessionRequestClasses);
    commands.handle(ProgrammeSessionSubjects.Book, async ({ referralId }) => ({
      booking: await sessions.book(this.dataSource.manager, referralId),
    }));
    commands.handle(ProgrammeSessionSubjects.Move, (request) =>
      this.dataSource
        .transaction((tx) => sessions.move(tx, request))
        .catch((error: unknown) => {
          if (error instanceof NoMakeUpSlot) return { moved: false as const, reason: error.message };
          throw error;
        }),
    );
    commands.handle(ProgrammeSessionSubjects.Release, async ({ referralId, fromIndex }) => ({
      released: await this.dataSource.transaction((tx) => sessions.release(tx, referralId, fromIndex)),
    }));
  }
}

import { Logger } from 'pino';
import {
  MoveProgrammeSessionsRequest,
  ProgrammeSessionContracts,
  ProgrammeSessionRequestClasses,
  ProgrammeSessionSubjects,
} from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';

/** Matching's calendar as the programme service reaches it: by request/reply only, never its tables. */
export class MatchingCalendar {
  constructor(
    private readonly messaging: MessagingRuntime,
    private readonly log: Logger,
  ) {}

  private ask<S extends keyof ProgrammeSessionContracts>(subject: S, request: ProgrammeSessionContracts[S]['request']) {
    return this.messaging.client.requestFrom<ProgrammeSessionContracts, S>(ProgrammeSessionRequestClasses, subject, request);
  }

  book = async (referralId: string) => (await this.ask(ProgrammeSessionSubjects.Book, { referralId })).booking;

  move = (request: MoveProgrammeSessionsRequest) => this.ask(ProgrammeSessionSubjects.Move, request);

  /**
   * Gives the calendar back after the outcome committed; a release that fails leaves capacity booked, never
   * an outcome undone, and is logged for an admin.
   */
  release = (referralId: string, fromIndex: number | null): void => {
    if (fromIndex === null) return;
    this.ask(ProgrammeSessionSubjects.Release, { referralId, fromIndex }).catch((error) =>
      this.log.error({ referralId, err: String(error) }, 'sessions could not be released in matching'),
    );
  };
}

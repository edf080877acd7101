import { EventSubjects, ProgrammeContracts, ProgrammeRequestClasses, ProgrammeSubjects, ProgrammeView } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { CancelProgramme } from './cancel-programme';
import { CloseProgramme } from './close-programme';
import { EnrolVoluntary } from './enrol-voluntary';
import { ExtendProgramme } from './extend-programme';
import { FollowAwayFacilitator } from './follow-away-facilitator';
import { FollowGroupMove } from './follow-group-move';
import { MatchingCalendar } from './matching-calendar';
import { ReadProgramme } from './read-programme';
import { RecordAttendance } from './record-attendance';
import { RecordFollowUp } from './record-follow-up';
import { RecordVoluntarySession } from './record-voluntary-session';
import { StartProgramme } from './start-programme';
import { WatchPlacement } from './watch-placement';

export interface ProgrammeUseCases {
  start: StartProgramme;
  cancel: CancelProgramme;
  extend: ExtendProgramme;
  groupMove: FollowGroupMove;
  awayFacilitator: FollowAwayFacilitator;
  watch: WatchPlacement;
  attendance: RecordAttendance;
  close: CloseProgramme;
  enrol: EnrolVoluntary;
  voluntarySession: RecordVoluntarySession;
  followUp: RecordFollowUp;
  read: ReadProgramme;
  calendar: MatchingCalendar;
}

/** Acceptance starts a programme; cancellation, extension and the order's fate reach it and its placement watch. */
export function bindProgrammeEvents(messaging: MessagingRuntime, u: ProgrammeUseCases): void {
  const { watch } = u;
  // The placement watch changes only the placement and its timer, inside the transaction.
  const inTransactionOnly = { batchable: true };
  messaging.on(EventSubjects.ReferralAccepted, (event, tx) => u.start.execute(event, tx));
  messaging.on(EventSubjects.ReferralCancelled, (event, tx) => u.cancel.execute(event, tx));
  messaging.on(EventSubjects.ReferralGroupSessionMoved, (event, tx) => u.groupMove.execute(event, tx));
  messaging.on(EventSubjects.ReferralSessionFacilitatorChanged, (event, tx) => u.awayFacilitator.substituted(event, tx));
  messaging.on(EventSubjects.ReferralSessionDisplaced, (event, tx) => u.awayFacilitator.displaced(event, tx));
  messaging.on(
    EventSubjects.OrderRegistered,
    (event, tx, delivery) => watch.registered(tx, delivery, event.payload.orderId, new Date(event.payload.period.expiresAt)),
    inTransactionOnly,
  );
  messaging.on(EventSubjects.OrderExtended, async (event, tx) => {
    await u.extend.execute(event, tx);
    await watch.expiry(tx, event.payload.orderId, new Date(event.payload.expiresAt));
  });
  messaging.on(EventSubjects.OrderWithdrawn, (event, tx) => watch.withdrawn(tx, event.payload.orderId), inTransactionOnly);
  messaging.on(EventSubjects.ReferralUnroutable, async (event, _tx, delivery) => watch.notPlaced(delivery, event.payload.orderId, event.payload.reasons), inTransactionOnly);
  messaging.on(EventSubjects.ReferralEscalated, async (event, _tx, delivery) => watch.notPlaced(delivery, event.payload.orderId, event.payload.reasons), inTransactionOnly);
  messaging.on(
    EventSubjects.ReferralDeclined,
    async (event, _tx, delivery) => watch.notPlaced(delivery, event.payload.orderId, [`${event.payload.centreId}: declined (${event.payload.reason})`]),
    inTransactionOnly,
  );
  messaging.on(
    EventSubjects.ReferralWithdrawnFromCentre,
    async (event, _tx, delivery) => watch.notPlaced(delivery, event.payload.orderId, [`${event.payload.centreId}: withdrawn (${event.payload.reason})`]),
    inTransactionOnly,
  );
  messaging.on(
    EventSubjects.ReferralExpired,
    async (event, _tx, delivery) => watch.notPlaced(delivery, event.payload.orderId, [`${event.payload.centreId}: not acknowledged by ${event.payload.acknowledgeBy}`]),
    inTransactionOnly,
  );
}

/** The gateway's commands and the programme read; each answers with the programme as its caller may see it. */
export function bindProgrammeCommands(messaging: MessagingRuntime, u: ProgrammeUseCases): void {
  const commands = messaging.queries.family<ProgrammeContracts>(ProgrammeRequestClasses);
  const asCentre = async (referralId: string, centreId: string | undefined) => ({ programme: (await u.read.execute(referralId, 'centre', centreId))! });
  commands.handle(ProgrammeSubjects.ProgrammeByReferral, async ({ referralId, reader, centreId }) => ({
    programme: await u.read.execute(referralId, reader, centreId),
  }));
  commands.handle(ProgrammeSubjects.ProgrammesByReferrals, async ({ referralIds, reader, centreId }) => {
    const programmes: Record<string, ProgrammeView> = {};
    for (const referralId of referralIds) {
      const programme = await u.read.execute(referralId, reader, centreId);
      if (programme) programmes[referralId] = programme;
    }
    return { programmes };
  });
  commands.handle(ProgrammeSubjects.RecordAttendance, async (command) => {
    const recorded = await u.attendance.execute(command);
    u.calendar.release(command.referralId, recorded.releaseFrom);
    return asCentre(command.referralId, command.centreId);
  });
  commands.handle(ProgrammeSubjects.CloseByDecision, async (command) => {
    const closed = await u.close.execute(command);
    u.calendar.release(command.referralId, closed.releaseFrom);
    return { programme: (await u.read.execute(command.referralId, 'coordinator'))! };
  });
  commands.handle(ProgrammeSubjects.EnrolVoluntary, async (command) => {
    await u.enrol.execute(command);
    return { programme: (await u.read.execute(command.referralId, command.centreId ? 'centre' : 'coordinator', command.centreId))! };
  });
  commands.handle(ProgrammeSubjects.RecordVoluntarySession, async (command) => {
    await u.voluntarySession.execute(command);
    return asCentre(command.referralId, command.centreId);
  });
  commands.handle(ProgrammeSubjects.RecordFollowUp, async (command) => {
    await u.followUp.execute(command);
    return asCentre(command.referralId, command.centreId);
  });
}

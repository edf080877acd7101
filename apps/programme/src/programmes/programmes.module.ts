import { Inject, Module, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { KorgooConfig } from '@korgoo/config';
import {
  EventSubjects,
  MoveProgrammeSessionsRequest,
  ProgrammeContracts,
  ProgrammeRequestClasses,
  ProgrammeSessionContracts,
  ProgrammeSessionRequestClasses,
  ProgrammeSessionSubjects,
  ProgrammeSubjects,
} from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { CLOCK, KORGOO_CONFIG, MESSAGING, SERVICE_LOG } from '@korgoo/platform';
import { Clock, DuePoller } from '@korgoo/platform/core';
import { DEFAULT_TIMER_SETTINGS, meetingMonths, refusalPolicyNamed } from '../domain';
import { FireTimer } from '../timers/fire-timer';
import { RemindAfterOutcome } from '../timers/remind-after-outcome';
import { timerPoller } from '../timers/timer-poller';
import { CancelProgramme } from './cancel-programme';
import { CloseProgramme } from './close-programme';
import { EnrolVoluntary } from './enrol-voluntary';
import { ExpireUnplaced } from './expire-unplaced';
import { ExtendProgramme } from './extend-programme';
import { PlacementStore } from './placement-store';
import { WatchPlacement } from './watch-placement';
import { MakeUpSession } from './make-up-session';
import { MonitoringStore } from './monitoring-store';
import { DueTimer, ProgrammeStore } from './programme-store';
import { programmeView } from './programme-view';
import { RecordAttendance } from './record-attendance';
import { RecordFollowUp } from './record-follow-up';
import { RecordVoluntarySession } from './record-voluntary-session';
import { ScheduleMonitoring } from './schedule-monitoring';
import { StartProgramme } from './start-programme';
import { VoluntaryStore } from './voluntary-store';

/**
 * Wires the programme use cases to `referral.accepted.v1` / `referral.cancelled.v1`, to the gateway's
 * commands and queries, and to the timer poller; matching's calendar is reached only by request/reply.
 */
@Module({})
export class ProgrammesModule implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private poller: DuePoller<EntityManager, DueTimer> | null = null;

  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
    @Inject(SERVICE_LOG) private readonly log: Logger,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    const store = new ProgrammeStore();
    const outbox = this.messaging.outbox;
    const policy = refusalPolicyNamed(this.config.programme.refusalPolicy);
    const timers = { ...DEFAULT_TIMER_SETTINGS, attendanceReminderHours: this.config.programme.attendanceReminderHours };
    const sessions = this.messaging.client;
    const book = async (referralId: string) =>
      (
        await sessions.requestFrom<ProgrammeSessionContracts, typeof ProgrammeSessionSubjects.Book>(
          ProgrammeSessionRequestClasses,
          ProgrammeSessionSubjects.Book,
          { referralId },
        )
      ).booking;
    // The calendar is given back after the outcome committed; a release that fails leaves capacity booked,
    // never an outcome undone, and is logged for an admin.
    const release = (referralId: string, fromIndex: number | null) => {
      if (fromIndex === null) return;
      sessions
        .requestFrom<ProgrammeSessionContracts, typeof ProgrammeSessionSubjects.Release>(
          ProgrammeSessionRequestClasses,
          ProgrammeSessionSubjects.Release,
          { referralId, fromIndex },
        )
        .catch((error) =>
        this.log.error({ referralId, err: String(error) }, 'sessions could not be released in matching'),
      );
    };

    const moveInCalendar = (request: MoveProgrammeSessionsRequest) =>
      sessions.requestFrom<ProgrammeSessionContracts, typeof ProgrammeSessionSubjects.Move>(
        ProgrammeSessionRequestClasses,
        ProgrammeSessionSubjects.Move,
        request,
      );

    const placements = new PlacementStore();
    const start = new StartProgramme(store, placements, outbox, book, policy, timers, this.clock);
    const cancel = new CancelProgramme(store, outbox, this.clock);
    const voluntary = new VoluntaryStore();
    const monitoring = new MonitoringStore();
    const schedule = new ScheduleMonitoring(store, monitoring, meetingMonths(this.config.programme.monitoringMonths));
    const attendance = new RecordAttendance(store, outbox, policy, schedule, this.clock);
    const close = new CloseProgramme(store, outbox, this.clock);
    this.messaging.on(EventSubjects.ReferralAccepted, (event, tx) => start.execute(event, tx));
    this.messaging.on(EventSubjects.ReferralCancelled, (event, tx) => cancel.execute(event, tx));
    const extend = new ExtendProgramme(store, timers, this.clock);
    const watch = new WatchPlacement(placements);
    this.messaging.on(EventSubjects.OrderRegistered, (event, tx) => watch.expiry(tx, event.payload.orderId, new Date(event.payload.period.expiresAt)));
    this.messaging.on(EventSubjects.OrderExtended, async (event, tx) => {
      await extend.execute(event, tx);
      await watch.expiry(tx, event.payload.orderId, new Date(event.payload.expiresAt));
    });
    this.messaging.on(EventSubjects.OrderWithdrawn, (event, tx) => watch.withdrawn(tx, event.payload.orderId));
    this.messaging.on(EventSubjects.ReferralUnroutable, (event, tx) => watch.notPlaced(tx, event.payload.orderId, event.payload.reasons));
    this.messaging.on(EventSubjects.ReferralEscalated, (event, tx) => watch.notPlaced(tx, event.payload.orderId, event.payload.reasons));
    this.messaging.on(EventSubjects.ReferralDeclined, (event, tx) =>
      watch.notPlaced(tx, event.payload.orderId, [`${event.payload.centreId}: declined (${event.payload.reason})`]),
    );
    this.messaging.on(EventSubjects.ReferralExpired, (event, tx) =>
      watch.notPlaced(tx, event.payload.orderId, [`${event.payload.centreId}: not acknowledged by ${event.payload.acknowledgeBy}`]),
    );

    const commands = this.messaging.queries.family<ProgrammeContracts>(ProgrammeRequestClasses);
    const db = this.dataSource.manager;
    const view = async (referralId: string, reader: Parameters<typeof programmeView>[2], centreId?: string) => {
      const programme = await store.byReferral(db, referralId);
      if (!programme) return null;
      const after = {
        notices: await store.notices(db, programme.id),
        voluntary: await voluntary.byProgramme(db, programme.id),
        meetings: await monitoring.meetings(db, programme.id),
      };
      return programmeView(programme, after, reader, centreId);
    };
    commands.handle(ProgrammeSubjects.ProgrammeByReferral, async ({ referralId, reader, centreId }) => ({
      programme: await view(referralId, reader, centreId),
    }));
    commands.handle(ProgrammeSubjects.RecordAttendance, async (command) => {
      const recorded = await attendance.execute(command);
      release(command.referralId, recorded.releaseFrom);
      return { programme: (await view(command.referralId, 'centre', command.centreId))! };
    });
    commands.handle(ProgrammeSubjects.CloseByDecision, async (command) => {
      const closed = await close.execute(command);
      release(command.referralId, closed.releaseFrom);
      return { programme: (await view(command.referralId, 'coordinator'))! };
    });
    const enrol = new EnrolVoluntary(store, voluntary, outbox, this.clock);
    commands.handle(ProgrammeSubjects.EnrolVoluntary, async (command) => {
      await enrol.execute(command);
      return { programme: (await view(command.referralId, command.centreId ? 'centre' : 'coordinator', command.centreId))! };
    });
    const voluntarySession = new RecordVoluntarySession(store, voluntary, outbox, this.clock);
    commands.handle(ProgrammeSubjects.RecordVoluntarySession, async (command) => {
      await voluntarySession.execute(command);
      return { programme: (await view(command.referralId, 'centre', command.centreId))! };
    });
    const followUp = new RecordFollowUp(store, monitoring, outbox, this.clock);
    commands.handle(ProgrammeSubjects.RecordFollowUp, async (command) => {
      await followUp.execute(command);
      return { programme: (await view(command.referralId, 'centre', command.centreId))! };
    });

    const makeUp = new MakeUpSession(store, outbox, moveInCalendar, timers, this.clock);
    const expire = new ExpireUnplaced(placements, outbox, this.clock);
    const fire = new FireTimer(store, outbox, makeUp, expire, new RemindAfterOutcome(monitoring, outbox), timers, this.clock);
    this.poller = timerPoller(outbox, store, fire, this.clock, this.config.programme.timerPollMs, this.log);
  }

  onApplicationBootstrap() {
    this.poller?.start();
  }

  async onModuleDestroy() {
    await this.poller?.stop();
  }
}

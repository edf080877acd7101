import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { KorgooConfig } from '@korgoo/config';
import { MessagingRuntime } from '@korgoo/messaging';
import { CLOCK, DuePollers, KORGOO_CONFIG, MESSAGING, SERVICE_LOG, outsideTransaction } from '@korgoo/platform';
import { Clock } from '@korgoo/platform/core';
import { DEFAULT_TIMER_SETTINGS, meetingMonths, refusalPolicyNamed } from '../domain';
import { FireTimer } from '../timers/fire-timer';
import { RemindAfterOutcome } from '../timers/remind-after-outcome';
import { CancelProgramme } from './cancel-programme';
import { CloseProgramme } from './close-programme';
import { EnrolVoluntary } from './enrol-voluntary';
import { ExpireUnplaced } from './expire-unplaced';
import { ExtendProgramme } from './extend-programme';
import { FollowAwayFacilitator } from './follow-away-facilitator';
import { FollowGroupMove } from './follow-group-move';
import { MakeUpSession } from './make-up-session';
import { MatchingCalendar } from './matching-calendar';
import { MonitoringStore } from './monitoring-store';
import { PlacementStore } from './placement-store';
import { bindProgrammeCommands, bindProgrammeEvents } from './programmes.handlers';
import { DueTimer, ProgrammeStore } from './programme-store';
import { ReadProgramme } from './read-programme';
import { RecordAttendance } from './record-attendance';
import { RecordFollowUp } from './record-follow-up';
import { RecordVoluntarySession } from './record-voluntary-session';
import { ScheduleMonitoring } from './schedule-monitoring';
import { StartProgramme } from './start-programme';
import { VoluntaryStore } from './voluntary-store';
import { WatchPlacement } from './watch-placement';

/**
 * Builds the programme use cases from the configuration and wires them (programmes.handlers.ts) to events,
 * the gateway's commands and the timer poller; matching's calendar is reached only by request/reply.
 */
@Module({})
export class ProgrammesModule implements OnModuleInit {

  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
    @Inject(SERVICE_LOG) private readonly log: Logger,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly pollers: DuePollers,
  ) {}

  onModuleInit() {
    const { clock } = this;
    const outbox = this.messaging.outbox;
    const policy = refusalPolicyNamed(this.config.programme.refusalPolicy);
    const timers = { ...DEFAULT_TIMER_SETTINGS, attendanceReminderHours: this.config.programme.attendanceReminderHours };
    const store = new ProgrammeStore();
    const placements = new PlacementStore();
    const voluntary = new VoluntaryStore();
    const monitoring = new MonitoringStore();
    const calendar = new MatchingCalendar(this.messaging, this.log);
    const makeUp = new MakeUpSession(store, outbox, calendar.move, timers, clock);
    const schedule = new ScheduleMonitoring(store, monitoring, meetingMonths(this.config.programme.monitoringMonths));
    const useCases = {
      start: new StartProgramme(store, placements, outbox, calendar.book, policy, timers, clock),
      cancel: new CancelProgramme(store, outbox, clock),
      extend: new ExtendProgramme(store, timers, clock),
      groupMove: new FollowGroupMove(store, placements, outbox, timers, clock),
      awayFacilitator: new FollowAwayFacilitator(store, placements, makeUp, clock),
      watch: new WatchPlacement(placements),
      attendance: new RecordAttendance(store, outbox, policy, schedule, clock),
      close: new CloseProgramme(store, outbox, clock),
      enrol: new EnrolVoluntary(store, voluntary, outbox, clock),
      voluntarySession: new RecordVoluntarySession(store, voluntary, outbox, clock),
      followUp: new RecordFollowUp(store, monitoring, outbox, clock),
      read: new ReadProgramme(this.dataSource.manager, store, voluntary, monitoring),
      calendar,
    };
    bindProgrammeEvents(this.messaging, useCases);
    bindProgrammeCommands(this.messaging, useCases);

    const expire = new ExpireUnplaced(placements, outbox, clock);
    const fire = new FireTimer(store, outbox, makeUp, expire, new RemindAfterOutcome(monitoring, outbox), timers, clock);
    // Each timer fires once across replicas and restarts (see DuePoller).
    this.pollers.add('programme timer', this.config.programme.timerPollMs, outbox.transaction.bind(outbox), outsideTransaction(this.dataSource), {
      claimDue: (tx, now, passOver) => store.claimDueTimer(tx, now, passOver),
      fire: (tx, due: DueTimer) => fire.execute(tx, due),
      idOf: (due) => due.id,
    });
  }
}

import { DynamicModule, Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { KorgooConfig } from '@korgoo/config';
import { MessagingRuntime } from '@korgoo/messaging';
import { CLOCK, DuePollers, KORGOO_CONFIG, MESSAGING, SERVICE_LOG, ServiceHealth, ServiceMetrics, outsideTransaction } from '@korgoo/platform';
import { Clock, exportBreakers } from '@korgoo/platform/core';
import { CapacitySignal, StrandedProposals } from '../directory/capacity-signal';
import { CalendarCache } from '../directory/calendar-cache';
import { CentreDirectory } from '../directory/centre-directory';
import { DirectoryModule } from '../directory/directory.module';
import { MatchingSettings } from '../matching-settings';
import { FallbackTravelTimes } from '../travel/fallback-travel-times';
import { OsrmTravelTimes } from '../travel/osrm-travel-times';
import { RoadGraphTravelTimes } from '../travel/road-graph-travel-times';
import { TravelTimeProvider } from '../travel/travel-time';
import { RecentActiveLoad } from './active-load';
import { CentreSelection } from './centre-selection';
import { AcceptReferral } from './commands/accept-referral';
import { AssignReferral } from './commands/assign-referral';
import { CancelReferral } from './commands/cancel-referral';
import { DeclineReferral } from './commands/decline-referral';
import { EndHandOff } from './commands/end-hand-off';
import { EndUnplacedOrder } from './commands/end-unplaced-order';
import { ServeWaitingReferrals } from './commands/serve-waiting-referrals';
import { ExpireReferral } from './commands/expire-referral';
import { ExtendReferral } from './commands/extend-referral';
import { Proposals } from './commands/proposals';
import { ReassessReferral } from './commands/reassess-referral';
import { RemindCoordinators } from './commands/remind-coordinators';
import { ReferralCommands } from './commands/referral-commands';
import { RouteReferral } from './commands/route-referral';
import { WithdrawFromCentre } from './commands/withdraw-from-centre';
import { WithdrawReferral } from './commands/withdraw-referral';
import { deadlineWork } from './deadline-work';
import { ReferralDecisionQuery } from './queries/referral-decision';
import { ReferralStatusQuery } from './queries/referral-status';
import { bindReferralHandlers } from './referrals.handlers';
import { DecisionRepository } from './repositories/decision-repository';
import { DeadlineRepository } from './repositories/deadline-repository';
import { HoldRepository } from './repositories/hold-repository';
import { ReferralRepository } from './repositories/referral-repository';
import { DueReminder, ReminderRepository } from './repositories/reminder-repository';
import { TransitionRepository } from './repositories/transition-repository';

const MATCHING_SETTINGS = Symbol('MATCHING_SETTINGS');

/** A calendar read for one routing covers the next five weeks, the longest an order usually runs and some. */
const CALENDAR_SPAN_MS = 35 * 24 * 3_600_000;
/** Active referrals per centre are counted at most this often; between counts a replica adds its own proposals. */
const ACTIVE_LOAD_MAX_AGE_MS = 1_000;

/** Wires the referral use cases to their repositories, the travel providers, messaging and the two timers. */
@Module({})
export class ReferralsModule implements OnModuleInit, OnApplicationShutdown {
  private osrm: OsrmTravelTimes | null = null;

  static register(settings: MatchingSettings): DynamicModule {
    return { module: ReferralsModule, imports: [DirectoryModule], providers: [{ provide: MATCHING_SETTINGS, useValue: settings }] };
  }

  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
    @Inject(SERVICE_LOG) private readonly log: Logger,
    @Inject(MATCHING_SETTINGS) private readonly settings: MatchingSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly capacity: CapacitySignal,
    private readonly stranded: StrandedProposals,
    private readonly metrics: ServiceMetrics,
    private readonly health: ServiceHealth,
    private readonly pollers: DuePollers,
  ) {}

  onModuleInit() {
    const clock = this.clock;
    const settings = this.settings;
    const outbox = this.messaging.outbox;
    if (Object.keys(settings.acknowledgeWindows).length > 0) {
      this.log.warn({ windows: settings.acknowledgeWindows }, 'acknowledgement windows overridden (rehearsal or test)');
    }
    const directory = new CentreDirectory();
    const referrals = new ReferralRepository(directory);
    const deadlines = new DeadlineRepository();
    const holds = new HoldRepository();
    const transitions = new TransitionRepository();
    const decisions = new DecisionRepository();
    const reminders = new ReminderRepository();

    const providers = this.travelProviders();
    const selection = new CentreSelection(
      directory,
      new CalendarCache(CALENDAR_SPAN_MS),
      new RecentActiveLoad((tx: EntityManager) => referrals.activeLoad(tx), ACTIVE_LOAD_MAX_AGE_MS),
      new FallbackTravelTimes(providers),
      providers.map((p) => p.source),
      { firstSessionMarginHours: settings.firstSessionMarginHours, maxTravelMinutes: settings.maxTravelMinutes },
    );
    const proposals = new Proposals(referrals, deadlines, holds, transitions, reminders, outbox, {
      acknowledgeWindows: settings.acknowledgeWindows,
      decisionReminderHours: settings.decisionReminderHours,
    });
    const waiting = new ServeWaitingReferrals(referrals, deadlines, decisions, selection, proposals);
    this.capacity.listen((tx, freedBy) => waiting.execute(tx, freedBy, clock.now()));
    const endHandOff = new EndHandOff(referrals, deadlines, holds, transitions, decisions, directory, selection, proposals, waiting, outbox, settings);
    const withdrawFromCentre = new WithdrawFromCentre(referrals, deadlines, endHandOff, clock);
    this.stranded.listen((tx, proposal) => withdrawFromCentre.execute(tx, proposal));
    const commands = new ReferralCommands(referrals, deadlines, outbox);
    const route = new RouteReferral(referrals, selection, proposals, outbox, clock);
    const expire = new ExpireReferral(referrals, deadlines, endHandOff, clock);
    const cancel = new CancelReferral(referrals, deadlines, endHandOff);

    bindReferralHandlers(this.messaging, this.dataSource.manager, {
      route,
      reassess: new ReassessReferral(referrals, deadlines, transitions, route, settings.acknowledgeWindows, clock),
      withdraw: new WithdrawReferral(referrals, cancel, clock),
      extend: new ExtendReferral(referrals, deadlines, transitions, waiting, clock),
      accept: new AcceptReferral(commands, referrals, deadlines, holds, transitions, outbox, clock),
      decline: new DeclineReferral(commands, deadlines, endHandOff, clock),
      assign: new AssignReferral(commands, referrals, deadlines, decisions, directory, selection, endHandOff, proposals, clock),
      decision: new ReferralDecisionQuery(referrals, deadlines, transitions, decisions, settings.handOffLimit),
      status: new ReferralStatusQuery(referrals),
      endUnplaced: new EndUnplacedOrder(referrals, deadlines, reminders, transitions, cancel, clock),
    });
    const transaction = outbox.transaction.bind(outbox);
    const peek = outsideTransaction(this.dataSource);
    this.pollers.add('acknowledgement deadline', settings.deadlinePollMs, transaction, peek, deadlineWork(deadlines, (tx, due) => expire.execute(tx, due)));
    const remind = new RemindCoordinators(referrals, deadlines, reminders, transitions, outbox, clock, settings.decisionReminderHours);
    this.pollers.add('decision reminder', settings.deadlinePollMs, transaction, peek, {
      claimDue: (tx, now, passOver) => reminders.claimDue(tx, now, passOver),
      fire: (tx, due: DueReminder) => remind.execute(tx, due),
      idOf: (due) => due.reminderId,
    });
  }

  /**
   * A routing engine on OpenStreetMap when deployed, then the road graph (passes, winter closures). No
   * straight line after them: where the road graph finds no open road there is none, not a guess across a pass.
   */
  private travelProviders(): TravelTimeProvider[] {
    const providers: TravelTimeProvider[] = [];
    if (this.settings.osrmUrl) {
      const breaker = this.config.providers.breaker;
      this.osrm = new OsrmTravelTimes({
        baseUrl: this.settings.osrmUrl,
        timeout: Math.min(breaker.timeoutMs, 2_000),
        errorThresholdPercentage: breaker.errorThresholdPercent,
        resetTimeout: breaker.resetMs,
        volumeThreshold: breaker.volumeThreshold,
        onStateChange: (state) => this.log.warn({ breaker: 'osrm', state }, 'OSRM travel-time breaker changed state'),
      });
      providers.push(this.osrm);
      const osrm = this.osrm;
      exportBreakers(this.metrics.registry, [osrm.breaker]);
      // An open breaker means the road graph answers instead: degraded, not down.
      this.health.add(async (indicators) => {
        const session = indicators.check('osrm');
        const snapshot = osrm.breaker.snapshot();
        return snapshot.state === 'open' ? session.degraded(snapshot) : session.up(snapshot);
      });
    }
    providers.push(new RoadGraphTravelTimes());
    return providers;
  }

  /** After the pollers' last rounds (they stop as modules are destroyed), which may still ask OSRM. */
  onApplicationShutdown() {
    this.osrm?.shutdown();
  }
}

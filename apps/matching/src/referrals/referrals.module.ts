import { DynamicModule, Inject, Module, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { KorgooConfig } from '@korgoo/config';
import { EventSubjects, CommandSubjects, QuerySubjects } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { KORGOO_CONFIG, MESSAGING, SERVICE_LOG } from '@korgoo/platform';
import { systemClock } from '@korgoo/platform/core';
import { CentreDirectory } from '../directory/centre-directory';
import { MatchingSettings } from '../matching-settings';
import { FallbackTravelTimes } from '../routing/travel/fallback-travel-times';
import { OsrmTravelTimes } from '../routing/travel/osrm-travel-times';
import { RoadGraphTravelTimes } from '../routing/travel/road-graph-travel-times';
import { StraightLineTravelTimes } from '../routing/travel/straight-line-travel-times';
import { TravelTimeProvider } from '../routing/travel/travel-time';
import { CentreSelection } from './centre-selection';
import { DeadlinePoller } from './deadline-poller';
import { retryingInSavepoint } from './lock-conflicts';
import { Proposals } from './proposals';
import { ReferralLoop } from './referral-loop';
import { Referrals } from './referrals';
import { RouteReferral } from './route-referral';

const MATCHING_SETTINGS = Symbol('MATCHING_SETTINGS');

/**
 * Wires routing to `risk.assessed.v1`, the referral loop to its commands, events and deadline timer, and
 * answers the referral queries; the decisions themselves live in RouteReferral and ReferralLoop.
 */
@Module({})
export class ReferralsModule implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private poller: DeadlinePoller | null = null;
  private osrm: OsrmTravelTimes | null = null;

  static register(settings: MatchingSettings): DynamicModule {
    return { module: ReferralsModule, providers: [{ provide: MATCHING_SETTINGS, useValue: settings }] };
  }

  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
    @Inject(SERVICE_LOG) private readonly log: Logger,
    @Inject(MATCHING_SETTINGS) private readonly settings: MatchingSettings,
    private readonly dataSource: DataSource,
  ) {}

  async onModuleInit() {
    const clock = systemClock;
    const directory = new CentreDirectory();
    const referrals = new Referrals();
    const outbox = this.messaging.outbox;
    if (this.config.environment !== 'production' && (await this.dataSource.transaction((tx) => directory.seedDemo(tx)))) {
      this.log.info('demo centre directory loaded (development data, not real rosters)');
    }
    if (Object.keys(this.settings.acknowledgeWindows).length > 0) {
      this.log.warn({ windows: this.settings.acknowledgeWindows }, 'acknowledgement windows overridden (rehearsal or test)');
    }

    // A routing engine on OpenStreetMap when deployed, then the road graph (passes, winter closures),
    // and the straight line as the last resort.
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
    }
    providers.push(new RoadGraphTravelTimes(), new StraightLineTravelTimes());
    const selection = new CentreSelection(
      directory,
      (tx) => referrals.activeLoad(tx),
      new FallbackTravelTimes(providers),
      providers.map((p) => p.source),
      { firstSessionMarginHours: this.settings.firstSessionMarginHours },
    );
    const proposals = new Proposals(referrals, directory, outbox, { acknowledgeWindows: this.settings.acknowledgeWindows });
    const routeReferral = new RouteReferral(referrals, selection, proposals, outbox, clock);
    const loop = new ReferralLoop(referrals, directory, selection, proposals, outbox, this.settings, clock);

    this.messaging.on(EventSubjects.RiskAssessed, (event, tx) => retryingInSavepoint(tx, () => routeReferral.execute(event, tx)));
    this.messaging.on(EventSubjects.RiskReassessed, (event, tx) =>
      retryingInSavepoint(tx, async () => {
        // A reassessment may arrive before the first assessment was routed: it routes the order itself.
        if (!(await loop.reassess(tx, event))) await routeReferral.execute(event, tx);
      }),
    );
    this.messaging.on(EventSubjects.OrderWithdrawn, (event, tx) => retryingInSavepoint(tx, () => loop.withdraw(tx, event)));

    this.messaging.queries.handle(QuerySubjects.ReferralByOrder, async ({ orderId }) => {
      const [referral] = await referrals.list(this.dataSource.manager, { orderId, limit: 1 });
      return { referral: referral ?? null };
    });
    this.messaging.queries.handle(QuerySubjects.ReferralList, async (request) => ({
      referrals: await referrals.list(this.dataSource.manager, request),
    }));
    this.messaging.queries.handle(QuerySubjects.ReferralDecision, async (lookup) => ({
      decision: await loop.decision(lookup, this.dataSource.manager),
    }));
    this.messaging.queries.handle(CommandSubjects.AcceptReferral, async (command) => ({ referral: await loop.accept(command) }));
    this.messaging.queries.handle(CommandSubjects.DeclineReferral, async (command) => ({ referral: await loop.decline(command) }));
    this.messaging.queries.handle(CommandSubjects.AssignReferral, async (command) => ({ referral: await loop.assign(command) }));

    this.poller = new DeadlinePoller(
      (work) => outbox.transaction(work),
      referrals,
      (tx, due) => loop.expire(tx, due),
      clock,
      this.settings.deadlinePollMs,
      this.log,
    );
  }

  onApplicationBootstrap() {
    this.poller?.start();
  }

  async onModuleDestroy() {
    await this.poller?.stop();
    this.osrm?.shutdown();
  }
}

import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { KorgooConfig } from '@korgoo/config';
import { EventSubjects, QuerySubjects } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { KORGOO_CONFIG, MESSAGING, SERVICE_LOG } from '@korgoo/platform';
import { CentreDirectory } from '../directory/centre-directory';
import { FallbackTravelTimes } from '../routing/travel/fallback-travel-times';
import { RoadGraphTravelTimes } from '../routing/travel/road-graph-travel-times';
import { StraightLineTravelTimes } from '../routing/travel/straight-line-travel-times';
import { Referrals } from './referrals';
import { RouteReferral } from './route-referral';

/** Wires routing to `risk.assessed.v1` and answers the referral queries; decisions live in RouteReferral. */
@Module({})
export class ReferralsModule implements OnModuleInit {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
    @Inject(SERVICE_LOG) private readonly log: Logger,
    private readonly dataSource: DataSource,
  ) {}

  async onModuleInit() {
    const directory = new CentreDirectory();
    const referrals = new Referrals();
    if (this.config.environment !== 'production' && (await this.dataSource.transaction((tx) => directory.seedDemo(tx)))) {
      this.log.info('demo centre directory loaded (development data, not real rosters)');
    }
    // Road graph first: it respects mountain passes and winter closures; a straight line is the last resort.
    const travelTimes = new FallbackTravelTimes([new RoadGraphTravelTimes(), new StraightLineTravelTimes()]);
    const routeReferral = new RouteReferral(directory, referrals, travelTimes, this.messaging.outbox, {
      firstSessionMarginHours: 24,
    });
    this.messaging.on(EventSubjects.RiskAssessed, (event, tx) => routeReferral.execute(event, tx));
    this.messaging.queries.handle(QuerySubjects.ReferralByOrder, async ({ orderId }) => {
      const [referral] = await referrals.list(this.dataSource.manager, { orderId, limit: 1 });
      return { referral: referral ?? null };
    });
    this.messaging.queries.handle(QuerySubjects.ReferralList, async (request) => ({
      referrals: await referrals.list(this.dataSource.manager, request),
    }));
  }

}

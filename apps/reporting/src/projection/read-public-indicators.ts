import { DataSource } from 'typeorm';
import { PublicIndicators, PublicIndicatorsRequest, QueryRejected } from '@korgoo/contracts';
import { Clock } from '@korgoo/platform/core';
import { monthsBetween, monthStart } from '../indicators/dimensions';
import { isReleased, quarterRelease, ReleasedQuarter } from '../indicators/public-release';
import { PUBLIC_MONTHS_AT_MOST, publicAnswer, publicPeriod, quarterMonths, quartersOf, quarterTables } from '../indicators/public-view';
import { PublicEditionStore } from './public-edition-store';
import { IndicatorReadModel } from './read-model';

/**
 * The public figures of the quarters asked: each quarter's edition out now, read as it was published; the first
 * reader after an edition's day publishes it from the read model.
 */
export class ReadPublicIndicators {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readModel: IndicatorReadModel,
    private readonly editions: PublicEditionStore,
    private readonly clock: Clock,
  ) {}

  async execute(request: PublicIndicatorsRequest): Promise<PublicIndicators> {
    const months = monthsBetween(request.from, request.to).length;
    if (months === 0) throw new QueryRejected('invalid_request', 'from: must not be after to');
    if (months > PUBLIC_MONTHS_AT_MOST) throw new QueryRejected('invalid_request', `to: at most ${PUBLIC_MONTHS_AT_MOST} months after from`);
    const period = publicPeriod(request.from, request.to);
    const now = this.clock.now();
    const releases = quartersOf(period).map((quarter) => quarterRelease(quarter, now));
    const out = releases.filter(isReleased);
    const db = this.dataSource.manager;
    let stored = await this.editions.find(db, out);
    const missing = out.filter((release) => !stored.some((edition) => edition.quarter === release.quarter));
    if (missing.length > 0) {
      for (const release of missing) await this.publish(release);
      stored = await this.editions.find(db, out);
    }
    return publicAnswer(
      period,
      releases.map((release) => ({ release, tables: stored.find((edition) => edition.quarter === release.quarter)?.tables ?? null })),
    );
  }

  private async publish(release: ReleasedQuarter): Promise<void> {
    const db = this.dataSource.manager;
    const months = quarterMonths(release.quarter);
    const { orders, facts } = await this.readModel.issuedBetween(db, monthStart(months[0]), monthStart(months[2], 1));
    const tables = quarterTables(orders, facts, release.quarter, release.countedBefore);
    await this.editions.publish(db, { quarter: release.quarter, edition: release.edition, tables }, release.countedBefore);
  }
}

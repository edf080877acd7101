import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IndicatorContracts, IndicatorRequestClasses, IndicatorSubjects, QueryRejected, Scope } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { CLOCK, MESSAGING } from '@korgoo/platform';
import { Clock } from '@korgoo/platform/core';
import { monthStart } from '../indicators/dimensions';
import { buildIndicatorReport } from '../indicators/indicator-report';
import { projectEvent, ProjectedSubject } from './event-facts';
import { PublicEditionStore } from './public-edition-store';
import { IndicatorReadModel } from './read-model';
import { ReadPublicIndicators } from './read-public-indicators';
import { RebuildIndicators } from './rebuild-indicators';

/**
 * Every event reporting counts goes through its own durable consumer into the read model; queries read it, and
 * an admin's command rebuilds it from the history stream.
 */
@Module({})
export class IndicatorsModule implements OnModuleInit {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit() {
    const readModel = new IndicatorReadModel();
    for (const subject of Object.keys(projectEvent) as ProjectedSubject[]) {
      const project = projectEvent[subject] as (envelope: unknown) => ReturnType<(typeof projectEvent)[ProjectedSubject]>;
      // Only the read model changes, inside the transaction: a burst of events commits together, written as one.
      this.messaging.on(subject, async (envelope, _tx, delivery) => delivery.gather(readModel, project(envelope)), { batchable: true });
    }
    const queries = this.messaging.queries.family<IndicatorContracts>(IndicatorRequestClasses);
    queries.handle(IndicatorSubjects.Report, async (request) => {
      if (request.from > request.to) throw new QueryRejected('invalid_request', 'from: must not be after to');
      const [from, to] = [monthStart(request.from), monthStart(request.to, 1)];
      const { orders, facts } = await readModel.issuedBetween(this.dataSource.manager, from, to);
      const history = await readModel.personHistory(this.dataSource.manager, from, to);
      const pairHours = await readModel.pairHoursBetween(this.dataSource.manager, from, to);
      const scope: Scope =
        request.scope.kind === 'centre'
          ? { kind: 'centre', centreId: request.scope.centreId! }
          : request.scope.kind === 'unit'
            ? { kind: 'unit', unitId: request.scope.unitId! }
            : { kind: 'national' };
      return { report: buildIndicatorReport(orders, facts, { ...request, scope }, history, pairHours) };
    });
    const readPublic = new ReadPublicIndicators(this.dataSource, readModel, new PublicEditionStore(), this.clock);
    queries.handle(IndicatorSubjects.PublicReport, (request) => readPublic.execute(request));
    const rebuild = new RebuildIndicators(this.dataSource, this.messaging, readModel);
    queries.handle(IndicatorSubjects.Rebuild, async (request) => {
      if (request.scope.kind !== 'national') throw new QueryRejected('forbidden', 'rebuilding the indicators needs a national scope');
      return rebuild.execute();
    });
  }
}

import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { loadConfig } from '@korgoo/config';
import { createServiceLog, KorgooPlatformModule, runService } from '@korgoo/platform';
import { CreateReportingSchema1766000000000 } from './migrations/1766000000000-create-reporting-schema';
import { PersonRef1766100000000 } from './migrations/1766100000000-person-ref';
import { GroupPlaces1766200000000 } from './migrations/1766200000000-group-places';
import { IndicatorsModule } from './projection/indicators.module';

const config = loadConfig('reporting');
const log = createServiceLog(config);

@Module({
  imports: [
    KorgooPlatformModule.forService(config, log, {
      schema: 'reporting',
      entities: [],
      migrations: [CreateReportingSchema1766000000000, PersonRef1766100000000, GroupPlaces1766200000000],
    }),
    IndicatorsModule,
  ],
})
class ReportingServiceModule {}

runService(ReportingServiceModule, config, log).catch((error) => {
  log.fatal({ err: String(error) }, 'reporting service failed to start');
  process.exit(1);
});

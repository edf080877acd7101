import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { loadConfig } from '@korgoo/config';
import { createServiceLog, KorgooPlatformModule, runService } from '@korgoo/platform';
import { IndicatorsModule } from './projection/indicators.module';
import { REPORTING_DATABASE } from './reporting-database';

const config = loadConfig('reporting');
const log = createServiceLog(config);

@Module({
  imports: [
    KorgooPlatformModule.forService(config, log, REPORTING_DATABASE),
    IndicatorsModule,
  ],
})
class ReportingServiceModule {}

runService(ReportingServiceModule, config, log).catch((error) => {
  log.fatal({ err: String(error) }, 'reporting service failed to start');
  process.exit(1);
});

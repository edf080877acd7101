import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { loadConfig } from '@korgoo/config';
import { createServiceLog, KorgooPlatformModule, runService } from '@korgoo/platform';
import { AssessmentModule } from './assessment/assessment.module';
import { RISK_DATABASE } from './risk-database';

const config = loadConfig('risk');
const log = createServiceLog(config);

@Module({
  imports: [
    KorgooPlatformModule.forService(config, log, RISK_DATABASE),
    AssessmentModule,
  ],
})
class RiskServiceModule {}

runService(RiskServiceModule, config, log).catch((error) => {
  log.fatal({ err: String(error) }, 'risk service failed to start');
  process.exit(1);
});

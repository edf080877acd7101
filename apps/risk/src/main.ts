import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { loadConfig } from '@korgoo/config';
import { createServiceLog, KorgooPlatformModule, runService } from '@korgoo/platform';
import { AssessmentModule } from './assessment/assessment.module';
import { RiskAssessment } from './assessment/risk-assessment.entity';
import { CreateRiskSchema1764000000000 } from './migrations/1764000000000-create-risk-schema';
import { KeepRoutingFacts1764100000000 } from './migrations/1764100000000-keep-routing-facts';

const config = loadConfig('risk');
const log = createServiceLog(config);

@Module({
  imports: [
    KorgooPlatformModule.forService(config, log, {
      schema: 'risk',
      entities: [RiskAssessment],
      migrations: [CreateRiskSchema1764000000000, KeepRoutingFacts1764100000000],
    }),
    AssessmentModule,
  ],
})
class RiskServiceModule {}

runService(RiskServiceModule, config, log).catch((error) => {
  log.fatal({ err: String(error) }, 'risk service failed to start');
  process.exit(1);
});

import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { loadConfig } from '@korgoo/config';
import { createServiceLog, KorgooPlatformModule, runService } from '@korgoo/platform';
import { ProgrammesModule } from './programmes/programmes.module';
import { PROGRAMME_DATABASE } from './programme-database';

const config = loadConfig('programme');
const log = createServiceLog(config);

@Module({
  imports: [
    KorgooPlatformModule.forService(config, log, PROGRAMME_DATABASE),
    ProgrammesModule,
  ],
})
class ProgrammeServiceModule {}

runService(ProgrammeServiceModule, config, log).catch((error) => {
  log.fatal({ err: String(error) }, 'programme service failed to start');
  process.exit(1);
});

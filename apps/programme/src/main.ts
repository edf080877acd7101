import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { loadConfig } from '@korgoo/config';
import { createServiceLog, KorgooPlatformModule, runService } from '@korgoo/platform';
import { CreateProgrammeSchema1796000000000 } from './migrations/1796000000000-create-programme-schema';
import { ExcusedSessionMoves1796200000000 } from './migrations/1796200000000-excused-session-moves';
import { UnplacedOrders1796300000000 } from './migrations/1796300000000-unplaced-orders';
import { AfterTheProgramme1796400000000 } from './migrations/1796400000000-after-the-programme';
import { ProgrammesModule } from './programmes/programmes.module';

const config = loadConfig('programme');
const log = createServiceLog(config);

@Module({
  imports: [
    KorgooPlatformModule.forService(config, log, {
      schema: 'programme',
      entities: [],
      migrations: [
        CreateProgrammeSchema1796000000000,
        ExcusedSessionMoves1796200000000,
        UnplacedOrders1796300000000,
        AfterTheProgramme1796400000000,
      ],
    }),
    ProgrammesModule,
  ],
})
class ProgrammeServiceModule {}

runService(ProgrammeServiceModule, config, log).catch((error) => {
  log.fatal({ err: String(error) }, 'programme service failed to start');
  process.exit(1);
});

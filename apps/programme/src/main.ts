import 'reflect-metadata';
import { Module, ValidationPipe } from '@nestjs/common';
import { loadConfig } from '@korgoo/config';
import { createServiceLog, KorgooPlatformModule, runService } from '@korgoo/platform';
import { SettableClock, systemClock } from '@korgoo/platform/core';
import { CreateProgrammeSchema1796000000000 } from './migrations/1796000000000-create-programme-schema';
import { ExcusedSessionMoves1796200000000 } from './migrations/1796200000000-excused-session-moves';
import { UnplacedOrders1796300000000 } from './migrations/1796300000000-unplaced-orders';
import { ProgrammesModule } from './programmes/programmes.module';
import { TestClockController } from './test-clock/test-clock.controller';

const config = loadConfig('programme');
const log = createServiceLog(config);
// A settable clock only when a rehearsal or a test asks for one; config refuses it in production.
const clock = config.programme.testClock ? new SettableClock() : systemClock;

@Module({
  imports: [
    KorgooPlatformModule.forService(config, log, {
      schema: 'programme',
      entities: [],
      migrations: [CreateProgrammeSchema1796000000000, ExcusedSessionMoves1796200000000, UnplacedOrders1796300000000],
    }),
    ProgrammesModule.register(clock),
  ],
  controllers: config.programme.testClock ? [TestClockController] : [],
})
class ProgrammeServiceModule {}

runService(ProgrammeServiceModule, config, log, (app) => {
  if (config.programme.testClock) {
    log.warn('programme clock is settable at POST /test/clock (rehearsal or test)');
    app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));
  }
}).catch((error) => {
  log.fatal({ err: String(error) }, 'programme service failed to start');
  process.exit(1);
});

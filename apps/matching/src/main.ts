import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { loadConfig } from '@korgoo/config';
import { createServiceLog, KorgooPlatformModule, runService } from '@korgoo/platform';
import { DirectoryModule } from './directory/directory.module';
import { GroupMeetingsModule } from './group-meetings/group-meetings.module';
import { loadMatchingSettings } from './matching-settings';
import { ProgrammeSessionsModule } from './programme-sessions/programme-sessions.module';
import { ReferralsModule } from './referrals/referrals.module';
import { MATCHING_DATABASE } from './matching-database';

const config = loadConfig('matching');
const settings = loadMatchingSettings(config);
const log = createServiceLog(config);

@Module({
  imports: [
    KorgooPlatformModule.forService(config, log, MATCHING_DATABASE),
    // The directory first: in development it seeds the demo centres before routing starts.
    DirectoryModule,
    ProgrammeSessionsModule,
    ReferralsModule.register(settings),
    GroupMeetingsModule.register(settings),
  ],
})
class MatchingServiceModule {}

runService(MatchingServiceModule, config, log).catch((error) => {
  log.fatal({ err: String(error) }, 'matching service failed to start');
  process.exit(1);
});

import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { loadConfig } from '@korgoo/config';
import { createServiceLog, KorgooPlatformModule, runService } from '@korgoo/platform';
import { DirectoryModule } from './directory/directory.module';
import { loadMatchingSettings } from './matching-settings';
import { CreateMatchingSchema1764000000000 } from './migrations/1764000000000-create-matching-schema';
import { ReferralLoop1795597200000 } from './migrations/1795597200000-referral-loop';
import { DecisionRecordFields1796100000000 } from './migrations/1796100000000-decision-record-fields';
import { DecisionReminders1797100000000 } from './migrations/1797100000000-decision-reminders';
import { ReferralListOrder1797200000000 } from './migrations/1797200000000-referral-list-order';
import { ReferralEndsAtAcceptance1797300000000 } from './migrations/1797300000000-referral-ends-at-acceptance';
import { GroupSlots1797400000000 } from './migrations/1797400000000-group-slots';
import { OrderPeriod1797500000000 } from './migrations/1797500000000-order-period';
import { ProgrammeSessionsModule } from './programme-sessions/programme-sessions.module';
import { ReferralsModule } from './referrals/referrals.module';

const config = loadConfig('matching');
const settings = loadMatchingSettings(config);
const log = createServiceLog(config);

@Module({
  imports: [
    KorgooPlatformModule.forService(config, log, {
      schema: 'matching',
      entities: [],
      migrations: [
        CreateMatchingSchema1764000000000,
        ReferralLoop1795597200000,
        DecisionRecordFields1796100000000,
        DecisionReminders1797100000000,
        ReferralListOrder1797200000000,
        ReferralEndsAtAcceptance1797300000000,
        GroupSlots1797400000000,
        OrderPeriod1797500000000,
      ],
    }),
    // The directory first: in development it seeds the demo centres before routing starts.
    DirectoryModule,
    ProgrammeSessionsModule,
    ReferralsModule.register(settings),
  ],
})
class MatchingServiceModule {}

runService(MatchingServiceModule, config, log).catch((error) => {
  log.fatal({ err: String(error) }, 'matching service failed to start');
  process.exit(1);
});

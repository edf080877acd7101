import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ReferralActionsController } from '../referrals/referral-actions.controller';
import { DirectoryClient } from './directory-client';
import { DirectoryController } from './directory.controller';

/** The gateway's face of matching's own data: the centre directory and the referral loop's actions. */
@Module({
  imports: [AuthModule],
  controllers: [ReferralActionsController, DirectoryController],
  providers: [DirectoryClient],
})
export class MatchingApiModule {}

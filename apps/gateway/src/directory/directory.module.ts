import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DirectoryClient } from './directory-client';
import { DirectoryController } from './directory.controller';

/** The gateway's face of matching's centre directory. */
@Module({
  imports: [AuthModule],
  controllers: [DirectoryController],
  providers: [DirectoryClient],
})
export class DirectoryModule {}

import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { loadConfig } from '@korgoo/config';
import { createServiceLog, KorgooPlatformModule, runService } from '@korgoo/platform';
import { InboxModule } from './inbox/inbox.module';
import { InboxEntry, Notification } from './inbox/notification.entity';
import { CreateNotificationSchema1764000000000 } from './migrations/1764000000000-create-notification-schema';

const config = loadConfig('notification');
const log = createServiceLog(config);

@Module({
  imports: [
    KorgooPlatformModule.forService(config, log, {
      schema: 'notification',
      entities: [Notification, InboxEntry],
      migrations: [CreateNotificationSchema1764000000000],
    }),
    InboxModule,
  ],
})
class NotificationServiceModule {}

runService(NotificationServiceModule, config, log).catch((error) => {
  log.fatal({ err: String(error) }, 'notification service failed to start');
  process.exit(1);
});

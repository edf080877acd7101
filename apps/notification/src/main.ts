import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { loadConfig } from '@korgoo/config';
import { createServiceLog, KorgooPlatformModule, runService } from '@korgoo/platform';
import { DeliveryModule } from './delivery/delivery.module';
import { InboxModule } from './inbox/inbox.module';
import { Notification } from './delivery/notification.entity';
import { InboxEntry } from './inbox/inbox-entry.entity';
import { CreateNotificationSchema1764000000000 } from './migrations/1764000000000-create-notification-schema';
import { RecipientsAndDeliveryAttempts1765000000000 } from './migrations/1765000000000-recipients-and-delivery-attempts';
import { PoliceUnitNotices1797000000000 } from './migrations/1797000000000-police-unit-notices';
import { ImmediateDangerAlerts1797000000001 } from './migrations/1797000000001-immediate-danger-alerts';
import { keepRawBody } from './receipts/raw-body';
import { SMS_RECEIPTS_PATH } from './receipts/sms-receipts.controller';

const config = loadConfig('notification');
const log = createServiceLog(config);

@Module({
  imports: [
    KorgooPlatformModule.forService(config, log, {
      schema: 'notification',
      entities: [Notification, InboxEntry],
      migrations: [
        CreateNotificationSchema1764000000000,
        RecipientsAndDeliveryAttempts1765000000000,
        PoliceUnitNotices1797000000000,
        ImmediateDangerAlerts1797000000001,
      ],
    }),
    InboxModule,
    DeliveryModule,
  ],
})
class NotificationServiceModule {}

runService(NotificationServiceModule, config, log, (app) => {
  app.use(`/${SMS_RECEIPTS_PATH}`, keepRawBody(64 * 1024));
}).catch((error) => {
  log.fatal({ err: String(error) }, 'notification service failed to start');
  process.exit(1);
});

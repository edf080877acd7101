import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { loadConfig } from '@korgoo/config';
import { createServiceLog, KorgooPlatformModule, runService } from '@korgoo/platform';
import { DeliveryModule } from './delivery/delivery.module';
import { InboxModule } from './inbox/inbox.module';
import { NOTIFICATION_DATABASE } from './notification-database';
import { keepRawBody } from './receipts/raw-body';
import { RetentionModule } from './retention/retention.module';
import { SMS_RECEIPTS_PATH } from './receipts/sms-receipts.controller';

const config = loadConfig('notification');
const log = createServiceLog(config);

@Module({
  imports: [
    KorgooPlatformModule.forService(config, log, NOTIFICATION_DATABASE),
    InboxModule,
    DeliveryModule,
    RetentionModule,
  ],
})
class NotificationServiceModule {}

runService(NotificationServiceModule, config, log, (app) => {
  app.use(`/${SMS_RECEIPTS_PATH}`, keepRawBody(64 * 1024));
}).catch((error) => {
  log.fatal({ err: String(error) }, 'notification service failed to start');
  process.exit(1);
});

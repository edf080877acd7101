import { Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Logger } from 'pino';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { KorgooConfig } from '@korgoo/config';
import {
  DeliveryAttemptView,
  EventSubjects,
  NotificationCommandContracts,
  NotificationCommandRequestClasses,
  NotificationCommandSubjects,
  QueryRejected,
  QuerySubjects,
  RecipientKind,
  centreFilterOf,
} from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { CLOCK, KORGOO_CONFIG, MESSAGING, SERVICE_LOG, ServiceHealth, ServiceMetrics } from '@korgoo/platform';
import { Clock } from '@korgoo/platform/core';
import { Notification } from '../inbox/notification.entity';
import { ChannelProvider } from '../providers/channel-provider';
import { HttpSmsProvider } from '../providers/http-sms-provider';
import { ProviderBreakers } from '../providers/provider-breakers';
import { SmtpEmailProvider } from '../providers/smtp-email-provider';
import { TelegramProvider } from '../providers/telegram-provider';
import { DeliveryReceipts } from '../receipts/delivery-receipts';
import { SmsReceiptsController } from '../receipts/sms-receipts.controller';
import { OrderReferences } from '../orders/order-references';
import { DEMO_RECIPIENTS } from '../recipients/demo-recipients';
import { Recipients } from '../recipients/recipients';
import { Acknowledgements } from './acknowledgements';
import { ATTEMPTS_PER_CHANNEL } from './delivery-policy';
import {
  cancelledIntent,
  decisionReminderIntent,
  escalatedIntent,
  expiredIntent,
  followUpDueIntent,
  immediateDangerIntents,
  programmeAlertIntent,
  refusalNoticeIntent,
  routedIntent,
  treatmentRecheckIntent,
  unroutableIntent,
} from './intents';
import { NotificationDispatcher } from './notification-dispatcher';

/** Margin past the provider timeout after which a send in flight has certainly ended. */
const IN_DOUBT_MARGIN_MS = 2_000;
/** Delivery steps are short transactions; a few connections serve all consumers. */
const DELIVERY_POOL_SIZE = 4;

function configuredProviders(config: KorgooConfig): ChannelProvider[] {
  const { smtp, sms, telegram, breaker } = config.providers;
  const providers: ChannelProvider[] = [];
  if (smtp) providers.push(new SmtpEmailProvider(smtp, breaker.timeoutMs));
  if (sms) providers.push(new HttpSmsProvider(sms));
  if (telegram) providers.push(new TelegramProvider(telegram));
  return providers;
}

/**
 * Referral and programme events become notifications: the inbox at once, then the recipient's channels in
 * order, each provider behind its breaker. Also answers the delivery log, recipient settings and
 * acknowledgements.
 */
@Module({
  controllers: [SmsReceiptsController],
  providers: [{ provide: DeliveryReceipts, useValue: new DeliveryReceipts() }],
})
export class DeliveryModule implements OnModuleInit, OnApplicationShutdown {
  private breakers: ProviderBreakers | null = null;
  private deliveryDb: DataSource | null = null;

  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
    @Inject(SERVICE_LOG) private readonly log: Logger,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly dataSource: DataSource,
    private readonly metrics: ServiceMetrics,
    private readonly health: ServiceHealth,
    private readonly receipts: DeliveryReceipts,
  ) {}

  async onModuleInit() {
    const recipients = new Recipients();
    const acknowledgements = new Acknowledgements(this.clock);
    if (this.config.environment === 'development') {
      const added = await this.dataSource.transaction((tx) => recipients.seed(tx, DEMO_RECIPIENTS));
      if (added > 0) this.log.info({ added }, 'demo notification recipients added (development data, fake addresses)');
    }
    const breakers = new ProviderBreakers(configuredProviders(this.config), this.config.providers.breaker, this.metrics.registry);
    this.breakers = breakers;
    this.log.info({ channels: breakers.channels() }, 'notification channels with a configured provider');
    this.health.add(async (indicators) => {
      const session = indicators.check('providers');
      const snapshot = breakers.snapshot();
      // An open breaker means failing over, not being down: the service keeps reaching people.
      return breakers.anyOpen() ? session.degraded(snapshot) : session.up(snapshot);
    });

    this.deliveryDb = new DataSource({
      type: 'postgres',
      url: this.config.databaseUrl,
      extra: { max: DELIVERY_POOL_SIZE, application_name: 'korgoo-notification-delivery' },
    });
    await this.deliveryDb.initialize();
    const dispatcher = new NotificationDispatcher({
      db: this.deliveryDb,
      outbox: this.messaging.outbox,
      providers: breakers,
      recipients,
      receipts: this.receipts,
      acknowledgements,
      limits: { attemptsPerChannel: ATTEMPTS_PER_CHANNEL, inDoubtAfterMs: this.config.providers.breaker.timeoutMs + IN_DOUBT_MARGIN_MS },
      clock: this.clock,
      maxDeliver: this.config.messaging.maxDeliver,
      log: this.log,
      attempts: new Counter({
        name: 'korgoo_notification_attempts_total',
        help: 'Notification attempts by channel, provider and status',
        labelNames: ['channel', 'provider', 'status'],
        registers: [this.metrics.registry],
      }),
    });

    this.messaging.on(EventSubjects.ReferralRouted, (envelope) => dispatcher.handle(routedIntent(envelope)));
    this.messaging.on(EventSubjects.ReferralRerouted, (envelope) => dispatcher.handle(routedIntent(envelope)));
    this.messaging.on(EventSubjects.ReferralUnroutable, (envelope) => dispatcher.handle(unroutableIntent(envelope)));
    this.messaging.on(EventSubjects.ReferralEscalated, (envelope) => dispatcher.handle(escalatedIntent(envelope)));
    this.messaging.on(EventSubjects.ReferralExpired, (envelope) => dispatcher.handle(expiredIntent(envelope)));
    this.messaging.on(EventSubjects.ReferralDecisionReminderDue, (envelope) => dispatcher.handle(decisionReminderIntent(envelope)));
    this.messaging.on(EventSubjects.ReferralCancelled, (envelope) => dispatcher.handle(cancelledIntent(envelope)));
    this.messaging.on(EventSubjects.ReferralAccepted, async ({ payload }, tx) => {
      await acknowledgements.acknowledge(tx, payload.referralId, payload.centreId, 'accepted');
    });
    const orders = new OrderReferences();
    this.messaging.on(EventSubjects.OrderRegistered, async ({ payload }, tx) => {
      // Orders registered before police units carry no unit: no notice can go back to one.
      if (payload.orderNumber && payload.unitCode) {
        await orders.record(tx, payload.orderId, { orderNumber: payload.orderNumber, unitCode: payload.unitCode });
      }
    });
    this.messaging.on(EventSubjects.ProgrammeRefusalReported, async (envelope) => {
      const order = await orders.find(this.dataSource.manager, envelope.payload.orderId);
      // The registration is weeks older than any refusal; if it is still missing, redelivery waits for it
      // and a dead letter (listed and replayable by admins) is what finally says so.
      if (!order) throw new Error(`no issuing unit known for order ${envelope.payload.orderId}`);
      await dispatcher.handle(refusalNoticeIntent(envelope, order));
    });
    this.messaging.on(EventSubjects.ProgrammeAlert, (envelope) => dispatcher.handle(programmeAlertIntent(envelope)));
    this.messaging.on(EventSubjects.ProgrammeFollowUpDue, (envelope) => dispatcher.handle(followUpDueIntent(envelope)));
    this.messaging.on(EventSubjects.ProgrammeTreatmentRecheckDue, (envelope) => dispatcher.handle(treatmentRecheckIntent(envelope)));
    // Immediate danger is told from the first assessment, apart from routing and before any referral.
    this.messaging.on(EventSubjects.RiskAssessed, async (envelope) => {
      if (!envelope.payload.immediateDanger) return;
      const order = await orders.find(this.dataSource.manager, envelope.payload.orderId);
      // Registration and assessment travel on separate streams; redelivery waits for the registration.
      if (!order) throw new Error(`order ${envelope.payload.orderId} is not registered here yet`);
      await dispatcher.handle(...immediateDangerIntents(envelope, order));
    });

    this.messaging.queries.handle(QuerySubjects.NotificationsByOrder, async ({ orderId, scope }) => {
      const centreId = centreFilterOf(scope);
      const where = centreId === null ? { orderId } : { orderId, recipientKind: 'centre' as const, centreId };
      const rows = await this.dataSource.getRepository(Notification).find({ where, order: { createdAt: 'ASC' } });
      return {
        notifications: rows.map((row) => ({
          notificationId: row.id,
          referralId: row.referralId,
          recipientKind: row.recipientKind,
          centreId: row.centreId,
          channel: row.channel,
          status: row.status,
          createdAt: row.createdAt.toISOString(),
        })),
      };
    });
    this.messaging.queries.handle(QuerySubjects.DeliveryLog, async ({ referralId, scope }) => ({
      attempts: await this.deliveryLog(referralId, centreFilterOf(scope)),
    }));

    const commands = this.messaging.queries.family<NotificationCommandContracts>(NotificationCommandRequestClasses);
    commands.handle(NotificationCommandSubjects.RecipientShow, async (ref) => ({
      recipient: await recipients.show(this.dataSource.manager, ref),
    }));
    commands.handle(NotificationCommandSubjects.RecipientConfigure, async (command) => {
      const recipient = await this.dataSource.transaction((tx) => recipients.configure(tx, command));
      this.log.info(
        { recipientKind: recipient.recipientKind, centreId: recipient.centreId, unitCode: recipient.unitCode, channels: recipient.channels.map((c) => c.channel) },
        'notification recipient configured',
      );
      return { recipient };
    });
    commands.handle(NotificationCommandSubjects.ReferralAcknowledge, async ({ referralId, centreId, via }) => ({
      acknowledged: await this.dataSource.transaction((tx) => acknowledgements.acknowledge(tx, referralId, centreId, via)),
    }));
    commands.handle(NotificationCommandSubjects.NoticeAcknowledge, async ({ entryId, scope, accountId }) => {
      if (scope.kind !== 'unit') throw new QueryRejected('forbidden', 'only an officer of the unit acknowledges its notices');
      const acknowledgement = await this.dataSource.transaction((tx) => acknowledgements.acknowledgeNotice(tx, entryId, scope.unitId, accountId));
      // Another unit's notice is answered as missing: its existence is not theirs to learn.
      if (!acknowledgement) throw new QueryRejected('not_found', `no notice ${entryId}`);
      if (acknowledgement.recorded) this.log.info({ entryId, unitCode: scope.unitId }, 'Article 72 notice acknowledged');
      return { entryId, ...acknowledgement, acknowledgedAt: acknowledgement.acknowledgedAt.toISOString() };
    });
  }

  /** Every attempt for a referral, oldest first; centre staff see only their centre's. */
  private async deliveryLog(referralId: string, centreId: string | null): Promise<DeliveryLogEntry[]> {
    const rows: Array<{
      id: string;
      notification_id: string;
      attempt_no: number;
      channel: string;
      provider: string;
      status: DeliveryAttemptView['status'];
      provider_message_id: string | null;
      error: string | null;
      updated_at: Date;
      recipient_kind: RecipientKind;
      centre_id: string | null;
    }> = await this.dataSource.query(
      `SELECT a.id, a.notification_id, a.attempt_no, a.channel, a.provider, a.status, a.provider_message_id, a.error,
              a.updated_at, n.recipient_kind, n.centre_id
         FROM notification.delivery_attempt a JOIN notification.notification n ON n.id = a.notification_id
        WHERE n.referral_id = $1 AND ($2::text IS NULL OR (n.recipient_kind = 'centre' AND n.centre_id = $2))
        ORDER BY a.queued_at, a.attempt_no`,
      [referralId, centreId],
    );
    if (rows.length === 0 && centreId !== null) throw new QueryRejected('not_found', `no notifications about referral ${referralId}`);
    return rows.map((row) => ({
      attemptId: row.id,
      notificationId: row.notification_id,
      attemptNo: row.attempt_no,
      recipientKind: row.recipient_kind,
      centreId: row.centre_id,
      channel: row.channel,
      provider: row.provider,
      status: row.status,
      providerMessageId: row.provider_message_id,
      error: row.error,
      at: row.updated_at.toISOString(),
    }));
  }

  async onApplicationShutdown() {
    this.breakers?.shutdown();
    if (this.deliveryDb?.isInitialized) await this.deliveryDb.destroy();
  }
}

interface DeliveryLogEntry extends DeliveryAttemptView {
  attemptNo: number;
  recipientKind: RecipientKind;
  centreId: string | null;
}

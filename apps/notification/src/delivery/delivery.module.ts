import { Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Logger } from 'pino';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { KorgooConfig } from '@korgoo/config';
import { MessagingRuntime } from '@korgoo/messaging';
import { CLOCK, DuePollers, KORGOO_CONFIG, MESSAGING, poolSettings, SERVICE_LOG, ServiceHealth, ServiceMetrics, outsideTransaction } from '@korgoo/platform';
import { Clock, FieldCipher, parseFieldKeys } from '@korgoo/platform/core';
import { NoticesAwaitingUnit } from '../orders/notices-awaiting-unit';
import { OrderReferences } from '../orders/order-references';
import { ChannelProvider } from '../providers/channel-provider';
import { HttpSmsProvider } from '../providers/http-sms-provider';
import { ProviderBreakers } from '../providers/provider-breakers';
import { SmtpEmailProvider } from '../providers/smtp-email-provider';
import { TelegramProvider } from '../providers/telegram-provider';
import { DeliveryReceipts } from '../receipts/delivery-receipts';
import { SmsReceiptsController } from '../receipts/sms-receipts.controller';
import { DEMO_RECIPIENTS } from '../recipients/demo-recipients';
import { ContactAddresses } from '../recipients/contact-addresses';
import { Recipients } from '../recipients/recipients';
import { SealContactAddresses } from '../recipients/seal-contact-addresses';
import { ClosedCases } from '../retention/closed-cases';
import { Acknowledgements } from './acknowledgements';
import { AlertEscalation, AlertEscalations } from './alert-escalations';
import { bindDeliveryCommands, bindDeliveryEvents, bindDeliveryQueries, DeliveryHandlers } from './delivery.handlers';
import { DeliveryRecords } from './delivery-records';
import { ATTEMPTS_PER_CHANNEL } from './delivery-policy';
import { DispatchNotification } from './dispatch-notification';
import { RecipientsSeen } from './recipients-seen';
import { EscalateAlert } from './escalate-alert';

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
    private readonly pollers: DuePollers,
  ) {}

  async onModuleInit() {
    const addresses = new ContactAddresses(new FieldCipher(parseFieldKeys(this.config.fieldEncryptionKeys)));
    const recipients = new Recipients(addresses);
    const records = new DeliveryRecords();
    const acknowledgements = new Acknowledgements(this.clock);
    if (this.config.environment === 'development') {
      const added = await this.dataSource.transaction((tx) => recipients.seed(tx, DEMO_RECIPIENTS));
      if (added > 0) this.log.info({ added }, 'demo notification recipients added (development data, fake addresses)');
    }
    const contactAddresses = new SealContactAddresses(addresses, recipients, records);
    await this.sealContactAddresses(contactAddresses);
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
      extra: poolSettings(this.config.databaseUrl, DELIVERY_POOL_SIZE, 'korgoo-notification-delivery', 0, this.config.dbPreparedStatements),
    });
    await this.deliveryDb.initialize();
    const dispatch = new DispatchNotification({
      db: this.deliveryDb,
      records,
      outbox: this.messaging.outbox,
      providers: breakers,
      recipients,
      addresses,
      receipts: this.receipts,
      acknowledgements,
      limits: { attemptsPerChannel: ATTEMPTS_PER_CHANNEL, inDoubtAfterMs: this.config.providers.breaker.timeoutMs + IN_DOUBT_MARGIN_MS },
      clock: this.clock,
      maxDeliver: this.config.messaging.maxDeliver,
      seen: new RecipientsSeen(breakers.channels().length > 0),
      log: this.log,
      attempts: new Counter({
        name: 'korgoo_notification_attempts_total',
        help: 'Notification attempts by channel, provider and status',
        labelNames: ['channel', 'provider', 'status'],
        registers: [this.metrics.registry],
      }),
    });
    const escalations = new AlertEscalations();
    const escalationPolicy = this.config.escalation;
    const escalate = new EscalateAlert(escalations, acknowledgements, this.messaging.outbox, escalationPolicy, this.clock, this.log);
    this.pollers.add('alert escalation', escalationPolicy.pollMs, this.messaging.outbox.transaction.bind(this.messaging.outbox), outsideTransaction(this.dataSource), {
      claimDue: (tx, now, passOver) => escalations.claimDue(tx, now, passOver),
      fire: (tx, escalation: AlertEscalation) => escalate.execute(tx, escalation),
      idOf: (escalation) => escalation.alertEventId,
    });
    const handlers: DeliveryHandlers = {
      dataSource: this.dataSource,
      dispatch,
      escalations,
      escalationPolicy,
      clock: this.clock,
      records,
      recipients,
      acknowledgements,
      orders: new OrderReferences(),
      awaitingUnit: new NoticesAwaitingUnit(),
      cases: new ClosedCases(),
      contactAddresses,
      log: this.log,
    };
    bindDeliveryEvents(this.messaging, handlers);
    bindDeliveryQueries(this.messaging, handlers);
    bindDeliveryCommands(this.messaging, handlers);
  }

  /** A value that does not open (its key was dropped too early) is logged, not fatal: the inbox still works. */
  private async sealContactAddresses(seal: SealContactAddresses) {
    try {
      const sealed = await seal.execute(this.dataSource);
      if (sealed.recipients + sealed.intents > 0) this.log.info(sealed, 'contact addresses sealed under the active field key');
    } catch (error) {
      this.log.error({ err: String(error) }, 'contact addresses could not all be sealed under the active field key');
    }
  }

  async onApplicationShutdown() {
    this.breakers?.shutdown();
    if (this.deliveryDb?.isInitialized) await this.deliveryDb.destroy();
  }
}

import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Inject,
  Module,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { KorgooConfig } from '@korgoo/config';
import { domainOf, EventSubjects, SERVICE_MESSAGING } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { Clock, SettableClock, systemClock } from './core';
import { openServiceDatabase, ServiceDatabase } from './database';
import { DuePollers } from './due-pollers';
import { ServiceMetrics } from './metrics';
import { requestLogParams } from './request-log';
import { OperationsController } from './operations.controller';
import { CLOCK, KORGOO_CONFIG, MESSAGING, SERVICE_LOG } from './platform.constants';
import { ServiceHealth } from './service-health';
import { TestClockListener } from './test-clock';
import { warmUp } from './warm-up';

const TEST_CLOCK_LISTENER = Symbol('TEST_CLOCK_LISTENER');
const WARM_UP_REQUESTS = Symbol('WARM_UP_REQUESTS');

/**
 * The connections a warmed service opens and keeps: one per message it handles at once, not the whole pool,
 * since PostgreSQL's connection limit is shared by every replica of every service and idle connections count.
 */
function warmConnections(config: KorgooConfig): number {
  return config.warmup ? config.messaging.concurrency : 0;
}

/**
 * Starts consuming once every feature module has registered its handlers; stops first on shutdown. A
 * settable clock listens from the same moment, so a test can move it as soon as the service is up.
 */
class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    @Inject(TEST_CLOCK_LISTENER) private readonly testClock: TestClockListener | null,
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
    @Inject(SERVICE_LOG) private readonly log: Logger,
    private readonly dataSource: DataSource,
    @Inject(WARM_UP_REQUESTS) private readonly requests: ReadonlyArray<new () => object>,
  ) {}
  async onApplicationBootstrap() {
    // Before the first event is pulled and before /health answers (the HTTP server listens after this).
    if (this.config.warmup) await this.warmUp();
    this.testClock?.listen(this.messaging.nc);
    await this.messaging.start();
  }
  private async warmUp() {
    try {
      const { consumes, publishes } = SERVICE_MESSAGING[this.config.service];
      const traffic = {
        consumes,
        publishes: Object.values(EventSubjects).filter((subject) => (publishes as readonly string[]).includes(domainOf(subject))),
        requests: this.requests,
      };
      const result = await warmUp(this.dataSource, warmConnections(this.config), traffic);
      this.log.info(result, 'warmed up');
    } catch (error) {
      // A cold service is slower on its first events, never wrong: start anyway.
      this.log.warn({ err: String(error) }, 'warm-up failed; starting cold');
    }
  }
  async beforeApplicationShutdown() {
    this.testClock?.stop();
    await this.messaging.stop();
  }
}

/**
 * What every Korgoo service has: typed config, its own schema with migrations, the messaging runtime,
 * health, metrics and the structured logger. Feature modules inject only what they use.
 */
@Global()
@Module({})
export class KorgooPlatformModule {
  /** `requests`: the service's HTTP request bodies, validated in its warm-up as its events are. */
  static forService(
    config: KorgooConfig,
    log: Logger,
    database: ServiceDatabase,
    { requests = [] }: { requests?: ReadonlyArray<new () => object> } = {},
  ): DynamicModule {
    const metrics = new ServiceMetrics(config.service);
    // Config refuses a settable clock in production.
    const settable = config.testClock ? new SettableClock() : null;
    const clock: Clock = settable ?? systemClock;
    return {
      module: KorgooPlatformModule,
      imports: [
        TerminusModule,
        LoggerModule.forRoot(requestLogParams(log)),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ type: 'postgres' as const }),
          dataSourceFactory: () => openServiceDatabase({ ...config, warmConnections: warmConnections(config) }, database),
        }),
      ],
      controllers: [OperationsController],
      providers: [
        { provide: KORGOO_CONFIG, useValue: config },
        { provide: SERVICE_LOG, useValue: log },
        { provide: CLOCK, useValue: clock },
        { provide: WARM_UP_REQUESTS, useValue: requests },
        { provide: TEST_CLOCK_LISTENER, useValue: settable && new TestClockListener(settable, config.service, config.namespace, log) },
        { provide: ServiceMetrics, useValue: metrics },
        { provide: ServiceHealth, useValue: new ServiceHealth() },
        {
          provide: MESSAGING,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            MessagingRuntime.connect(
              dataSource,
              {
                service: config.service,
                schema: database.schema,
                natsServers: config.natsServers,
                credentials: config.natsCredentials,
                tls: config.natsTls,
                namespace: config.namespace,
                outboxPollMs: config.messaging.outboxPollMs,
                consumer: {
                  maxDeliver: config.messaging.maxDeliver,
                  ackWaitMs: config.messaging.ackWaitMs,
                  concurrency: config.messaging.concurrency,
                  lingerMs: config.messaging.batchLingerMs,
                },
                streams: { replicas: config.messaging.streamReplicas, historyMaxAgeDays: config.messaging.historyMaxAgeDays },
                clock,
                onOutcome: (subject, outcome) => metrics.eventsHandled.inc({ subject, outcome }),
              },
              log,
            ),
        },
        MessagingLifecycle,
        DuePollers,
      ],
      exports: [KORGOO_CONFIG, SERVICE_LOG, CLOCK, MESSAGING, ServiceMetrics, ServiceHealth, DuePollers],
    };
  }
}

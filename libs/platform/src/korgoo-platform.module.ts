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
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { KorgooConfig } from '@korgoo/config';
import { MessagingRuntime } from '@korgoo/messaging';
import { openServiceDatabase, ServiceDatabase } from './database';
import { ServiceMetrics } from './metrics';
import { OperationsController } from './operations.controller';
import { KORGOO_CONFIG, MESSAGING, SERVICE_LOG } from './platform.constants';
import { ServiceHealth } from './service-health';

/** Starts consuming once every feature module has registered its handlers; stops first on shutdown. */
class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(MESSAGING) private readonly messaging: MessagingRuntime) {}
  async onApplicationBootstrap() {
    await this.messaging.start();
  }
  async beforeApplicationShutdown() {
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
  static forService(config: KorgooConfig, log: Logger, database: ServiceDatabase): DynamicModule {
    const metrics = new ServiceMetrics(config.service);
    return {
      module: KorgooPlatformModule,
      imports: [
        TerminusModule,
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ type: 'postgres' as const }),
          dataSourceFactory: () => openServiceDatabase(config, database),
        }),
      ],
      controllers: [OperationsController],
      providers: [
        { provide: KORGOO_CONFIG, useValue: config },
        { provide: SERVICE_LOG, useValue: log },
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
                },
                streams: { replicas: config.messaging.streamReplicas },
                onOutcome: (subject, outcome) => metrics.eventsHandled.inc({ subject, outcome }),
              },
              log,
            ),
        },
        MessagingLifecycle,
      ],
      exports: [KORGOO_CONFIG, SERVICE_LOG, MESSAGING, ServiceMetrics, ServiceHealth],
    };
  }
}

import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { MessagingRuntime } from '@korgoo/messaging';
import { ServiceMetrics } from './metrics';
import { MESSAGING } from './platform.constants';
import { ServiceHealth } from './service-health';

/** `/health` (Postgres and NATS, for probes and load balancers) and `/metrics` (Prometheus). */
@ApiExcludeController()
@Controller()
export class OperationsController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    @Inject(MESSAGING) private readonly messaging: MessagingRuntime,
    private readonly metrics: ServiceMetrics,
    private readonly serviceHealth: ServiceHealth,
  ) {}

  @Get('health')
  @HealthCheck()
  check() {
    return this.health.check([
      () =>
        this.indicators
          .check('postgres')
          .attempt(async () => {
            await this.dataSource.query('SELECT 1');
          })
          .withTimeout(2_000),
      () =>
        this.indicators
          .check('nats')
          .attempt(async () => ({ roundTripMs: await this.messaging.natsRoundTripMs() }))
          .withTimeout(2_000),
      ...this.serviceHealth.list().map((contribution) => () => contribution(this.indicators)),
    ]);
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}

import { Controller, Get, Header, Headers, Inject, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { KorgooConfig } from '@korgoo/config';
import { MessagingRuntime } from '@korgoo/messaging';
import { metricsAccess } from './metrics-access';
import { ServiceMetrics } from './metrics';
import { KORGOO_CONFIG, MESSAGING } from './platform.constants';
import { ServiceHealth } from './service-health';

/**
 * `/health` is readiness (Postgres, NATS and the service's own checks: take the pod out of rotation),
 * `/health/live` is liveness (the process answers: restart it). Liveness never looks at the database, so a
 * database outage does not restart-loop every pod. `/metrics` is Prometheus, guarded in production.
 */
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
    @Inject(KORGOO_CONFIG) private readonly config: KorgooConfig,
  ) {}

  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

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
  async scrape(@Headers('authorization') authorization?: string): Promise<string> {
    const access = metricsAccess(this.config, authorization);
    if (access === 'off') throw new NotFoundException();
    if (access === 'unauthorised') throw new UnauthorizedException();
    return this.metrics.registry.metrics();
  }
}

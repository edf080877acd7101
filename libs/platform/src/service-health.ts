import type { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';

export type HealthContribution = (indicators: HealthIndicatorService) => Promise<HealthIndicatorResult>;

/** Checks a service adds to /health beyond Postgres and NATS, such as the state of its outbound providers. */
export class ServiceHealth {
  private readonly contributions: HealthContribution[] = [];

  add(contribution: HealthContribution): void {
    this.contributions.push(contribution);
  }

  list(): HealthContribution[] {
    return [...this.contributions];
  }
}

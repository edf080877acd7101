import { timingSafeEqual } from 'node:crypto';
import type { KorgooConfig } from '@korgoo/config';

export type MetricsAccess = 'served' | 'unauthorised' | 'off';

/**
 * Who may read /metrics: with a METRICS_TOKEN only a caller presenting it as a bearer token; without one,
 * anyone outside production and nobody in production (figures reveal case volumes and provider outages).
 */
export function metricsAccess(config: Pick<KorgooConfig, 'environment' | 'http'>, authorization: string | undefined): MetricsAccess {
  const token = config.http.metricsToken;
  if (token === null) return config.environment === 'production' ? 'off' : 'served';
  const presented = Buffer.from(authorization?.replace(/^Bearer\s+/i, '') ?? '');
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected) ? 'served' : 'unauthorised';
}

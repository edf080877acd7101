import { metricsAccess } from './metrics-access';

const http = (metricsToken: string | null) => ({ metricsToken }) as never;

describe('metricsAccess', () => {
  it('is open outside production and off in production when no token is configured', () => {
    expect(metricsAccess({ environment: 'development', http: http(null) }, undefined)).toBe('served');
    expect(metricsAccess({ environment: 'production', http: http(null) }, 'Bearer anything')).toBe('off');
  });

  it('serves only the caller presenting the configured token, in every environment', () => {
    for (const environment of ['development', 'production'] as const) {
      const config = { environment, http: http('s3cr3t-metrics-token') };
      expect(metricsAccess(config, 'Bearer s3cr3t-metrics-token')).toBe('served');
      expect(metricsAccess(config, 'Bearer s3cr3t-metrics-tokem')).toBe('unauthorised');
      expect(metricsAccess(config, undefined)).toBe('unauthorised');
    }
  });
});

import { ConfigurationError, loadConfig } from './korgoo-config';

describe('loadConfig', () => {
  it('gives local defaults in development', () => {
    const config = loadConfig('risk', {});
    expect(config).toMatchObject({
      environment: 'development',
      natsServers: ['nats://127.0.0.1:4222'],
      namespace: 'korgoo',
      httpPort: 3001,
      providers: { smtp: null, sms: null, telegram: null },
    });
  });

  it('refuses to start in production without a JWT secret', () => {
    expect(() => loadConfig('gateway', { NODE_ENV: 'production' })).toThrow('JWT_SECRET is required in production');
  });

  it.each([
    ['DATABASE_URL', 'mysql://x', 'DATABASE_URL must be a postgres:// URL'],
    ['KORGOO_NAMESPACE', 'Bad Name', 'KORGOO_NAMESPACE must be lower-case'],
    ['JWT_SECRET', 'short', 'JWT_SECRET must be at least 32 characters'],
    ['STREAM_REPLICAS', '2', 'STREAM_REPLICAS must be 1, 3 or 5'],
  ])('names %s when it is invalid', (name, value, message) => {
    expect(() => loadConfig('gateway', { [name]: value })).toThrow(ConfigurationError);
    expect(() => loadConfig('gateway', { [name]: value })).toThrow(message);
  });

  it('changes the priority policy only under a named version', () => {
    expect(() => loadConfig('risk', { ACK_HOURS_URGENT: '2' })).toThrow('PRIORITY_POLICY_VERSION is required');
    expect(loadConfig('risk', { ACK_HOURS_URGENT: '2', PRIORITY_POLICY_VERSION: 'bishkek-2027.1' }).risk.priorityPolicy).toEqual({
      version: 'bishkek-2027.1',
      urgentFromScore: undefined,
      highFromScore: undefined,
      ackDeadlineHours: { urgent: 2, high: undefined, standard: undefined },
    });
  });

  it('splits a NATS cluster URL list', () => {
    expect(loadConfig('matching', { NATS_URL: 'nats://a:4222, nats://b:4222' }).natsServers).toEqual([
      'nats://a:4222',
      'nats://b:4222',
    ]);
  });
});

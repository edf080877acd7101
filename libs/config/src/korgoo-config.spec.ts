import { ConfigurationError, loadConfig, loadMigrationSettings } from './korgoo-config';

// Random bytes as `openssl rand -base64 36` prints them.
const STRONG = 'q0Zr3F7pXw+K9mUe2LbTn5YcVhJ8sAdG4iRo6PzW1xQ=';
// The secrets production cannot start without, each random.
const PRODUCTION = {
  JWT_SECRET: STRONG,
  NATS_PASSWORD: 'Hh3kP9xWq2Lr7TzV5nB8mC4dF6gJ1sYa0uEoIiRt',
  FIELD_ENCRYPTION_KEYS: '2026-12:Vb0m2Qq6Yk8Zr1Xw5Lt3Hn7Pj9Cd4Fs6Ga8Ke2Mu0Ro=',
};

describe('loadConfig', () => {
  it('gives local defaults in development', () => {
    const config = loadConfig('risk', { NODE_ENV: 'development' });
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

  it('is production when NODE_ENV is unset, so the development fallbacks never apply by accident', () => {
    expect(() => loadConfig('gateway', {})).toThrow('JWT_SECRET is required in production');
    expect(loadConfig('gateway', PRODUCTION).environment).toBe('production');
  });

  it.each([
    ['the committed placeholder', { ...PRODUCTION, JWT_SECRET: 'CHANGE_ME_TO_AT_LEAST_32_RANDOM_CHARACTERS' }, 'JWT_SECRET is a published placeholder'],
    ['a repeated character', { ...PRODUCTION, JWT_SECRET: 'x'.repeat(40) }, 'JWT_SECRET looks guessable'],
    ['a repeated word', { ...PRODUCTION, JWT_SECRET: 'passwordpasswordpasswordpassword12' }, 'JWT_SECRET looks guessable'],
    ['a placeholder webhook secret', { ...PRODUCTION, SMS_WEBHOOK_SECRET: 'change-me-webhook-secret-0123456789' }, 'SMS_WEBHOOK_SECRET is a published placeholder'],
    ['a placeholder database password', { ...PRODUCTION, DATABASE_URL: 'postgres://korgoo:CHANGE_ME@db:5432/korgoo' }, 'the DATABASE_URL password must be at least 32 characters'],
  ])('refuses %s in production and says which secret', (_case, env, message) => {
    expect(() => loadConfig('gateway', env)).toThrow(message);
  });

  it('seals names and contact addresses in production only with keys of its own', () => {
    const { FIELD_ENCRYPTION_KEYS: _none, ...withoutKeys } = PRODUCTION;
    expect(() => loadConfig('gateway', withoutKeys)).toThrow('FIELD_ENCRYPTION_KEYS is required for the gateway service in production');
    expect(() => loadConfig('notification', withoutKeys)).toThrow('FIELD_ENCRYPTION_KEYS is required for the notification service in production');
    expect(loadConfig('risk', withoutKeys).environment).toBe('production');
    const published = loadConfig('gateway', { NODE_ENV: 'development' }).fieldEncryptionKeys;
    expect(() => loadConfig('gateway', { ...PRODUCTION, FIELD_ENCRYPTION_KEYS: published })).toThrow('published development key');
    expect(() => loadConfig('gateway', { ...PRODUCTION, FIELD_ENCRYPTION_KEYS: 'k1:CHANGE_ME' })).toThrow('FIELD_ENCRYPTION_KEYS must be id:base64 pairs');
  });

  it('takes a fraction of a password check a second for a slower refill, never none', () => {
    expect(loadConfig('gateway', { NODE_ENV: 'development', SIGN_IN_CHECKS_PER_SECOND: '0.5' }).http.signInChecks.perSecond).toBe(0.5);
    expect(() => loadConfig('gateway', { NODE_ENV: 'development', SIGN_IN_CHECKS_PER_SECOND: '0' })).toThrow('SIGN_IN_CHECKS_PER_SECOND');
    expect(() => loadConfig('gateway', { NODE_ENV: 'development', SIGN_IN_CHECKS_PER_SECOND: 'many' })).toThrow('SIGN_IN_CHECKS_PER_SECOND');
  });

  it('lets rehearsals and tests move the clock, never production', () => {
    expect(loadConfig('notification', { NODE_ENV: 'test', KORGOO_TEST_CLOCK: 'true' }).testClock).toBe(true);
    expect(loadConfig('notification', { NODE_ENV: 'test' }).testClock).toBe(false);
    expect(() => loadConfig('notification', { ...PRODUCTION, KORGOO_TEST_CLOCK: 'true' })).toThrow(
      'KORGOO_TEST_CLOCK is for rehearsals and tests; production keeps the system clock',
    );
  });

  it('gives each service a NATS user of its own in production', () => {
    expect(() => loadConfig('risk', { JWT_SECRET: STRONG })).toThrow('NATS_PASSWORD is required in production');
    expect(() => loadConfig('risk', { JWT_SECRET: STRONG, NATS_PASSWORD: 'CHANGE_ME_RISK_NATS_PASSWORD_0123456789' })).toThrow('NATS_PASSWORD is a published placeholder');
    expect(loadConfig('risk', PRODUCTION).natsCredentials).toEqual({ user: 'risk', password: PRODUCTION.NATS_PASSWORD });
    expect(loadConfig('risk', { NODE_ENV: 'development' })).toMatchObject({ natsCredentials: null, natsTls: null });
    expect(loadConfig('risk', { NODE_ENV: 'development', NATS_URL: 'tls://nats:4222', NATS_TLS_CA_FILE: '/etc/nats/ca.pem' }).natsTls).toEqual({
      caFile: '/etc/nats/ca.pem',
      certFile: undefined,
      keyFile: undefined,
    });
  });

  it('sends routing requests to OSRM only over https in production', () => {
    expect(() => loadConfig('matching', { ...PRODUCTION, OSRM_URL: 'http://osrm.internal:5000' })).toThrow('OSRM_URL must be https in production');
    expect(loadConfig('matching', { ...PRODUCTION, OSRM_URL: 'https://osrm.internal' }).environment).toBe('production');
    expect(loadConfig('matching', { NODE_ENV: 'development', OSRM_URL: 'http://127.0.0.1:5000' }).environment).toBe('development');
  });

  it('accepts the development fallbacks outside production', () => {
    expect(loadConfig('gateway', { NODE_ENV: 'test', JWT_SECRET: 'CHANGE_ME_TO_AT_LEAST_32_RANDOM_CHARACTERS' }).environment).toBe('test');
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
    expect(loadConfig('risk', { NODE_ENV: 'development', ACK_HOURS_URGENT: '2', PRIORITY_POLICY_VERSION: 'bishkek-2027.1' }).risk.priorityPolicy).toEqual({
      version: 'bishkek-2027.1',
      urgentFromScore: undefined,
      highFromScore: undefined,
      ackDeadlineHours: { urgent: 2, high: undefined, standard: undefined },
    });
  });

  it('keeps the API documentation and open metrics out of production unless asked for', () => {
    expect(loadConfig('gateway', { NODE_ENV: 'development' }).http).toMatchObject({ apiDocs: true, metricsToken: null, corsOrigins: [] });
    expect(loadConfig('gateway', PRODUCTION).http.apiDocs).toBe(false);
    expect(loadConfig('gateway', { ...PRODUCTION, API_DOCS: 'on' }).http.apiDocs).toBe(true);
    expect(() => loadConfig('gateway', { ...PRODUCTION, METRICS_TOKEN: 'change-me-metrics-token-0123456789' })).toThrow('METRICS_TOKEN is a published placeholder');
  });

  it('reads the CORS allow-list as origins and refuses anything else', () => {
    const env = { NODE_ENV: 'development', CORS_ORIGINS: 'https://korgoo.kg, https://admin.korgoo.kg' };
    expect(loadConfig('gateway', env).http.corsOrigins).toEqual(['https://korgoo.kg', 'https://admin.korgoo.kg']);
    expect(() => loadConfig('gateway', { NODE_ENV: 'development', CORS_ORIGINS: '*' })).toThrow('CORS_ORIGINS must be');
  });

  it('splits a NATS cluster URL list', () => {
    expect(loadConfig('matching', { NODE_ENV: 'development', NATS_URL: 'nats://a:4222, nats://b:4222' }).natsServers).toEqual([
      'nats://a:4222',
      'nats://b:4222',
    ]);
  });
});

describe('the migration settings', () => {
  const owner = `postgres://korgoo_risk_owner:${encodeURIComponent(STRONG)}@db:5432/korgoo`;
  const app = `postgres://korgoo_risk_app:${encodeURIComponent(PRODUCTION.NATS_PASSWORD)}@db:5432/korgoo`;

  it('needs only the two database logins, and the owner in production', () => {
    expect(loadMigrationSettings('risk', { DATABASE_URL: app, DATABASE_OWNER_URL: owner })).toEqual({ service: 'risk', databaseUrl: app, databaseOwnerUrl: owner, auditYears: 7 });
    expect(() => loadMigrationSettings('risk', { DATABASE_URL: app })).toThrow('DATABASE_OWNER_URL is required for migrations in production');
    expect(() => loadMigrationSettings('risk', { DATABASE_URL: app, DATABASE_OWNER_URL: 'postgres://owner:secret@db/korgoo' })).toThrow(
      'a database password is missing or weak',
    );
    expect(() => loadMigrationSettings('risk', { NODE_ENV: 'development', DATABASE_URL: 'mysql://x' })).toThrow('DATABASE_URL must be a postgres:// URL');
  });

  it('lets a service run its migrations at start or only verify them', () => {
    expect(loadConfig('risk', { NODE_ENV: 'development' }).migrations).toBe('run');
    expect(loadConfig('risk', { NODE_ENV: 'development', MIGRATIONS: 'verify' }).migrations).toBe('verify');
    expect(() => loadConfig('risk', { NODE_ENV: 'development', MIGRATIONS: 'skip' })).toThrow('MIGRATIONS must be run or verify');
  });

  it('warms a service before it reports ready unless told not to', () => {
    expect(loadConfig('risk', { NODE_ENV: 'development' }).warmup).toBe(true);
    expect(loadConfig('risk', { NODE_ENV: 'development', SERVICE_WARMUP: 'off' }).warmup).toBe(false);
    expect(() => loadConfig('risk', { NODE_ENV: 'development', SERVICE_WARMUP: 'yes' })).toThrow('SERVICE_WARMUP must be on or off');
  });

  it("waits longer for a batch in the services off the order's way to the inbox, unless told otherwise", () => {
    const linger = (service: 'matching' | 'reporting', env: Record<string, string> = {}) =>
      loadConfig(service, { NODE_ENV: 'development', ...env }).messaging.batchLingerMs;
    expect([linger('matching'), linger('reporting')]).toEqual([3, 20]);
    expect(linger('reporting', { MESSAGING_BATCH_LINGER_MS: '0' })).toBe(0);
    expect(() => linger('matching', { MESSAGING_BATCH_LINGER_MS: '51' })).toThrow('MESSAGING_BATCH_LINGER_MS');
  });
});

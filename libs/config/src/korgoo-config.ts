import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { secretWeakness } from './secret-strength';

export type ServiceName = 'gateway' | 'risk' | 'matching' | 'notification' | 'programme' | 'reporting';
export type RuntimeEnvironment = 'development' | 'test' | 'production';

const DEVELOPMENT_JWT_SECRET = 'korgoo-development-only-secret';
const DEVELOPMENT_PERSON_PSEUDONYM_KEY = 'korgoo-development-only-person-pseudonym-key';
/** Published, so refused in production: anyone could open what it sealed. */
/** The services that seal personal data at rest, and what they seal. */
const SEALED_AT_REST: Record<string, string> = { gateway: 'names and notes', notification: 'contact addresses' };
const DEVELOPMENT_FIELD_ENCRYPTION_KEYS = 'development:a29yZ29vLWRldmVsb3BtZW50LWZpZWxkLWtleS0zMiE=';
export const DEFAULT_HTTP_PORTS: Record<ServiceName, number> = {
  gateway: 3000,
  risk: 3001,
  matching: 3002,
  notification: 3003,
  programme: 3004,
  reporting: 3005,
};

/**
 * How long a free worker of each service waits for a partial batch to grow. On the way from an order's 201 to
 * the centre's inbox a wait is paid at every hop, so those services wait 3 ms (at 50 orders/s, a tenth off the
 * statements per order). Programme and reporting are off that way and hear several events an order: a longer
 * wait lets them commit a few together at low rates, where each would otherwise pay its own transaction.
 */
export const DEFAULT_BATCH_LINGER_MS: Record<ServiceName, number> = {
  gateway: 3,
  risk: 3,
  matching: 3,
  notification: 3,
  programme: 20,
  reporting: 20,
};

const toNumber = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** What opening a service's schema needs: all that its migration Job is given. */
class DatabaseVariables {
  /** Production unless said otherwise: only `npm start` and the test harness choose development or test. */
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: RuntimeEnvironment = 'production';

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/korgoo';

  /**
   * The schema owner that runs migrations; the service itself then connects as DATABASE_URL's user, who is
   * given the service's own role and nothing else. Unset: one login does both (development).
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_OWNER_URL must be a postgres:// URL' })
  DATABASE_OWNER_URL?: string;

  /** The audit log's term, written into the gateway's schema by its owner (who also migrates). */
  @Transform(toNumber) @IsInt() @Min(5, { message: 'RETENTION_AUDIT_YEARS must be at least 5 (the database keeps younger entries)' }) @Max(100) RETENTION_AUDIT_YEARS = 7;
}

/** Environment variables every service understands; validated once at start-up. */
class EnvironmentVariables extends DatabaseVariables {
  /**
   * `run`: migrate as DATABASE_OWNER_URL at start (development, compose). `verify`: the migration Job did it
   * (tools/migrate.ts); the service holds no owner credentials and refuses to start on a schema behind its code.
   */
  @IsIn(['run', 'verify'], { message: 'MIGRATIONS must be run or verify' })
  MIGRATIONS: 'run' | 'verify' = 'run';

  @Matches(/^(nats|tls):\/\//, { message: 'NATS_URL must be a nats:// URL (comma-separated for a cluster)' })
  NATS_URL = 'nats://127.0.0.1:4222';

  /** This service's NATS password; its NATS user is the service's name (one user per service). */
  @IsOptional() @IsString() NATS_PASSWORD?: string;
  @IsOptional() @IsString() NATS_USER?: string;
  /** TLS to NATS: the CA that signed the servers' certificates, and a client certificate where required. */
  @IsOptional() @IsString() NATS_TLS_CA_FILE?: string;
  @IsOptional() @IsString() NATS_TLS_CERT_FILE?: string;
  @IsOptional() @IsString() NATS_TLS_KEY_FILE?: string;

  /** Isolates one deployment (or one test run) on a shared NATS: prefixes every subject and stream. */
  @Matches(/^[a-z][a-z0-9_]{0,30}$/, { message: 'KORGOO_NAMESPACE must be lower-case letters, digits or _' })
  KORGOO_NAMESPACE = 'korgoo';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Gateway only: the key of the keyed hash that turns a personal number (ПИН) into a pseudonymous person id. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'PERSON_PSEUDONYM_KEY must be at least 32 characters' })
  PERSON_PSEUDONYM_KEY?: string;

  /**
   * Gateway only: the keys that seal names and officers' notes at rest, `id:base64` (32 bytes each,
   * `openssl rand -base64 32`), comma-separated; the first seals, every one listed opens.
   */
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,32}:[A-Za-z0-9+/]{43}=(\s*,\s*[a-z0-9-]{1,32}:[A-Za-z0-9+/]{43}=)*$/, {
    message: 'FIELD_ENCRYPTION_KEYS must be id:base64 pairs of 32-byte keys, comma-separated (openssl rand -base64 32)',
  })
  FIELD_ENCRYPTION_KEYS?: string;

  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT?: number;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Rehearsals and tests only: every service's clock can be moved over NATS (`test.clock.set.v1`); refused in production. */
  @IsOptional() @IsIn(['true', 'false']) KORGOO_TEST_CLOCK?: string;

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(100)
  MESSAGING_MAX_DELIVER = 5;

  @Transform(toNumber)
  @IsInt()
  @Min(10)
  MESSAGING_ACK_WAIT_MS = 30000;

  @Transform(toNumber)
  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS = 500;

  /** Messages one consumer handles at once; keep it below DB_POOL_SIZE. */
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(64)
  MESSAGING_CONCURRENCY = 4;

  /**
   * Milliseconds a free worker waits for more events before committing a partial batch; 0 commits at once.
   * Each service's own default otherwise (`DEFAULT_BATCH_LINGER_MS`).
   */
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(50)
  MESSAGING_BATCH_LINGER_MS?: number;

  /** JetStream stream replicas: 1 on one server, 3 in the clustered deployment. */
  @Transform(toNumber)
  @IsIn([1, 3, 5], { message: 'STREAM_REPLICAS must be 1, 3 or 5' })
  STREAM_REPLICAS = 1;

  /**
   * How long the history streams keep events for a rebuild of the indicators: the order retention term and a
   * year for orders still running; never less than the 18 months the repeat-order indicator looks back.
   */
  @Transform(toNumber)
  @IsInt()
  @Min(550, { message: 'HISTORY_MAX_AGE_DAYS must be at least 550 (the repeat-order window and an order)' })
  HISTORY_MAX_AGE_DAYS = 2190;

  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(64)
  DB_POOL_SIZE = 10;

  /**
   * `on`: statements a service sends often go as prepared statements, planned once per connection. `off` behind a
   * pooler in transaction mode (PgBouncer before 1.21), which would hand them to another connection.
   */
  @IsIn(['on', 'off'], { message: 'DB_PREPARED_STATEMENTS must be on or off' })
  DB_PREPARED_STATEMENTS: 'on' | 'off' = 'on';

  /** `on`: before it reports ready, a service runs its hot paths on nothing real, so its first events are not slow. */
  @IsIn(['on', 'off'], { message: 'SERVICE_WARMUP must be on or off' })
  SERVICE_WARMUP: 'on' | 'off' = 'on';

  // Risk: a local priority policy replaces the default one only as a whole, under its own version.
  @IsOptional() @Matches(/^[a-z0-9][a-z0-9.-]{1,40}$/, { message: 'PRIORITY_POLICY_VERSION must be a short version name' })
  PRIORITY_POLICY_VERSION?: string;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(0) @Max(13) PRIORITY_URGENT_FROM_SCORE?: number;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(0) @Max(13) PRIORITY_HIGH_FROM_SCORE?: number;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(1) @Max(168) ACK_HOURS_URGENT?: number;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(1) @Max(168) ACK_HOURS_HIGH?: number;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(1) @Max(168) ACK_HOURS_STANDARD?: number;

  // Matching
  @IsOptional() @Matches(/^https?:\/\//, { message: 'OSRM_URL must be an http(s) URL' }) OSRM_URL?: string;
  @Transform(toNumber) @IsInt() @Min(1) @Max(10) ROUTING_HANDOFF_LIMIT = 2;
  @Transform(toNumber) @IsInt() @Min(0) @Max(168) FIRST_SESSION_MARGIN_HOURS = 24;
  /** One-way travel beyond which no centre is proposed: nobody attends four weekly sessions farther away. */
  @Transform(toNumber) @IsInt() @Min(15) @Max(1440) MAX_TRAVEL_MINUTES = 180;
  @Transform(toNumber) @IsInt() @Min(50) DEADLINE_POLL_MS = 1000;
  /** How often coordinators are reminded of an escalated or unroutable referral that still waits for them. */
  @Transform(toNumber) @IsInt() @Min(1) @Max(168) DECISION_REMINDER_HOURS = 4;
  /** How long before a group meeting one below its minimum is merged into another or kept to run anyway. */
  @Transform(toNumber) @IsInt() @Min(1) @Max(336) GROUP_DECISION_LEAD_HOURS = 48;
  /** Rehearsals and tests only: short acknowledgement windows such as `urgent=3s,high=5s`. */
  @IsOptional() @IsString() ACKNOWLEDGE_WINDOWS?: string;

  // Programme: the named refusal policy, the attendance reminder and the timer poll.
  @Matches(/^(second-unexcused-or-cannot-finish|unexcused-limit-[1-4])$/, {
    message: 'REFUSAL_POLICY must be second-unexcused-or-cannot-finish or unexcused-limit-<1-4>',
  })
  REFUSAL_POLICY = 'second-unexcused-or-cannot-finish';
  @Transform(toNumber) @IsInt() @Min(1) @Max(168) ATTENDANCE_REMINDER_HOURS = 24;
  @Transform(toNumber) @IsInt() @Min(50) PROGRAMME_TIMER_POLL_MS = 1000;
  /** Months after completion of each monitoring meeting: at least three, rising, within the 18 months. */
  @Matches(/^\d{1,2}(,\d{1,2}){2,17}$/, { message: 'MONITORING_MONTHS must list at least three months such as 1,6,18' })
  MONITORING_MONTHS = '1,6,18';

  // Retention (gateway): personal data of an order kept this many years after its case closes; a case that
  // never reports an end counts as closed two years after the order's expiry (programme and follow-up).
  @Transform(toNumber) @IsInt() @Min(1) @Max(75) RETENTION_ORDER_YEARS = 5;
  @Transform(toNumber) @IsInt() @Min(50) RETENTION_POLL_MS = 3_600_000;
  // The audit log (gateway) is kept this many years: the order term plus the two years a case may run, so the
  // trace of who saw a case outlasts its data. The database holds the term too and refuses one under five
  // years (migration 1770000000000-audit-retention), so a shorter term is refused here.
  // A refresh token is deleted this many days after it expired or was revoked (gateway).
  @Transform(toNumber) @IsInt() @Min(1) @Max(3650) RETENTION_REFRESH_TOKEN_DAYS = 30;

  // Notification: an immediate-danger alert or an Article 72 notice nobody acknowledged is told again.
  @Transform(toNumber) @IsInt() @Min(1) @Max(240) ESCALATE_DANGER_EVERY_MINUTES = 15;
  @Transform(toNumber) @IsInt() @Min(0) @Max(96) ESCALATE_DANGER_ROUNDS = 8;
  @Transform(toNumber) @IsInt() @Min(1) @Max(168) ESCALATE_NOTICE_EVERY_HOURS = 24;
  @Transform(toNumber) @IsInt() @Min(0) @Max(14) ESCALATE_NOTICE_ROUNDS = 3;
  @Transform(toNumber) @IsInt() @Min(50) ESCALATION_POLL_MS = 5000;

  // Notification providers: each is off unless configured.
  @IsOptional() @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' }) SMTP_URL?: string;
  @IsOptional() @IsString() SMTP_FROM?: string;
  @IsOptional() @Matches(/^https?:\/\//, { message: 'SMS_GATEWAY_URL must be an http(s) URL' }) SMS_GATEWAY_URL?: string;
  @IsOptional() @IsString() SMS_GATEWAY_TOKEN?: string;
  @IsOptional() @IsString() SMS_SENDER_ID?: string;
  @IsOptional() @IsString() @MinLength(16, { message: 'SMS_WEBHOOK_SECRET must be at least 16 characters' }) SMS_WEBHOOK_SECRET?: string;
  @IsOptional() @Matches(/^https?:\/\//, { message: 'TELEGRAM_API_URL must be an http(s) URL' }) TELEGRAM_API_URL?: string;
  @IsOptional() @IsString() TELEGRAM_BOT_TOKEN?: string;
  @Transform(toNumber) @IsInt() @Min(100) BREAKER_TIMEOUT_MS = 5000;
  @Transform(toNumber) @IsInt() @Min(1) @Max(100) BREAKER_ERROR_THRESHOLD_PERCENT = 50;
  @Transform(toNumber) @IsInt() @Min(100) BREAKER_RESET_MS = 30000;
  @Transform(toNumber) @IsInt() @Min(1) BREAKER_VOLUME_THRESHOLD = 3;

  // The public HTTP edge.
  /** Browser origins allowed to call the API from another origin, comma-separated; none by default. */
  @IsOptional() @Matches(/^https?:\/\/[^\s,/]+(\s*,\s*https?:\/\/[^\s,/]+)*$/, { message: 'CORS_ORIGINS must be comma-separated origins such as https://korgoo.kg' })
  CORS_ORIGINS?: string;
  @Matches(/^[1-9][0-9]*(b|kb|mb)$/i, { message: 'HTTP_BODY_LIMIT must be a size such as 100kb' }) HTTP_BODY_LIMIT = '100kb';
  /** Reverse proxies in front of the service (ingress: 1), so the client address is the real one. */
  @Transform(toNumber) @IsInt() @Min(0) @Max(5) TRUST_PROXY_HOPS = 0;
  @Transform(toNumber) @IsInt() @Min(1) THROTTLE_LOGIN_PER_MINUTE = 10;
  @Transform(toNumber) @IsInt() @Min(1) THROTTLE_PUBLIC_PER_MINUTE = 60;
  @Transform(toNumber) @IsInt() @Min(1) THROTTLE_WRITES_PER_MINUTE = 120;
  @Transform(toNumber) @IsInt() @Min(1) THROTTLE_READS_PER_MINUTE = 600;
  /**
   * Password checks one gateway starts per second from all addresses together (503 beyond), and its burst. A
   * fraction is a slower refill (0.5: one check every two seconds) for a small office's gateway.
   */
  @Transform(toNumber) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0.01) SIGN_IN_CHECKS_PER_SECOND = 2;
  @Transform(toNumber) @IsInt() @Min(1) SIGN_IN_CHECKS_BURST = 10;
  /** OpenAPI at /api/docs: on outside production unless turned off. */
  @IsOptional() @IsIn(['on', 'off'], { message: 'API_DOCS must be on or off' }) API_DOCS?: 'on' | 'off';
  /** Bearer token Prometheus presents for /metrics in production; without one /metrics is off there. */
  @IsOptional() @IsString() METRICS_TOKEN?: string;
}

export interface KorgooConfig {
  service: ServiceName;
  environment: RuntimeEnvironment;
  databaseUrl: string;
  /** Runs the migrations and grants the service's role; the same as databaseUrl when no owner is set. */
  databaseOwnerUrl: string;
  migrations: 'run' | 'verify';
  natsServers: string[];
  /** null: an open NATS (development and tests on a shared local server). */
  natsCredentials: { user: string; password: string } | null;
  natsTls: { caFile?: string; certFile?: string; keyFile?: string } | null;
  namespace: string;
  jwtSecret: string;
  /** Only the gateway reads it. Null in production until set: personal numbers are then not linked at all. */
  personPseudonymKey: string | null;
  /** Only the gateway reads it; a development key outside production, required in production. */
  fieldEncryptionKeys: string;
  httpPort: number;
  logLevel: string;
  dbPoolSize: number;
  dbPreparedStatements: boolean;
  /** Warm the pool, the contracts and the queries before consuming and before /health answers. */
  warmup: boolean;
  messaging: {
    maxDeliver: number;
    ackWaitMs: number;
    outboxPollMs: number;
    streamReplicas: number;
    historyMaxAgeDays: number;
    concurrency: number;
    batchLingerMs: number;
  };
  risk: {
    priorityPolicy: {
      version: string;
      urgentFromScore?: number;
      highFromScore?: number;
      ackDeadlineHours: { urgent?: number; high?: number; standard?: number };
    } | null;
  };
  routing: {
    osrmUrl: string | null;
    handOffLimit: number;
    firstSessionMarginHours: number;
    maxTravelMinutes: number;
    deadlinePollMs: number;
    decisionReminderHours: number;
    /** How long before a group meeting its size is decided: merged into another, or run below its minimum. */
    groupDecisionLeadHours: number;
    acknowledgeWindows: string | null;
  };
  http: {
    corsOrigins: string[];
    bodyLimit: string;
    trustProxyHops: number;
    throttle: { loginPerMinute: number; publicPerMinute: number; writesPerMinute: number; readsPerMinute: number };
    signInChecks: { perSecond: number; burst: number };
    apiDocs: boolean;
    /** null: /metrics is open outside production and off in production. */
    metricsToken: string | null;
  };
  programme: { refusalPolicy: string; attendanceReminderHours: number; timerPollMs: number; monitoringMonths: number[] };
  retention: { orderYears: number; pollMs: number; refreshTokenDays: number; auditYears: number };
  escalation: { dangerEveryMinutes: number; dangerRounds: number; noticeEveryHours: number; noticeRounds: number; pollMs: number };
  /** Rehearsals and tests only: the service's clock can be moved over NATS (`test.clock.set.v1`). */
  testClock: boolean;
  providers: {
    smtp: { url: string; from: string } | null;
    sms: { url: string; token: string; senderId: string; webhookSecret: string | null } | null;
    telegram: { apiUrl: string; botToken: string } | null;
    breaker: { timeoutMs: number; errorThresholdPercent: number; resetMs: number; volumeThreshold: number };
  };
}

export class ConfigurationError extends Error {}

/** Production runs only on secrets of its own: no fallback, no published placeholder, nothing guessable. */
function refuseWeakProductionSecrets(vars: EnvironmentVariables): void {
  if (!vars.JWT_SECRET) {
    throw new ConfigurationError('JWT_SECRET is required in production (NODE_ENV unset means production)');
  }
  if (!vars.NATS_PASSWORD) {
    throw new ConfigurationError('NATS_PASSWORD is required in production: every service has a NATS user of its own');
  }
  const secrets: Array<[string, string | undefined]> = [
    ['JWT_SECRET', vars.JWT_SECRET],
    ['SMS_WEBHOOK_SECRET', vars.SMS_WEBHOOK_SECRET],
    ['PERSON_PSEUDONYM_KEY', vars.PERSON_PSEUDONYM_KEY],
    ['METRICS_TOKEN', vars.METRICS_TOKEN],
    ['NATS_PASSWORD', vars.NATS_PASSWORD],
    ['the DATABASE_URL password', databasePassword(vars.DATABASE_URL)],
    ['the DATABASE_OWNER_URL password', vars.DATABASE_OWNER_URL ? databasePassword(vars.DATABASE_OWNER_URL) : undefined],
  ];
  const refusals = secrets.flatMap(([name, value]) => {
    const weakness = value === undefined ? null : secretWeakness(value);
    return weakness ? [`${name} ${weakness}`] : [];
  });
  if (refusals.length > 0) throw new ConfigurationError(`Refusing to start in production: ${refusals.join('; ')}`);
}

function databasePassword(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

/** The only place that reads process.env; everything else receives a typed KorgooConfig. */
export function loadConfig(service: ServiceName, env: NodeJS.ProcessEnv = process.env): KorgooConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const vars = plainToInstance(EnvironmentVariables, defined, { exposeDefaultValues: true });
  const errors = validateSync(vars, { whitelist: false });
  if (errors.length > 0) {
    const details = errors.flatMap((error) => Object.values(error.constraints ?? {}));
    throw new ConfigurationError(`Invalid configuration for ${service}: ${details.join('; ')}`);
  }
  const priorityOverrides = [
    vars.PRIORITY_URGENT_FROM_SCORE,
    vars.PRIORITY_HIGH_FROM_SCORE,
    vars.ACK_HOURS_URGENT,
    vars.ACK_HOURS_HIGH,
    vars.ACK_HOURS_STANDARD,
  ].some((value) => value !== undefined);
  if (priorityOverrides && !vars.PRIORITY_POLICY_VERSION) {
    throw new ConfigurationError('PRIORITY_POLICY_VERSION is required when the priority policy is changed');
  }
  if (vars.MESSAGING_CONCURRENCY >= vars.DB_POOL_SIZE) {
    throw new ConfigurationError('MESSAGING_CONCURRENCY must be below DB_POOL_SIZE, or handlers starve queries of connections');
  }
  if (vars.ACKNOWLEDGE_WINDOWS && vars.NODE_ENV === 'production') {
    throw new ConfigurationError('ACKNOWLEDGE_WINDOWS is for rehearsals and tests; production follows the risk policy');
  }
  if (vars.NODE_ENV === 'production') refuseWeakProductionSecrets(vars);
  if (vars.NODE_ENV === 'production' && service in SEALED_AT_REST && !vars.FIELD_ENCRYPTION_KEYS) {
    throw new ConfigurationError(`FIELD_ENCRYPTION_KEYS is required for the ${service} service in production: ${SEALED_AT_REST[service]} are sealed with it`);
  }
  if (vars.NODE_ENV === 'production' && vars.FIELD_ENCRYPTION_KEYS?.includes(DEVELOPMENT_FIELD_ENCRYPTION_KEYS)) {
    throw new ConfigurationError('FIELD_ENCRYPTION_KEYS holds the published development key; generate one with openssl rand -base64 32');
  }
  // Even rounded, where a perpetrator lives must not cross the network in clear text.
  if (vars.NODE_ENV === 'production' && vars.OSRM_URL?.startsWith('http://')) {
    throw new ConfigurationError('OSRM_URL must be https in production: routing requests carry where the person lives');
  }
  if (vars.KORGOO_TEST_CLOCK === 'true' && vars.NODE_ENV === 'production') {
    throw new ConfigurationError('KORGOO_TEST_CLOCK is for rehearsals and tests; production keeps the system clock');
  }
  return {
    service,
    environment: vars.NODE_ENV,
    databaseUrl: vars.DATABASE_URL,
    databaseOwnerUrl: vars.DATABASE_OWNER_URL ?? vars.DATABASE_URL,
    migrations: vars.MIGRATIONS,
    natsServers: vars.NATS_URL.split(',').map((url) => url.trim()),
    natsCredentials: vars.NATS_PASSWORD ? { user: vars.NATS_USER ?? service, password: vars.NATS_PASSWORD } : null,
    natsTls:
      vars.NATS_TLS_CA_FILE || vars.NATS_TLS_CERT_FILE || vars.NATS_URL.startsWith('tls://')
        ? { caFile: vars.NATS_TLS_CA_FILE, certFile: vars.NATS_TLS_CERT_FILE, keyFile: vars.NATS_TLS_KEY_FILE }
        : null,
    namespace: vars.KORGOO_NAMESPACE,
    jwtSecret: vars.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
    personPseudonymKey: vars.PERSON_PSEUDONYM_KEY ?? (vars.NODE_ENV === 'production' ? null : DEVELOPMENT_PERSON_PSEUDONYM_KEY),
    fieldEncryptionKeys: vars.FIELD_ENCRYPTION_KEYS ?? DEVELOPMENT_FIELD_ENCRYPTION_KEYS,
    httpPort: vars.HTTP_PORT ?? DEFAULT_HTTP_PORTS[service],
    logLevel: vars.LOG_LEVEL,
    dbPoolSize: vars.DB_POOL_SIZE,
    dbPreparedStatements: vars.DB_PREPARED_STATEMENTS === 'on',
    warmup: vars.SERVICE_WARMUP === 'on',
    messaging: {
      maxDeliver: vars.MESSAGING_MAX_DELIVER,
      ackWaitMs: vars.MESSAGING_ACK_WAIT_MS,
      outboxPollMs: vars.OUTBOX_POLL_MS,
      streamReplicas: vars.STREAM_REPLICAS,
      historyMaxAgeDays: vars.HISTORY_MAX_AGE_DAYS,
      concurrency: vars.MESSAGING_CONCURRENCY,
      batchLingerMs: vars.MESSAGING_BATCH_LINGER_MS ?? DEFAULT_BATCH_LINGER_MS[service],
    },
    risk: {
      priorityPolicy: vars.PRIORITY_POLICY_VERSION
        ? {
            version: vars.PRIORITY_POLICY_VERSION,
            urgentFromScore: vars.PRIORITY_URGENT_FROM_SCORE,
            highFromScore: vars.PRIORITY_HIGH_FROM_SCORE,
            ackDeadlineHours: { urgent: vars.ACK_HOURS_URGENT, high: vars.ACK_HOURS_HIGH, standard: vars.ACK_HOURS_STANDARD },
          }
        : null,
    },
    routing: {
      osrmUrl: vars.OSRM_URL ?? null,
      handOffLimit: vars.ROUTING_HANDOFF_LIMIT,
      firstSessionMarginHours: vars.FIRST_SESSION_MARGIN_HOURS,
      maxTravelMinutes: vars.MAX_TRAVEL_MINUTES,
      deadlinePollMs: vars.DEADLINE_POLL_MS,
      decisionReminderHours: vars.DECISION_REMINDER_HOURS,
      groupDecisionLeadHours: vars.GROUP_DECISION_LEAD_HOURS,
      acknowledgeWindows: vars.ACKNOWLEDGE_WINDOWS?.trim() || null,
    },
    http: {
      corsOrigins: vars.CORS_ORIGINS?.split(',').map((origin) => origin.trim()) ?? [],
      bodyLimit: vars.HTTP_BODY_LIMIT.toLowerCase(),
      trustProxyHops: vars.TRUST_PROXY_HOPS,
      throttle: {
        loginPerMinute: vars.THROTTLE_LOGIN_PER_MINUTE,
        publicPerMinute: vars.THROTTLE_PUBLIC_PER_MINUTE,
        writesPerMinute: vars.THROTTLE_WRITES_PER_MINUTE,
        readsPerMinute: vars.THROTTLE_READS_PER_MINUTE,
      },
      signInChecks: { perSecond: vars.SIGN_IN_CHECKS_PER_SECOND, burst: vars.SIGN_IN_CHECKS_BURST },
      apiDocs: vars.API_DOCS ? vars.API_DOCS === 'on' : vars.NODE_ENV !== 'production',
      metricsToken: vars.METRICS_TOKEN ?? null,
    },
    programme: {
      refusalPolicy: vars.REFUSAL_POLICY,
      attendanceReminderHours: vars.ATTENDANCE_REMINDER_HOURS,
      timerPollMs: vars.PROGRAMME_TIMER_POLL_MS,
      monitoringMonths: vars.MONITORING_MONTHS.split(',').map(Number),
    },
    retention: {
      orderYears: vars.RETENTION_ORDER_YEARS,
      pollMs: vars.RETENTION_POLL_MS,
      refreshTokenDays: vars.RETENTION_REFRESH_TOKEN_DAYS,
      auditYears: vars.RETENTION_AUDIT_YEARS,
    },
    escalation: {
      dangerEveryMinutes: vars.ESCALATE_DANGER_EVERY_MINUTES,
      dangerRounds: vars.ESCALATE_DANGER_ROUNDS,
      noticeEveryHours: vars.ESCALATE_NOTICE_EVERY_HOURS,
      noticeRounds: vars.ESCALATE_NOTICE_ROUNDS,
      pollMs: vars.ESCALATION_POLL_MS,
    },
    testClock: vars.KORGOO_TEST_CLOCK === 'true',
    providers: {
      smtp: vars.SMTP_URL ? { url: vars.SMTP_URL, from: vars.SMTP_FROM ?? 'Korgoo <no-reply@korgoo.kg>' } : null,
      sms:
        vars.SMS_GATEWAY_URL && vars.SMS_GATEWAY_TOKEN
          ? {
              url: vars.SMS_GATEWAY_URL,
              token: vars.SMS_GATEWAY_TOKEN,
              senderId: vars.SMS_SENDER_ID ?? 'Korgoo',
              webhookSecret: vars.SMS_WEBHOOK_SECRET ?? null,
            }
          : null,
      telegram:
        vars.TELEGRAM_API_URL && vars.TELEGRAM_BOT_TOKEN
          ? { apiUrl: vars.TELEGRAM_API_URL, botToken: vars.TELEGRAM_BOT_TOKEN }
          : null,
      breaker: {
        timeoutMs: vars.BREAKER_TIMEOUT_MS,
        errorThresholdPercent: vars.BREAKER_ERROR_THRESHOLD_PERCENT,
        resetMs: vars.BREAKER_RESET_MS,
        volumeThreshold: vars.BREAKER_VOLUME_THRESHOLD,
      },
    },
  };
}

/** What the migration Job of one service needs, and nothing else it could leak. */
export interface MigrationSettings {
  service: ServiceName;
  databaseUrl: string;
  databaseOwnerUrl: string;
  /** The audit log's term the gateway's owner keeps in its schema. */
  auditYears: number;
}

/** The migration Job's settings: the service's login (to grant it its role) and the schema owner's. */
export function loadMigrationSettings(service: ServiceName, env: NodeJS.ProcessEnv = process.env): MigrationSettings {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const vars = plainToInstance(DatabaseVariables, defined, { exposeDefaultValues: true });
  const errors = validateSync(vars, { whitelist: false });
  if (errors.length > 0) {
    throw new ConfigurationError(`Invalid migration settings for ${service}: ${errors.flatMap((e) => Object.values(e.constraints ?? {})).join('; ')}`);
  }
  if (vars.NODE_ENV === 'production') {
    if (!vars.DATABASE_OWNER_URL) throw new ConfigurationError('DATABASE_OWNER_URL is required for migrations in production');
    const weak = [vars.DATABASE_URL, vars.DATABASE_OWNER_URL].map(databasePassword).some((password) => password === undefined || secretWeakness(password) !== null);
    if (weak) throw new ConfigurationError('Refusing to migrate in production: a database password is missing or weak');
  }
  return {
    service,
    databaseUrl: vars.DATABASE_URL,
    databaseOwnerUrl: vars.DATABASE_OWNER_URL ?? vars.DATABASE_URL,
    auditYears: vars.RETENTION_AUDIT_YEARS,
  };
}

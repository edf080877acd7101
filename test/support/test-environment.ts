import { Client } from 'pg';

/** The Postgres the tests run against: the machine's own, or a URL from the environment. */
export const ADMIN_DATABASE_URL = process.env.KORGOO_TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Tests log in and post far more often than people do; the throttling suite sets its own limits. */
export const GENEROUS_THROTTLING = {
  THROTTLE_LOGIN_PER_MINUTE: '1000000',
  THROTTLE_PUBLIC_PER_MINUTE: '1000000',
  THROTTLE_WRITES_PER_MINUTE: '1000000',
  THROTTLE_READS_PER_MINUTE: '1000000',
  SIGN_IN_CHECKS_PER_SECOND: '1000000',
  SIGN_IN_CHECKS_BURST: '1000000',
};

/** The secret every test stack signs its tokens with; a forger's test signs with it too. */
export const TEST_JWT_SECRET = 'integration-tests-secret-that-is-long-enough';

/**
 * What every test stack gives each of its services: the stack's database, NATS and namespace, the test clock,
 * generous throttling, quiet logs and no warm-up.
 */
export function stackEnv(stack: { databaseUrl: string | undefined; natsUrl: string; namespace: string }): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    DATABASE_URL: stack.databaseUrl,
    NATS_URL: stack.natsUrl,
    KORGOO_NAMESPACE: stack.namespace,
    JWT_SECRET: TEST_JWT_SECRET,
    ...GENEROUS_THROTTLING,
    LOG_LEVEL: process.env.KORGOO_TEST_LOG_LEVEL ?? 'warn',
    // Suites start services hundreds of times: no warm-up there; test/warm-up.test.ts starts one with it.
    SERVICE_WARMUP: 'off',
    KORGOO_TEST_CLOCK: 'true',
  };
}

/** The login each service connects as in tests: it holds only the service's own role (see service-role.ts). */
export const serviceLogin = (service: string): string => `korgoo_test_${service}_app`;

/**
 * A service connects with its own least-privileged login and migrates as the schema owner, as in
 * production; so every integration test also proves that no service reaches into another's schema.
 */
export function leastPrivilegeDatabase(service: string, database: string): { DATABASE_URL: string; DATABASE_OWNER_URL: string } {
  const login = new URL(databaseUrl(database));
  login.username = serviceLogin(service);
  login.password = '';
  return { DATABASE_URL: login.toString(), DATABASE_OWNER_URL: databaseUrl(database) };
}

/** Logins are cluster-wide and outlive a run: created once, with no rights of their own. */
export async function createServiceLogins(client: Client, services: readonly string[]): Promise<void> {
  for (const service of services) {
    await client.query(`DO $$ BEGIN CREATE ROLE ${serviceLogin(service)} LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
  }
}

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

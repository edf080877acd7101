import { Client } from 'pg';

/** Postgres and NATS the tests run against: the machine's own, or URLs from the environment. */
export const ADMIN_DATABASE_URL = process.env.KORGOO_TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

/** Tests log in and post far more often than people do; the throttling suite sets its own limits. */
export const GENEROUS_THROTTLING = {
  THROTTLE_LOGIN_PER_MINUTE: '1000000',
  THROTTLE_WRITES_PER_MINUTE: '1000000',
  THROTTLE_READS_PER_MINUTE: '1000000',
};

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

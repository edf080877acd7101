import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { natsServerBinary, PrivateNats } from '../../tools/private-nats';
import { freePort, SERVICES } from '../../tools/service-process';
import { harnessUser } from './test-nats';
import { createServiceLogins, databaseUrl, withAdminClient } from './test-environment';

/**
 * One database and one NATS namespace per test run: runs never see each other's rows, streams or
 * subjects, and the machine's own development data is never touched. NATS is a server of the run's own
 * with a user per service, as in production (see test-nats.ts).
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const database = `korgoo_test_${runId}`;
  const namespace = `t${runId}`;
  await withAdminClient(async (client) => {
    await client.query(`CREATE DATABASE ${database}`);
    await createServiceLogins(client, SERVICES);
  });
  const binary = natsServerBinary();
  if (!binary) {
    throw new Error('The integration tests run a NATS server of their own: install nats-server (Debian: apt-get install nats-server) or set NATS_SERVER_BIN');
  }
  const dir = mkdtempSync(join(tmpdir(), 'korgoo-test-nats-'));
  const secret = randomBytes(24).toString('base64url');
  // Only the harness to begin with: each stack admits its namespace's services (nats-namespaces.ts).
  const nats = new PrivateNats(binary, await freePort(), dir, [harnessUser(secret)]);
  await nats.start();
  // globalTeardown runs in this same context and stops it.
  (globalThis as { korgooTestNats?: PrivateNats }).korgooTestNats = nats;
  process.env.KORGOO_TEST_DATABASE = database;
  process.env.KORGOO_TEST_DATABASE_URL = databaseUrl(database);
  process.env.KORGOO_TEST_NAMESPACE = namespace;
  process.env.KORGOO_TEST_NATS_URL = nats.url;
  process.env.KORGOO_TEST_NATS_DIR = dir;
  process.env.KORGOO_TEST_NATS_PID = String(nats.pid);
  process.env.KORGOO_TEST_NATS_SECRET = secret;
}

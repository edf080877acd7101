import { connect } from '@nats-io/transport-node';
import { SERVICES } from '../../tools/service-process';
import { createServiceLogins, databaseUrl, NATS_URL, withAdminClient } from './test-environment';

/**
 * One database and one NATS namespace per test run: runs never see each other's rows, streams or
 * subjects, and the machine's own development data is never touched.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const database = `korgoo_test_${runId}`;
  await withAdminClient(async (client) => {
    await client.query(`CREATE DATABASE ${database}`);
    await createServiceLogins(client, SERVICES);
  });
  const nc = await connect({ servers: NATS_URL, timeout: 5_000 }).catch((error) => {
    throw new Error(`NATS with JetStream must run at ${NATS_URL} for the integration tests: ${error}`);
  });
  await nc.close();
  process.env.KORGOO_TEST_DATABASE = database;
  process.env.KORGOO_TEST_DATABASE_URL = databaseUrl(database);
  process.env.KORGOO_TEST_NAMESPACE = `t${runId}`;
}

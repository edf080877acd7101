import { rmSync } from 'node:fs';
import { PrivateNats } from '../../tools/private-nats';
import { withAdminClient } from './test-environment';

export default async function globalTeardown(): Promise<void> {
  const database = process.env.KORGOO_TEST_DATABASE;
  if (database) {
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  }
  await (globalThis as { korgooTestNats?: PrivateNats }).korgooTestNats?.stop();
  if (process.env.KORGOO_TEST_NATS_DIR) rmSync(process.env.KORGOO_TEST_NATS_DIR, { recursive: true, force: true });
}

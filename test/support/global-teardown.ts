import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { NATS_URL, withAdminClient } from './test-environment';

export default async function globalTeardown(): Promise<void> {
  const database = process.env.KORGOO_TEST_DATABASE;
  if (database) {
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  }
  const namespace = process.env.KORGOO_TEST_NAMESPACE;
  if (namespace) {
    const nc = await connect({ servers: NATS_URL });
    const jsm = await jetstreamManager(nc);
    for await (const stream of jsm.streams.list()) {
      if (stream.config.name.startsWith(`${namespace.toUpperCase()}_`)) await jsm.streams.delete(stream.config.name);
    }
    await nc.close();
  }
}

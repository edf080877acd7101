import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { MessagingParticipant, TestClockSubjects } from '@korgoo/contracts';
import { NatsUser, serviceNatsUsers, SubjectNamespace } from '@korgoo/messaging';
import { reloadNats, writeNatsConfig } from '../../tools/private-nats';
import { harnessUser, natsPassword, natsUserOf, serviceNatsEnv, testNatsUrl } from './test-nats';
import { until } from './until';

/** The harness, and each service of each namespace with its deployment's permissions plus the test clock. */
export function testNatsUsers(namespaces: string[], secret = process.env.KORGOO_TEST_NATS_SECRET!): NatsUser[] {
  return [
    harnessUser(secret),
    ...namespaces.flatMap((namespace) =>
      serviceNatsUsers(
        namespace,
        (service: MessagingParticipant) => JSON.stringify(natsPassword(natsUserOf(service, namespace), secret)),
        (service) => natsUserOf(service, namespace),
        () => ({ subscribe: [new SubjectNamespace(namespace).subject(TestClockSubjects.Set)] }),
      ),
    ),
  ];
}

/**
 * Gives a namespace's services their users on the run's server before they start. The namespaces admitted
 * so far are files in the server's folder, so each rewrite keeps the others; admitting one twice does nothing.
 */
export async function admitNamespace(namespace: string): Promise<void> {
  const dir = process.env.KORGOO_TEST_NATS_DIR!;
  const admitted = join(dir, 'namespaces');
  mkdirSync(admitted, { recursive: true });
  // Every stack of the run's own namespace asks again; a reload pauses every client, so only once.
  if (!existsSync(join(admitted, namespace))) {
    writeFileSync(join(admitted, namespace), '');
    const url = new URL(testNatsUrl());
    writeNatsConfig(dir, url.hostname, Number(url.port), testNatsUsers(readdirSync(admitted)));
    reloadNats(Number(process.env.KORGOO_TEST_NATS_PID));
  }
  const { NATS_USER, NATS_PASSWORD } = serviceNatsEnv('gateway', namespace);
  await until(async () => {
    const nc = await connect({ servers: testNatsUrl(), user: NATS_USER, pass: NATS_PASSWORD, reconnect: false }).catch(() => null);
    await nc?.close();
    return nc !== null;
  }, `the run's NATS to admit the users of ${namespace}`);
}

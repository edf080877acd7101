import { NatsConnection } from '@nats-io/transport-node';
import { SetTestClockReply, TestClockSubjects } from '@korgoo/contracts';
import { RunningService } from '../../tools/service-process';

/**
 * Moves the clock of every replica still running (KORGOO_TEST_CLOCK) to `at` and waits until each has answered,
 * so whatever the test does next happens at the new time everywhere.
 */
export async function setServiceClocks(
  nc: NatsConnection,
  namespace: string,
  at: Date,
  services: Iterable<RunningService>,
  timeoutMs = 30_000,
): Promise<SetTestClockReply[]> {
  const replicas = [...services].filter((s) => s.child.exitCode === null && s.child.signalCode === null).map((s) => s.name as string);
  const replies = await nc.requestMany(`${namespace}.${TestClockSubjects.Set}`, JSON.stringify({ at: at.toISOString() }), {
    strategy: 'count',
    maxMessages: replicas.length,
    maxWait: timeoutMs,
  });
  const answered: SetTestClockReply[] = [];
  for await (const reply of replies) {
    const body = reply.json<SetTestClockReply | { error: { message: string } }>();
    if ('error' in body) throw new Error(`a service refused to set its clock: ${body.error.message}`);
    answered.push(body);
  }
  const missing = [...replicas];
  for (const { service } of answered) missing.splice(missing.indexOf(service), 1);
  if (missing.length > 0) throw new Error(`clock not set on ${missing.join(', ')} within ${timeoutMs} ms`);
  return answered;
}

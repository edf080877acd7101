import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { EventSubjects } from '@korgoo/contracts';
import { sampleEvent } from '../libs/platform/src/contract-sample';
import { stopService } from '../tools/service-process';
import { MatchingStack } from './support/matching-stack';

/** A digest of every row of every table in the schema: any insert, update or delete changes it. */
async function schemaContents(stack: MatchingStack, schema: string): Promise<Record<string, string>> {
  const tables = await stack.sql<{ name: string }>('SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 ORDER BY 1', [schema]);
  const contents: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await stack.sql<{ digest: string | null }>(
      `SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) AS digest FROM "${schema}"."${name}" t`,
    );
    contents[name] = row.digest ?? 'empty';
  }
  return contents;
}

/** Messages in each of this run's streams. */
async function streamMessages(stack: MatchingStack): Promise<Record<string, number>> {
  const jsm = await jetstreamManager(stack.nc);
  const counts: Record<string, number> = {};
  for await (const stream of jsm.streams.list()) {
    if (stream.config.name.startsWith(`${stack.namespace.toUpperCase()}_`)) counts[stream.config.name] = stream.state.messages;
  }
  return counts;
}

describe('a service warms up before it reports ready', () => {
  const stack = new MatchingStack({ services: [] });

  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('changes nothing in its tables or streams while warming, then takes its events as before', async () => {
    // A first start migrates the schema and creates the streams, so the second start's warm-up is all that could write.
    await stopService(await stack.startOne('risk', { SERVICE_WARMUP: 'off' }));
    const tablesBefore = await schemaContents(stack, 'risk');
    const streamsBefore = await streamMessages(stack);

    const risk = await stack.startOne('risk', { SERVICE_WARMUP: 'on', LOG_LEVEL: 'info' });

    const warmed = risk.output.join('').split('\n').find((line) => line.includes('"msg":"warmed up"'));
    expect(warmed).toBeDefined();
    expect(JSON.parse(warmed!)).toMatchObject({ databaseRounds: expect.any(Number), contractRounds: expect.any(Number) });
    expect(JSON.parse(warmed!).databaseRounds).toBeGreaterThan(0);
    expect(await schemaContents(stack, 'risk')).toEqual(tablesBefore);
    expect(await streamMessages(stack)).toEqual(streamsBefore);

    const orderId = randomUUID();
    const registered = sampleEvent(EventSubjects.OrderRegistered);
    await stack.publish(EventSubjects.OrderRegistered, orderId, { ...(registered.payload as object), orderId }, 'gateway');
    const assessed = await stack.awaitEvent<{ orderId: string }>(EventSubjects.RiskAssessed, (event) => event.correlationId === orderId);
    expect(assessed.payload.orderId).toBe(orderId);
  });
});

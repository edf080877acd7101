import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope, EventSubjects, NotificationSentV1 } from '@korgoo/contracts';
import {
  createMessagingTablesSql,
  GatheredWrite,
  MessagingRuntime,
  PermanentFailure,
  SubjectNamespace,
  writtenInOneStatement,
} from '@korgoo/messaging';
import { harnessCredentials, testNatsUrl } from './support/test-nats';
import { until } from './support/until';

const silent = { info() {}, warn() {}, error() {}, debug() {} };
const SCHEMA = 'messaging_probe';

/** What a handler throws when it lost a race: the consumer runs the event's transaction again at once. */
class LostRace extends Error {}

function notificationSent(): NotificationSentV1 {
  return {
    notificationId: randomUUID(),
    orderId: randomUUID(),
    referralId: randomUUID(),
    sourceEventId: randomUUID(),
    recipientKind: 'coordinators',
    channel: 'inbox',
  };
}

/** The outbox, inbox and dead letters against the real Postgres and JetStream, without any service around them. */
describe('durable messaging', () => {
  const namespace = `${process.env.KORGOO_TEST_NAMESPACE}_m`;
  let dataSource: DataSource;
  let runtime: MessagingRuntime;
  let failuresLeft = 0;
  let racesLeft = 0;
  const applied: string[] = [];
  const outcomes: string[] = [];
  /** Every statement the runtime and the test sent, in order, as TypeORM's logger hears them. */
  const statements: string[] = [];
  /** The parameters of each of `statements`. */
  const parameters: unknown[] = [];
  /** Withdrawals whose gathered row cannot be written, and those whose handler reads though it says it only gathers. */
  const unwritable = new Set<string>();
  const readingFirst = new Set<string>();

  beforeAll(async () => {
    dataSource = new DataSource({
      type: 'postgres',
      url: process.env.KORGOO_TEST_DATABASE_URL,
      logging: ['query'],
      logger: {
        logQuery: (sql, params) => void (statements.push(sql), parameters.push(params ?? [])),
        logQueryError() {},
        logQuerySlow() {},
        logSchemaBuild() {},
        logMigration() {},
        log() {},
      },
    });
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA ${SCHEMA}`);
    for (const sql of createMessagingTablesSql(SCHEMA)) await dataSource.query(sql);
    await dataSource.query(`CREATE TABLE ${SCHEMA}.applied (event_id uuid NOT NULL)`);
    runtime = await MessagingRuntime.connect(
      dataSource,
      {
        service: 'notification',
        schema: SCHEMA,
        natsServers: [testNatsUrl()],
        // A made-up binding of the library, not a deployment's service: the harness's user.
        credentials: harnessCredentials(),
        namespace,
        outboxPollMs: 50,
        consumer: { maxDeliver: 3, ackWaitMs: 5_000, backoffMs: [20] },
        onOutcome: (_, outcome) => outcomes.push(outcome),
      },
      silent,
    );
    runtime.on(
      EventSubjects.NotificationSent,
      async (envelope, tx) => {
        await tx.query(`INSERT INTO ${SCHEMA}.applied (event_id) VALUES ($1)`, [envelope.eventId]);
        if (racesLeft > 0) {
          racesLeft--;
          throw new LostRace('row changed underneath');
        }
        if (failuresLeft > 0) {
          failuresLeft--;
          throw new Error('handler refused');
        }
        applied.push(envelope.eventId);
      },
      // A made-up rule for the probe: messages about SMS are none of this handler's business.
      { lostRace: (error) => error instanceof LostRace, relevant: (envelope) => envelope.payload.channel !== 'sms' },
    );
    const appliedTogether = writtenInOneStatement((ids: string[]) => ({
      sql: `INSERT INTO ${SCHEMA}.applied (event_id) SELECT unnest($1::uuid[])`,
      params: [ids],
    }));
    runtime.on(
      EventSubjects.OrderWithdrawn,
      async (envelope, tx, delivery) => {
        if (readingFirst.has(envelope.payload.orderId)) await tx.query('SELECT 1');
        delivery.gather(appliedTogether, unwritable.has(envelope.payload.orderId) ? 'not a uuid' : envelope.eventId);
      },
      { batchable: true, gathersOnly: true },
    );
    await runtime.start();
  });

  afterAll(async () => {
    await runtime.stop();
    await dataSource.destroy();
  });

  it('applies an event once even when the outbox publishes it twice and JetStream delivers it twice', async () => {
    const envelope = await runtime.outbox.transaction((tx) =>
      runtime.outbox.enqueue(tx, EventSubjects.NotificationSent, randomUUID(), notificationSent()),
    );
    await until(() => applied.includes(envelope.eventId), 'the event to be applied', 20_000);
    // A relay that crashed after publishing but before marking the row publishes it again.
    await dataSource.query(`UPDATE ${SCHEMA}.outbox SET published_at = NULL WHERE event_id = $1`, [envelope.eventId]);
    runtime.outbox.committed();
    await until(async () => {
      const [row] = await dataSource.query(`SELECT published_at FROM ${SCHEMA}.outbox WHERE event_id = $1`, [envelope.eventId]);
      return row.published_at !== null;
    }, 'the second publication', 20_000);
    // A redelivery outside the duplicate window (another message id, same event) meets the inbox.
    const js = jetstream(runtime.nc);
    const jsm = await jetstreamManager(runtime.nc);
    const streamName = new SubjectNamespace(namespace).stream('NOTIFICATIONS');
    const ack = await js.publish(new SubjectNamespace(namespace).subject(EventSubjects.NotificationSent), JSON.stringify(envelope), {
      msgID: `again-${envelope.eventId}`,
    });
    await until(async () => {
      const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.inbox WHERE event_id = $1`, [envelope.eventId]);
      return row.n === 1 && ack.seq > 0;
    }, 'the inbox', 20_000);
    await until(async () => {
      const info = await jsm.consumers.info(streamName, 'notification_notification_sent_v1');
      return info.num_ack_pending === 0 && info.num_pending === 0;
    }, 'the consumer to settle', 20_000);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.applied WHERE event_id = $1`, [envelope.eventId]);
    expect(n).toBe(1);
    const stream = await jsm.streams.info(streamName);
    // The outbox's re-publication was dropped as a duplicate; only the deliberate redelivery was stored.
    expect(stream.state.messages).toBe(2);
  });

  it('runs the whole transaction of an event that lost a race again at once, without a redelivery', async () => {
    racesLeft = 2;
    const before = outcomes.length;
    const envelope = await runtime.outbox.transaction((tx) =>
      runtime.outbox.enqueue(tx, EventSubjects.NotificationSent, randomUUID(), notificationSent()),
    );
    // The handler has run before the commit; its outcome is reported once the commit is done.
    await until(() => applied.includes(envelope.eventId) && outcomes.length > before, 'the event to be applied', 20_000);
    expect(outcomes.slice(before)).toEqual(['applied']);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.applied WHERE event_id = $1`, [envelope.eventId]);
    const [{ entries }] = await dataSource.query(`SELECT count(*)::int AS entries FROM ${SCHEMA}.inbox WHERE event_id = $1`, [envelope.eventId]);
    expect({ n, entries }).toEqual({ n: 1, entries: 1 });
  });

  it('acknowledges an event its handler would ignore without a transaction or an inbox entry', async () => {
    const before = outcomes.length;
    const [ignored, handled] = await runtime.outbox.transaction(async (tx) => [
      await runtime.outbox.enqueue(tx, EventSubjects.NotificationSent, randomUUID(), { ...notificationSent(), channel: 'sms' }),
      await runtime.outbox.enqueue(tx, EventSubjects.NotificationSent, randomUUID(), notificationSent()),
    ]);
    await until(() => applied.includes(handled.eventId) && outcomes.length >= before + 2, 'both events to be settled', 20_000);
    expect(outcomes.slice(before).sort()).toEqual(['applied', 'ignored']);
    const jsm = await jetstreamManager(runtime.nc);
    const stream = new SubjectNamespace(namespace).stream('NOTIFICATIONS');
    await until(async () => (await jsm.consumers.info(stream, 'notification_notification_sent_v1')).num_ack_pending === 0, 'both acknowledgements', 20_000);
    const rows = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM ${SCHEMA}.inbox WHERE event_id = $1) AS inbox,
              (SELECT count(*)::int FROM ${SCHEMA}.applied WHERE event_id = $1) AS applied`,
      [ignored.eventId],
    );
    expect(rows[0]).toEqual({ inbox: 0, applied: 0 });
  });

  it('looks at an empty outbox on each poll with one read, without claiming anything', async () => {
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.outbox WHERE published_at IS NULL`);
    expect(n).toBe(0);
    const from = statements.length;
    const probes = () => statements.slice(from).filter((sql) => sql.includes('EXISTS (SELECT 1 FROM'));
    await until(() => probes().length >= 3, 'three polls of the outbox', 10_000);
    const seen = statements.slice(from, statements.indexOf(probes()[2], from) + 1);
    expect(seen.every((sql) => sql.includes('EXISTS (SELECT 1 FROM'))).toBe(true);
  });

  it('publishes a batch of outbox rows to the stream in the order they were written', async () => {
    const jsm = await jetstreamManager(runtime.nc);
    const streamName = new SubjectNamespace(namespace).stream('NOTIFICATIONS');
    const lastSeq = (await jsm.streams.info(streamName)).state.last_seq;
    // Enough rows in one commit for the relay to take them as one batch and for their numbers to gain digits.
    const written = await runtime.outbox.transaction(async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < 120; i++) {
        ids.push((await runtime.outbox.enqueue(tx, EventSubjects.NotificationSent, randomUUID(), notificationSent())).eventId);
      }
      return ids;
    });
    await until(async () => (await jsm.streams.info(streamName)).state.last_seq >= lastSeq + written.length, 'the batch in the stream', 20_000);
    const published: string[] = [];
    for (let seq = lastSeq + 1; seq <= lastSeq + written.length; seq++) {
      published.push((await jsm.streams.getMessage(streamName, { seq }))!.json<EventEnvelope>().eventId);
    }
    expect(published).toEqual(written);
    // Settled before the next test counts its handler's failures.
    await until(() => written.every((id) => applied.includes(id)), 'the batch to be applied', 20_000);
  });

  it('keeps the domain streams for days and the history for years', async () => {
    const jsm = await jetstreamManager(runtime.nc);
    const ns = new SubjectNamespace(namespace);
    const day = 24 * 3_600 * 1e9;
    expect((await jsm.streams.info(ns.stream('NOTIFICATIONS'))).config.max_age).toBe(30 * day);
    expect((await jsm.streams.info(ns.stream('REPORTING_HISTORY'))).config.max_age).toBe(2190 * day);
  });

  it('moves an event that keeps failing to the dead letters, and applies it once when an admin replays it', async () => {
    failuresLeft = 3;
    const envelope: EventEnvelope = await runtime.outbox.transaction((tx) =>
      runtime.outbox.enqueue(tx, EventSubjects.NotificationSent, randomUUID(), notificationSent()),
    );
    await until(async () => (await runtime.deadLetters.list()).deadLetters.some((d) => d.eventId === envelope.eventId), 'a dead letter', 20_000);
    const [deadLetter] = (await runtime.deadLetters.list()).deadLetters.filter((d) => d.eventId === envelope.eventId);
    expect(deadLetter).toMatchObject({ deliveries: 3, error: 'Error: handler refused', replayedAt: null });
    expect(applied).not.toContain(envelope.eventId);

    expect(await runtime.deadLetters.replay(deadLetter.deadLetterId)).toBe(true);
    await until(() => applied.includes(envelope.eventId), 'the replayed event to be applied', 20_000);
    expect(await runtime.deadLetters.replay(deadLetter.deadLetterId)).toBe(false);
  });

  describe('an event whose handler only gathers its write', () => {
    const withdrawal = (orderId = randomUUID()) =>
      runtime.outbox.transaction((tx) => runtime.outbox.enqueue(tx, EventSubjects.OrderWithdrawn, randomUUID(), { orderId, reason: 'revoked_by_police' }));
    const rowsOf = async (eventId: string): Promise<{ inbox: number; applied: number }> =>
      (
        await dataSource.query(
          `SELECT (SELECT count(*)::int FROM ${SCHEMA}.inbox WHERE event_id = $1) AS inbox,
                  (SELECT count(*)::int FROM ${SCHEMA}.applied WHERE event_id = $1) AS applied`,
          [eventId],
        )
      )[0];
    /** Statements since `from` that wrote the event's inbox entry or its row. */
    const writesOf = (from: number, eventId: string) =>
      statements
        .map((sql, i) => ({ sql, params: JSON.stringify(parameters[i]) }))
        .slice(from)
        .filter(({ sql, params }) => /INSERT INTO \S+\.(inbox|applied)/.test(sql) && params.includes(eventId))
        .map(({ sql }) => sql);
    const settled = async () => {
      const jsm = await jetstreamManager(runtime.nc);
      const stream = new SubjectNamespace(namespace).stream('ORDERS');
      await until(async () => {
        const info = await jsm.consumers.info(stream, 'notification_order_withdrawn_v1');
        return info.num_ack_pending === 0 && info.num_pending === 0;
      }, 'the withdrawals to be settled', 20_000);
    };

    it('writes its inbox entry in the statement of its write, autocommitted, and applies a second copy not at all', async () => {
      const from = statements.length;
      const envelope = await withdrawal();
      await until(async () => (await rowsOf(envelope.eventId)).applied === 1, 'the withdrawal to be applied', 20_000);
      const [write, ...more] = writesOf(from, envelope.eventId);
      expect(more).toEqual([]);
      expect(write).toMatch(/^WITH first_write AS \(INSERT INTO \S+\.inbox .*\) INSERT INTO \S+\.applied/s);
      const sentAround = statements.slice(from);
      expect(sentAround[sentAround.indexOf(write) - 1]).not.toBe('START TRANSACTION');

      const before = outcomes.length;
      await jetstream(runtime.nc).publish(new SubjectNamespace(namespace).subject(EventSubjects.OrderWithdrawn), JSON.stringify(envelope), {
        msgID: `again-${envelope.eventId}`,
      });
      await until(() => outcomes.length > before, 'the copy to be settled', 20_000);
      expect(outcomes.slice(before)).toEqual(['duplicate']);
      await settled();
      expect(await rowsOf(envelope.eventId)).toEqual({ inbox: 1, applied: 1 });
    });

    it('leaves no inbox entry when that statement fails, and dead-letters the event after its deliveries', async () => {
      const orderId = randomUUID();
      unwritable.add(orderId);
      const envelope = await withdrawal(orderId);
      await until(async () => (await runtime.deadLetters.list()).deadLetters.some((d) => d.eventId === envelope.eventId), 'the dead letter', 20_000);
      const [deadLetter] = (await runtime.deadLetters.list()).deadLetters.filter((d) => d.eventId === envelope.eventId);
      expect(deadLetter.deliveries).toBe(3);
      await settled();
      expect(await rowsOf(envelope.eventId)).toEqual({ inbox: 0, applied: 0 });
    });

    it('applies once, in a transaction, an event whose handler reads through its transaction after all', async () => {
      const orderId = randomUUID();
      readingFirst.add(orderId);
      const from = statements.length;
      const envelope = await withdrawal(orderId);
      await until(async () => (await rowsOf(envelope.eventId)).applied === 1, 'the withdrawal to be applied', 20_000);
      await settled();
      expect(await rowsOf(envelope.eventId)).toEqual({ inbox: 1, applied: 1 });
      const writes = writesOf(from, envelope.eventId);
      expect(writes).toHaveLength(2);
      expect(writes[0]).toMatch(/ON CONFLICT DO NOTHING RETURNING event_id/);
    });
  });
});

/** Batched consumption: events that queue up share one transaction, and a poisoned one takes only itself down. */
describe('durable messaging in batches', () => {
  const namespace = `${process.env.KORGOO_TEST_NAMESPACE}_b`;
  const schema = 'messaging_batch_probe';
  let dataSource: DataSource;
  let runtime: MessagingRuntime;
  let gateId = '';
  let gateEntered = false;
  let gate: Promise<void> = Promise.resolve();
  let openGate: () => void = () => undefined;
  const poisoned = new Set<string>();
  /** Events their handler says must go alone. */
  const loners = new Set<string>();
  let heartbeats = 0;
  const counting = { ...silent, debug: (_: object, msg?: string) => void (msg === 'held messages kept in progress' && heartbeats++) };

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'postgres', url: process.env.KORGOO_TEST_DATABASE_URL });
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA ${schema}`);
    for (const sql of createMessagingTablesSql(schema)) await dataSource.query(sql);
    await dataSource.query(`CREATE TABLE ${schema}.applied (event_id uuid NOT NULL, tx bigint NOT NULL)`);
    runtime = await MessagingRuntime.connect(
      dataSource,
      {
        service: 'notification',
        schema,
        natsServers: [testNatsUrl()],
        credentials: harnessCredentials(),
        namespace,
        outboxPollMs: 50,
        // One worker: whatever arrives while it is held at the gate queues up and forms the next batch. The
        // short ack wait is outlasted by every hold at the gate, so only the heartbeat prevents redelivery.
        consumer: { maxDeliver: 3, ackWaitMs: 1_500, backoffMs: [20], concurrency: 1, batchSize: 32 },
      },
      counting,
    );
    const apply = async (envelope: EventEnvelope, tx: EntityManager) => {
      if (envelope.eventId === gateId) {
        gateEntered = true;
        await gate;
      }
      if (poisoned.has(envelope.eventId)) throw new PermanentFailure('this event can never be applied');
      await tx.query(`INSERT INTO ${schema}.applied (event_id, tx) VALUES ($1, txid_current())`, [envelope.eventId]);
    };
    runtime.on(EventSubjects.NotificationSent, apply, { batchable: true, alone: (envelope) => loners.has(envelope.eventId) });
    // A consumer of another stream: its events queue behind the same gate and join the same batches. Its rows
    // are written for the whole transaction in one statement, which a poisoned event fails.
    const appliedTogether: GatheredWrite<string> = {
      write: async (tx, eventIds) => {
        if (eventIds.some((id) => poisoned.has(id))) throw new PermanentFailure('this event can never be applied');
        await tx.query(`INSERT INTO ${schema}.applied (event_id, tx) SELECT unnest($1::uuid[]), txid_current()`, [eventIds]);
      },
    };
    runtime.on(EventSubjects.OrderWithdrawn, async (envelope, _tx, delivery) => delivery.gather(appliedTogether, envelope.eventId), {
      batchable: true,
    });
    await runtime.start();
  });

  afterAll(async () => {
    await runtime.stop();
    await dataSource.destroy();
  });

  /** `count` events written by `write` in one transaction; their ids in order. */
  const enqueueMany = (count: number, write: (tx: EntityManager) => Promise<{ eventId: string }>) =>
    runtime.outbox.transaction(async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) ids.push((await write(tx)).eventId);
      return ids;
    });
  const enqueue = (count: number) =>
    enqueueMany(count, (tx) => runtime.outbox.enqueue(tx, EventSubjects.NotificationSent, randomUUID(), notificationSent()));
  const enqueueWithdrawals = (count: number) =>
    enqueueMany(count, (tx) =>
      runtime.outbox.enqueue(tx, EventSubjects.OrderWithdrawn, randomUUID(), { orderId: randomUUID(), reason: 'revoked_by_police' }),
    );

  /**
   * Holds the single worker at the gate while `count` events arrive (and `withdrawals` on the other stream),
   * then lets them through as one batch.
   */
  async function behindTheGate(
    count: number,
    poison: (ids: string[]) => string[],
    withdrawals = 0,
    beforeRelease: (ids: string[]) => void = () => undefined,
  ): Promise<string[]> {
    gateEntered = false;
    gate = new Promise<void>((resolve) => (openGate = resolve));
    [gateId] = await enqueue(1);
    await until(() => gateEntered, 'the worker to be held at the gate', 20_000);
    const ids = [...(await enqueue(count)), ...(await enqueueWithdrawals(withdrawals))];
    for (const id of poison(ids)) poisoned.add(id);
    beforeRelease(ids);
    await until(async () => (await consumerInfo()).num_ack_pending === count + 1, 'the events to be delivered and queued', 20_000);
    await until(async () => (await withdrawalConsumerInfo()).num_ack_pending === withdrawals, 'the withdrawals to be queued', 20_000);
    openGate();
    return ids;
  }

  const consumerInfoOf = async (stream: 'NOTIFICATIONS' | 'ORDERS', durable: string) => {
    const jsm = await jetstreamManager(runtime.nc);
    return jsm.consumers.info(new SubjectNamespace(namespace).stream(stream), durable);
  };
  const consumerInfo = () => consumerInfoOf('NOTIFICATIONS', 'notification_notification_sent_v1');
  const withdrawalConsumerInfo = () => consumerInfoOf('ORDERS', 'notification_order_withdrawn_v1');

  const appliedRows = async (ids: string[]): Promise<Array<{ event_id: string; tx: string }>> =>
    dataSource.query(`SELECT event_id, tx FROM ${schema}.applied WHERE event_id = ANY($1::uuid[])`, [ids]);

  it('commits the events that queued up together in one transaction, each once', async () => {
    const ids = await behindTheGate(10, () => []);
    await until(async () => (await appliedRows(ids)).length === 10, 'the batch to be applied', 20_000);
    const rows = await appliedRows(ids);
    expect(new Set(rows.map((row) => row.event_id)).size).toBe(10);
    expect(new Set(rows.map((row) => row.tx)).size).toBe(1);
  });

  it('commits the others of a batch holding one poisoned event and dead-letters only that one', async () => {
    let poison = '';
    const ids = await behindTheGate(10, (queued) => [(poison = queued[4])]);
    const others = ids.filter((id) => id !== poison);
    await until(async () => (await appliedRows(others)).length === 9, 'the other nine to be applied', 20_000);
    await until(async () => (await runtime.deadLetters.list()).deadLetters.some((d) => d.eventId === poison), 'the dead letter', 20_000);
    const deadLetters = (await runtime.deadLetters.list()).deadLetters.filter((d) => ids.includes(d.eventId ?? ''));
    expect(deadLetters.map((d) => d.eventId)).toEqual([poison]);
    expect(deadLetters[0]).toMatchObject({ deliveries: 1, error: 'Error: this event can never be applied' });
    expect(await appliedRows([poison])).toEqual([]);
    // Terminated, not merely left to time out: nothing of the batch stays pending for a redelivery.
    await until(async () => (await consumerInfo()).num_ack_pending === 0, 'the dead letter to be terminated', 20_000);
    const rows = await appliedRows(others);
    expect(new Set(rows.map((row) => row.event_id)).size).toBe(9);
    expect(rows).toHaveLength(9);
  });

  it('commits the events of two consumers on two streams in one transaction, one writing its rows together, and dead-letters a poisoned one alone', async () => {
    let poison = '';
    const ids = await behindTheGate(4, (queued) => [(poison = queued[5])], 4);
    const others = ids.filter((id) => id !== poison);
    await until(async () => (await appliedRows(others)).length === 7, 'the other seven to be applied', 20_000);
    await until(async () => (await runtime.deadLetters.list()).deadLetters.some((d) => d.eventId === poison), 'the dead letter', 20_000);
    const deadLetters = (await runtime.deadLetters.list()).deadLetters.filter((d) => ids.includes(d.eventId ?? ''));
    expect(deadLetters.map((d) => [d.eventId, d.subject])).toEqual([[poison, EventSubjects.OrderWithdrawn]]);
    expect(await appliedRows([poison])).toEqual([]);
    await until(async () => (await withdrawalConsumerInfo()).num_ack_pending === 0, 'the dead letter to be terminated', 20_000);

    // Without the poison the same mix commits once, all eight in one transaction.
    const clean = await behindTheGate(4, () => [], 4);
    await until(async () => (await appliedRows(clean)).length === 8, 'the mixed batch to be applied', 20_000);
    const rows = await appliedRows(clean);
    expect(new Set(rows.map((row) => row.event_id)).size).toBe(8);
    expect(new Set(rows.map((row) => row.tx)).size).toBe(1);
    const inbox: Array<{ consumer: string; n: number }> = await dataSource.query(
      `SELECT consumer, count(*)::int AS n FROM ${schema}.inbox WHERE event_id = ANY($1::uuid[]) GROUP BY consumer ORDER BY consumer`,
      [clean],
    );
    expect(inbox).toEqual([
      { consumer: 'notification_notification_sent_v1', n: 4 },
      { consumer: 'notification_order_withdrawn_v1', n: 4 },
    ]);
  });

  it('hands an event that must go alone back to its consumer, and commits the others of its batch together', async () => {
    const ids = await behindTheGate(6, () => [], 0, (queued) => loners.add(queued[2]));
    await until(async () => (await appliedRows(ids)).length === 6, 'the six to be applied', 20_000);
    const txOf = new Map((await appliedRows(ids)).map((row) => [row.event_id, row.tx]));
    const others = ids.filter((id) => id !== ids[2]).map((id) => txOf.get(id));
    expect(new Set(others).size).toBe(1);
    expect(others).not.toContain(txOf.get(ids[2]));
  });

  it('keeps messages held behind a busy worker past the ack wait without their being delivered again', async () => {
    const before = (await consumerInfo()).num_redelivered;
    gateEntered = false;
    gate = new Promise<void>((resolve) => (openGate = resolve));
    [gateId] = await enqueue(1);
    await until(() => gateEntered, 'the worker to be held at the gate', 20_000);
    const ids = await enqueue(5);
    await until(async () => (await consumerInfo()).num_ack_pending === 6, 'the events to be queued', 20_000);
    // Four heartbeats a third of the ack wait apart: the messages have waited longer than the ack wait.
    const from = heartbeats;
    await until(() => heartbeats >= from + 4, 'four heartbeats', 20_000);
    expect((await consumerInfo()).num_redelivered).toBe(before);
    openGate();
    await until(async () => (await appliedRows([gateId, ...ids])).length === 6, 'the held events to be applied', 20_000);
    expect(await appliedRows([gateId, ...ids])).toHaveLength(6);
  });

  it('makes one dead letter of a poisoned event that arrives twice', async () => {
    const envelope = await runtime.outbox.transaction((tx) =>
      runtime.outbox.enqueue(tx, EventSubjects.NotificationSent, randomUUID(), notificationSent()),
    );
    poisoned.add(envelope.eventId);
    await until(async () => (await runtime.deadLetters.list()).deadLetters.some((d) => d.eventId === envelope.eventId), 'the dead letter', 20_000);
    // The same event again under another message id, as a redelivery after a lost acknowledgement would be.
    await jetstream(runtime.nc).publish(new SubjectNamespace(namespace).subject(EventSubjects.NotificationSent), JSON.stringify(envelope), {
      msgID: `again-${envelope.eventId}`,
    });
    await until(async () => {
      const info = await consumerInfo();
      return info.num_ack_pending === 0 && info.num_pending === 0;
    }, 'the consumer to settle', 20_000);
    const deadLetters = (await runtime.deadLetters.list()).deadLetters.filter((d) => d.eventId === envelope.eventId);
    expect(deadLetters).toHaveLength(1);
  });
});

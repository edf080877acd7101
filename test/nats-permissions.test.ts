import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream, jetstreamManager, AckPolicy } from '@nats-io/jetstream';
import { connect, NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { CommandSubjects, EventSubjects, MessagingParticipant, QuerySubjects, SERVICE_MESSAGING } from '@korgoo/contracts';
import { createMessagingTablesSql, inboxPrefix, MessagingRuntime, serviceNatsUsers } from '@korgoo/messaging';
import { natsServerBinary, PrivateNats } from '../tools/private-nats';
import { freePort } from '../tools/service-process';
import { riskAssessed } from './support/matching-stack';
import { admitNamespace } from './support/nats-namespaces';
import { serviceNatsEnv, testNatsUrl } from './support/test-nats';
import { until } from './support/until';

const silent = { info() {}, warn() {}, error() {}, debug() {} };
const NAMESPACE = 'korgoo';

/**
 * A private nats-server with the generated per-service users: each service says only what SERVICE_MESSAGING
 * lets it say, and a connection without a user says nothing at all.
 */
describe('NATS permissions generated from the service map', () => {
  const passwords = Object.fromEntries(
    (Object.keys(SERVICE_MESSAGING) as MessagingParticipant[]).map((service) => [service, randomBytes(24).toString('base64')]),
  ) as Record<MessagingParticipant, string>;
  const schema = `nats_permissions_${randomBytes(4).toString('hex')}`;
  const storeDir = mkdtempSync(join(tmpdir(), 'korgoo-nats-auth-'));
  const connections: NatsConnection[] = [];
  let server: PrivateNats;
  let url: string;
  let dataSource: DataSource;
  let matching: MessagingRuntime;
  const consumed: string[] = [];

  const as = async (service: MessagingParticipant) => {
    const nc = await connect({ servers: url, user: service, pass: passwords[service], inboxPrefix: inboxPrefix(service) });
    connections.push(nc);
    return nc;
  };
  const envelope = (subject: string, producer: string, payload: object) => {
    const eventId = randomUUID();
    return { eventId, body: JSON.stringify({ eventId, subject, occurredAt: new Date().toISOString(), correlationId: randomUUID(), producer, payload }) };
  };

  beforeAll(async () => {
    server = new PrivateNats(natsServerBinary()!, await freePort(), storeDir, serviceNatsUsers(NAMESPACE, (service) => JSON.stringify(passwords[service])));
    await server.start();
    url = server.url;
    await until(async () => {
      const probe = await as('gateway').catch(() => null);
      return probe !== null;
    }, 'the private nats-server to accept the gateway user');

    dataSource = new DataSource({ type: 'postgres', url: process.env.KORGOO_TEST_DATABASE_URL });
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA ${schema}`);
    for (const sql of createMessagingTablesSql(schema)) await dataSource.query(sql);
    matching = await MessagingRuntime.connect(
      dataSource,
      {
        service: 'matching',
        schema,
        natsServers: [url],
        namespace: NAMESPACE,
        outboxPollMs: 50,
        credentials: { user: 'matching', password: passwords.matching },
      },
      silent,
    );
    matching.on(EventSubjects.RiskAssessed, async (event) => {
      consumed.push(event.eventId);
    });
    await matching.start();
  });

  afterAll(async () => {
    await matching?.stop();
    await Promise.all(connections.map((nc) => nc.close()));
    await dataSource?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await dataSource?.destroy();
    await server?.stop();
    rmSync(storeDir, { recursive: true, force: true });
  });

  it('refuses a connection without a user, or with another service\'s password', async () => {
    await expect(connect({ servers: url, reconnect: false })).rejects.toThrow(/authoriz/i);
    await expect(connect({ servers: url, user: 'risk', pass: passwords.matching, reconnect: false })).rejects.toThrow(/authoriz/i);
  });

  it('carries an event from its owner to a durable consumer that is allowed to read it', async () => {
    const risk = await as('risk');
    const event = envelope(EventSubjects.RiskAssessed, 'risk', riskAssessed());
    await jetstream(risk).publish(`${NAMESPACE}.${EventSubjects.RiskAssessed}`, event.body, { msgID: event.eventId });
    await until(async () => consumed.includes(event.eventId), 'matching to consume the risk assessment');
  });

  it('refuses a forged order withdrawal from a service that does not own orders', async () => {
    const risk = await as('risk');
    const forged = envelope(EventSubjects.OrderWithdrawn, 'gateway', { orderId: randomUUID() });
    await expect(
      jetstream(risk).publish(`${NAMESPACE}.${EventSubjects.OrderWithdrawn}`, forged.body, { msgID: forged.eventId, timeout: 2_000 }),
    ).rejects.toThrow(/permission/i);
    const orders = await (await jetstreamManager(await as('gateway'))).streams.info(`${NAMESPACE.toUpperCase()}_ORDERS`);
    expect(orders.state.messages).toBe(0);
  });

  it('refuses a durable consumer on events the service is not listed to consume', async () => {
    const notification = await jetstreamManager(await as('notification'));
    await expect(
      notification.consumers.add(`${NAMESPACE.toUpperCase()}_ORDERS`, {
        durable_name: 'notification_order_screening_corrected_v1',
        filter_subject: `${NAMESPACE}.${EventSubjects.OrderScreeningCorrected}`,
        ack_policy: AckPolicy.Explicit,
      }),
    ).rejects.toThrow(/permission/i);
  });

  it('lets reporting replay its history stream from the first event, and no other service read it', async () => {
    const risk = await as('risk');
    const event = envelope(EventSubjects.RiskAssessed, 'risk', riskAssessed());
    await jetstream(risk).publish(`${NAMESPACE}.${EventSubjects.RiskAssessed}`, event.body, { msgID: event.eventId });
    const reporting = await MessagingRuntime.connect(
      dataSource,
      {
        service: 'reporting',
        schema,
        natsServers: [url],
        namespace: NAMESPACE,
        outboxPollMs: 50,
        credentials: { user: 'reporting', password: passwords.reporting },
      },
      silent,
    );
    const replayed: string[] = [];
    try {
      await reporting.replayHistory(
        'REPORTING_HISTORY',
        async (subject, message) => {
          if (subject === EventSubjects.RiskAssessed) replayed.push((message.json() as { eventId: string }).eventId);
        },
        () => !replayed.includes(event.eventId),
      );
    } finally {
      await reporting.nc.close();
    }
    expect(replayed).toContain(event.eventId);
    const matchingUser = await jetstreamManager(await as('matching'));
    const history = `${NAMESPACE.toUpperCase()}_REPORTING_HISTORY`;
    await expect(matchingUser.consumers.add(history, { ack_policy: AckPolicy.None })).rejects.toThrow(/permission/i);
  });

  it('lets the gateway ask and refuses a command from a service with no right to it', async () => {
    const gateway = await as('gateway');
    const answer = await gateway.request(`${NAMESPACE}.${QuerySubjects.DeadLetterList}.matching`, JSON.stringify({ limit: 5, scope: { kind: 'national' } }), { timeout: 5_000 });
    expect(answer.json()).toEqual({ deadLetters: [], next: null });
    const notification = await as('notification');
    // Nor may a service listen in another's name.
    const intercept = notification.subscribe(`${NAMESPACE}.${QuerySubjects.DeadLetterList}.matching`);
    await expect(
      (async () => {
        for await (const message of intercept) return message;
      })(),
    ).rejects.toThrow(/permission/i);
    await expect(
      notification.request(`${NAMESPACE}.${CommandSubjects.AcceptReferral}`, JSON.stringify({ referralId: randomUUID() }), { timeout: 2_000 }),
    ).rejects.toThrow(/permission/i);
  });
});

/** The suites' own server holds the same users, so every service process in every suite runs as production's. */
describe("the test run's NATS", () => {
  it('refuses a connection without a user, and lets a service of the run say only what its deployment may', async () => {
    await expect(connect({ servers: testNatsUrl(), reconnect: false })).rejects.toThrow(/authoriz/i);
    const namespace = process.env.KORGOO_TEST_NAMESPACE!;
    await admitNamespace(namespace);
    const { NATS_USER, NATS_PASSWORD } = serviceNatsEnv('risk', namespace);
    const risk = await connect({ servers: testNatsUrl(), user: NATS_USER, pass: NATS_PASSWORD, inboxPrefix: inboxPrefix('risk'), reconnect: false });
    try {
      await expect(
        jetstream(risk).publish(`${namespace}.${EventSubjects.OrderWithdrawn}`, JSON.stringify({ orderId: randomUUID() }), { timeout: 2_000 }),
      ).rejects.toThrow(/permission/i);
    } finally {
      await risk.close();
    }
  });
});

import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/transport-node';
import { Client } from 'pg';
import request from 'supertest';
import { SubjectNamespace } from '@korgoo/messaging';
import { freePort, RunningService, ServiceName, startService, stopService } from '../../tools/service-process';
import { Envelope, EventRecorder } from './event-recorder';
import { eventsHandledAt, HandlingOutcome } from './events-handled';
import { setServiceClocks } from './test-clock';

export type { Envelope } from './event-recorder';
import { databaseUrl, leastPrivilegeDatabase, stackEnv, withAdminClient } from './test-environment';
import { admitNamespace } from './nats-namespaces';
import { connectAsHarness, serviceNatsEnv, testNatsUrl } from './test-nats';

const ROOT = join(__dirname, '..', '..');

/**
 * The services a matching test needs, as separate processes on a database and NATS namespace of their own:
 * a test may pause every centre or race fifty routings without touching any other suite's data.
 * Matching can run as several replicas, and be killed and restarted.
 */
export class MatchingStack {
  readonly namespace = `m${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  readonly database = `korgoo_${this.namespace}`;
  readonly services: RunningService[] = [];
  private gatewayPort = 0;
  nc!: NatsConnection;
  db!: Client;

  constructor(
    private readonly options: { services: ServiceName[]; env?: Record<string, string> },
  ) {}

  get gateway(): string {
    return `http://127.0.0.1:${this.gatewayPort}`;
  }

  env(): NodeJS.ProcessEnv {
    return {
      ...stackEnv({ databaseUrl: databaseUrl(this.database), natsUrl: testNatsUrl(), namespace: this.namespace }),
      OUTBOX_POLL_MS: '100',
      DEADLINE_POLL_MS: '100',
      ...this.options.env,
    };
  }

  async start(): Promise<void> {
    await withAdminClient((client) => client.query(`CREATE DATABASE ${this.database}`));
    await admitNamespace(this.namespace);
    this.nc = await connectAsHarness();
    this.recorder = new EventRecorder(this.namespace, () => this.recentOutput());
    await this.recorder.start(this.nc);
    for (const name of this.options.services) await this.startOne(name);
    this.db = new Client({ connectionString: databaseUrl(this.database) });
    await this.db.connect();
  }

  /** `env` adds to the stack's environment for this process only (a restart with other settings). */
  async startOne(name: ServiceName, env: Record<string, string> = {}): Promise<RunningService> {
    const port = await freePort();
    if (name === 'gateway') this.gatewayPort = port;
    const database = this.options.env?.DATABASE_URL ? {} : leastPrivilegeDatabase(name, this.database);
    const service = await startService(name, port, { ...this.env(), ...database, ...serviceNatsEnv(name, this.namespace), ...env }, { root: ROOT });
    this.services.push(service);
    return service;
  }

  replicas(name: ServiceName): RunningService[] {
    return this.services.filter((s) => s.name === name && s.child.exitCode === null && s.child.signalCode === null);
  }

  /** How many events on `subject` the first running replica of a service handled with that outcome. */
  eventsHandled(name: ServiceName, subject: string, outcome: HandlingOutcome): Promise<number> {
    return eventsHandledAt(this.replicas(name)[0].port, subject, outcome);
  }

  /** SIGKILL: no shutdown hook runs; whatever was in hand is lost from memory. */
  async kill(name: ServiceName): Promise<void> {
    await Promise.all(this.replicas(name).map((service) => stopService(service, 'SIGKILL')));
  }

  /** Moves the clock of every running replica at once, so deadlines fall due without waiting. */
  async setClock(at: Date): Promise<void> {
    await setServiceClocks(this.nc, this.namespace, at, this.services);
  }

  async stop(): Promise<void> {
    await Promise.all(this.services.map((service) => stopService(service)));
    await this.db?.end();
    if (this.nc) {
      const jsm = await jetstreamManager(this.nc);
      for await (const stream of jsm.streams.list()) {
        if (new SubjectNamespace(this.namespace).owns(stream.config.name)) await jsm.streams.delete(stream.config.name);
      }
      await this.nc.close();
    }
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`));
  }

  async login(username: string, password: string): Promise<string> {
    const response = await request(this.gateway).post('/api/v1/auth/login').send({ username, password }).expect(200);
    return response.body.accessToken;
  }

  /** Creates a centre staff account (as admin) and signs it in. */
  async centreStaff(admin: string, centreId: string): Promise<string> {
    const username = `staff.${centreId}.${Math.random().toString(36).slice(2, 6)}`;
    await request(this.gateway)
      .post('/api/v1/accounts')
      .auth(admin, { type: 'bearer' })
      .send({ username, password: 'a-long-enough-password', role: 'centre', centreId, displayName: 'Staff' })
      .expect(201);
    return this.login(username, 'a-long-enough-password');
  }

  /** Publishes an event as its producer would, so matching consumes it from its stream. */
  async publish(subject: string, correlationId: string, payload: object, producer = 'risk'): Promise<string> {
    const eventId = randomUUID();
    const envelope = { eventId, subject, occurredAt: new Date().toISOString(), correlationId, producer, payload };
    await jetstream(this.nc).publish(`${this.namespace}.${subject}`, JSON.stringify(envelope), { msgID: eventId });
    return eventId;
  }

  async sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
    return (await this.db.query(text, values)).rows as T[];
  }

  private recorder!: EventRecorder;

  awaitEvent<P = Record<string, unknown>>(subject: string, match: (event: Envelope<P>) => boolean, timeoutMs?: number) {
    return this.recorder.awaitEvent<P>(subject, match, timeoutMs);
  }

  awaitEvents<P = Record<string, unknown>>(subject: string, match: (event: Envelope<P>) => boolean, count: number, timeoutMs?: number) {
    return this.recorder.awaitEvents<P>(subject, match, count, timeoutMs);
  }

  eventsOn<P = Record<string, unknown>>(subject: string): Array<Envelope<P>> {
    return this.recorder.eventsOn<P>(subject);
  }

  recentOutput(): string {
    return this.services.map((s) => `--- ${s.name} (${s.port})\n${s.output.join('').slice(-1500)}`).join('\n');
  }
}

/** A scored order as risk announces it; tests override what they exercise. */
export function riskAssessed(overrides: {
  orderId?: string;
  priority?: 'urgent' | 'high' | 'standard';
  acknowledgeWithinHours?: number;
  sex?: 'male' | 'female';
  language?: 'ky' | 'ru';
  settlementCode?: string;
  expiresInDays?: number;
  assessmentVersion?: number;
} = {}) {
  const now = Date.now();
  const priority = overrides.priority ?? 'standard';
  return {
    orderId: overrides.orderId ?? randomUUID(),
    assessmentId: randomUUID(),
    assessmentVersion: overrides.assessmentVersion ?? 1,
    status: 'scored',
    rawScore: 4,
    unknownCount: 0,
    finalScore: 4,
    priority,
    acknowledgeWithinHours: overrides.acknowledgeWithinHours ?? { urgent: 1, high: 4, standard: 24 }[priority],
    immediateDanger: false,
    flags: [],
    period: {
      issuedAt: new Date(now - 3_600_000).toISOString(),
      expiresAt: new Date(now + (overrides.expiresInDays ?? 30) * 24 * 3_600_000).toISOString(),
    },
    participant: {
      sex: overrides.sex ?? 'male',
      language: overrides.language ?? 'ky',
      location: { settlementCode: overrides.settlementCode ?? 'naryn' },
    },
  };
}

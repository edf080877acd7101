import { join } from 'node:path';
import { NatsConnection } from '@nats-io/transport-node';
import request from 'supertest';
import { freePort, RunningService, ServiceName, SERVICES, startService, stopService } from '../../tools/service-process';
import { Envelope, EventRecorder } from './event-recorder';
import { eventsHandledAt, HandlingOutcome } from './events-handled';
import { leastPrivilegeDatabase, stackEnv } from './test-environment';
import { admitNamespace } from './nats-namespaces';
import { connectAsHarness, serviceNatsEnv, testNatsUrl } from './test-nats';
import { setServiceClocks } from './test-clock';

const ROOT = join(__dirname, '..', '..');

/** Every service as separate processes against this run's database and NATS namespace. */
export class KorgooStack {
  readonly services = new Map<ServiceName, RunningService>();
  private readonly replicas: RunningService[] = [];
  /** Kept through restarts: suites hold the gateway's address. */
  private gatewayPort: number | null = null;
  nc!: NatsConnection;

  constructor(
    private readonly extraEnv: NodeJS.ProcessEnv = {},
    private readonly natsUrl = testNatsUrl(),
  ) {}

  get namespace(): string {
    return process.env.KORGOO_TEST_NAMESPACE!;
  }

  get gateway(): string {
    return `http://127.0.0.1:${this.gatewayPort}`;
  }

  env(): NodeJS.ProcessEnv {
    return {
      ...stackEnv({ databaseUrl: process.env.KORGOO_TEST_DATABASE_URL, natsUrl: this.natsUrl, namespace: this.namespace }),
      OUTBOX_POLL_MS: '200',
      PROGRAMME_TIMER_POLL_MS: '200',
      ESCALATION_POLL_MS: '200',
      ...this.extraEnv,
    };
  }

  async start(): Promise<void> {
    await admitNamespace(this.namespace);
    this.nc = await connectAsHarness(this.natsUrl, { maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    this.recorder = new EventRecorder(this.namespace, () => this.recentOutput());
    await this.recorder.start(this.nc);
    // The gateway first: its migrations and demo accounts must exist before anyone logs in.
    for (const name of SERVICES) await this.startOne(name);
  }

  /**
   * The gateway keeps its first port through restarts; every other process takes a port found free just before
   * it starts. A port found free long before can meanwhile be the local end of another process's outgoing
   * connection, which is taken from the same range.
   */
  async startOne(name: ServiceName): Promise<RunningService> {
    const port = (name === 'gateway' && this.gatewayPort) || (await freePort());
    if (name === 'gateway') this.gatewayPort = port;
    const service = await this.launch(name, port);
    this.services.set(name, service);
    return service;
  }

  /** One more process of a service beside the one `start` ran, on the same database and consumers. */
  async addReplica(name: ServiceName): Promise<RunningService> {
    const replica = await this.launch(name, await freePort());
    this.replicas.push(replica);
    return replica;
  }

  /** One service without the rest of the stack: a suite that needs only the gateway's document. */
  async launchAlone(name: ServiceName, port: number): Promise<RunningService> {
    await admitNamespace(this.namespace);
    return this.launch(name, port);
  }

  private async launch(name: ServiceName, port: number): Promise<RunningService> {
    // A suite that brings its own database (fault injection) keeps one login for all.
    const database = this.extraEnv.DATABASE_URL ? {} : leastPrivilegeDatabase(name, process.env.KORGOO_TEST_DATABASE!);
    // A shared, loaded machine can take minutes to bring one service up; the failure still names it.
    const env = { ...this.env(), ...database, ...serviceNatsEnv(name, this.namespace) };
    return startService(name, port, env, { root: ROOT, healthTimeoutMs: 180_000 });
  }

  private get running(): RunningService[] {
    return [...this.services.values(), ...this.replicas];
  }

  /** SIGKILL: no shutdown hook runs, whatever was in hand is lost from memory. */
  async kill(name: ServiceName): Promise<void> {
    const service = this.services.get(name);
    if (service) await stopService(service, 'SIGKILL');
  }

  async stop(): Promise<void> {
    await Promise.all(this.running.map((service) => stopService(service)));
    await this.nc?.close();
  }

  /** Moves every running service's clock at once, so weeks of sessions and deadlines pass without waiting. */
  async setClock(at: Date): Promise<void> {
    await setServiceClocks(this.nc, this.namespace, at, this.running);
  }

  /** Tokens of the development demo accounts, in the order asked. */
  async demoTokens(...roles: Array<'police' | 'coordinator' | 'admin'>): Promise<string[]> {
    return Promise.all(roles.map((role) => this.login(`${role}.demo`, `korgoo-demo-${role}`)));
  }

  async login(username: string, password: string): Promise<string> {
    const response = await request(this.gateway).post('/api/v1/auth/login').send({ username, password }).expect(200);
    return response.body.accessToken;
  }

  private readonly staffTokens = new Map<string, string>();

  /** A signed-in staff member of the centre, created by an admin on first use: routing picks the centre, not the test. */
  async centreStaff(adminToken: string, centreId: string): Promise<string> {
    if (!this.staffTokens.has(centreId)) {
      this.staffTokens.set(centreId, await this.newAccount(adminToken, `staff.${centreId}`, { role: 'centre', centreId }));
    }
    return this.staffTokens.get(centreId)!;
  }

  /** A signed-in police officer of the unit, a new account each call. */
  async policeOfficer(adminToken: string, unitCode: string): Promise<string> {
    return this.newAccount(adminToken, `officer.${unitCode}`, { role: 'police', unitCode });
  }

  private async newAccount(adminToken: string, prefix: string, role: Record<string, string>): Promise<string> {
    const username = `${prefix}.${Math.random().toString(36).slice(2, 10)}`;
    await request(this.gateway)
      .post('/api/v1/accounts')
      .auth(adminToken, { type: 'bearer' })
      .send({ username, password: 'a-long-enough-password', displayName: 'Test account', ...role })
      .expect(201);
    return this.login(username, 'a-long-enough-password');
  }

  private recorder!: EventRecorder;

  /** The first event on `subject` that satisfies `match`, whether it came before or after the call. */
  awaitEvent<T = Envelope>(subject: string, match: (event: T) => boolean, timeoutMs?: number): Promise<T> {
    return this.recorder.awaitEvent(subject, match as (event: Envelope) => boolean, timeoutMs) as Promise<T>;
  }

  /** Resolves once `count` distinct events on `subject` satisfy `match`. */
  awaitEvents<T = Envelope>(subject: string, match: (event: T) => boolean, count: number, timeoutMs?: number): Promise<T[]> {
    return this.recorder.awaitEvents(subject, match as (event: Envelope) => boolean, count, timeoutMs) as Promise<T[]>;
  }

  /** The services' last log lines, for a failure message. */
  recentOutput(): string {
    return this.running
      .map((service) => `--- ${service.name}\n${service.output.join('').slice(-1500)}`)
      .join('\n');
  }

  eventsOn(subject: string): Envelope[] {
    return this.recorder.eventsOn(subject);
  }

  /** How many events on `subject` a service's consumers handled with that outcome, from its /metrics. */
  eventsHandled(service: ServiceName, subject: string, outcome: HandlingOutcome): Promise<number> {
    return eventsHandledAt(this.services.get(service)!.port, subject, outcome);
  }
}

/** The demo accounts' tokens, there once the suite's stack has started. */
export interface DemoTokens {
  police: string;
  coordinator: string;
  admin: string;
}

/**
 * A whole stack for one suite: started, with the demo police officer, coordinator and admin signed in, before its
 * tests and stopped after them. `startTimeout` for a suite whose start may outlast jest's default.
 */
export function suiteStack(startTimeout?: number): { stack: KorgooStack; demo: DemoTokens } {
  const stack = new KorgooStack();
  const demo: DemoTokens = { police: '', coordinator: '', admin: '' };
  beforeAll(async () => {
    await stack.start();
    [demo.police, demo.coordinator, demo.admin] = await stack.demoTokens('police', 'coordinator', 'admin');
  }, startTimeout);
  afterAll(() => stack.stop());
  return { stack, demo };
}

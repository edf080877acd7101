/**
 * End-to-end benchmark: starts the four services on this machine against a fresh database and NATS
 * namespace, posts protection orders over HTTP at a fixed rate and measures, per order, the time from the
 * 201 answer to its `notification.sent.v1` (committed with the inbox entry). In the same run it measures the
 * ceilings underneath: single-row insert commits per second on the same PostgreSQL and pipelined JetStream
 * publish acknowledgements per second on the same NATS.
 *
 * It also prints the CPU each service spent per order (all its replicas together), PostgreSQL's and the NATS
 * server's beside them and the total, the statements each service sent to PostgreSQL per order (its
 * `korgoo_db_statements_total`, which does not move with the machine's load as CPU does), and checks, in the
 * services' own tables, that no order was lost or handled twice.
 *
 *   npm run bench:e2e -- --rate 50 --seconds 20
 *   npm run bench:e2e -- --rate 300 --seconds 60 --replicas 2   (two processes of every service)
 *   npm run bench:e2e -- --rate 100 --cpu-prof                  (a .cpuprofile per process in bench/profiles/)
 *   npm run bench:e2e -- --rate 30 --warmup 0                    (time the cold start too; 5 s untimed by default)
 *   npm run bench:e2e -- --rate 30 --timeline                    (each order's stage times in bench/results/)
 *   npm run bench:e2e -- --rate 300 --postgres-socket /var/run/postgresql   (PostgreSQL over its Unix socket)
 *   npm run bench:e2e -- --rate 300 --connections 64             (kept-alive connections to each gateway; 64 by default)
 *   npm run bench:e2e -- --rate 50 --off-path-nice 0             (programme and reporting at the others' priority; 10 by default)
 *   npm run bench:e2e -- --rate 300 --waits 20                   (what each service's connections wait for, read every 20 ms)
 */
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, nanos, NatsConnection } from '@nats-io/transport-node';
import { Agent, request } from 'node:http';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
// The naming rule alone: the library's index would load every contract, which needs reflect-metadata first.
import { SubjectNamespace } from '../libs/messaging/src/namespace';
import { freePort, niceOf, OFF_PATH_NICE, RunningService, SERVICES, startService, stopService } from '../tools/service-process';
import { benchmarkOrder } from './benchmark-order';
import { sampleConnectionWaits } from './connection-waits';
import { percentile, spread } from './percentile';
import { atSteadyRate } from './steady-rate';

const ROOT = join(__dirname, '..', '..');
const args = new Map(process.argv.slice(2).flatMap((arg, i, all) => (arg.startsWith('--') ? [[arg.slice(2), all[i + 1]]] : [])));
const RATE = Number(args.get('rate') ?? 50);
const SECONDS = Number(args.get('seconds') ?? 20);
const REPLICAS = Number(args.get('replicas') ?? 1);
const CPU_PROFILE = args.has('cpu-prof');
const TIMELINE = args.has('timeline');
/** Seconds of orders at the same rate before the measured ones, which then meet warm processes. */
const WARMUP = Number(args.get('warmup') ?? 5);
/** A directory holding PostgreSQL's Unix socket: every connection of the run goes through it instead of TCP. */
const POSTGRES_SOCKET = args.get('postgres-socket');
/** Connections the load generator keeps to each gateway. */
const CONNECTIONS = Number(args.get('connections') ?? 64);
/** The scheduling priority (`nice`) of the services off the order's way to the centre's inbox (`OFF_THE_PATH`). */
const NICE_OFF_THE_PATH = Number(args.get('off-path-nice') ?? OFF_PATH_NICE);
/**
 * With `--waits`, `pg_stat_activity` is read every this many ms while the timed orders are sent and handled, and
 * the JSON tells per service what its connections were waiting for. The readings cost PostgreSQL some CPU, which
 * counts in its figure.
 */
const WAITS_EVERY_MS = args.has('waits') ? Number(args.get('waits')) || 20 : undefined;
/**
 * The services' settings a run may set in its own environment, `NAME=value npm run bench:e2e …`:
 * `SERVICE_WARMUP=off` measures services that take their first events cold, `DB_PREPARED_STATEMENTS=off` ones
 * that have PostgreSQL plan every statement, `MESSAGING_BATCH_LINGER_MS=0` ones whose free workers commit a
 * partial batch at once.
 */
const SETTINGS_PASSED_ON = ['SERVICE_WARMUP', 'DB_PREPARED_STATEMENTS', 'MESSAGING_BATCH_LINGER_MS'];
const ADMIN_URL = process.env.KORGOO_BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

async function postgresInsertCeiling(url: string, seconds = 5, clients = 8): Promise<number> {
  const pool = new Pool({ connectionString: url, max: clients });
  // An idle client the run's cleanup disconnects must not end the benchmark.
  pool.on('error', () => undefined);
  try {
    await pool.query('CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, payload text NOT NULL)');
    let commits = 0;
    const deadline = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (Date.now() < deadline) {
          await pool.query('INSERT INTO bench_insert (payload) VALUES ($1)', ['x'.repeat(200)]);
          commits++;
        }
      }),
    );
    return commits / seconds;
  } finally {
    await pool.end();
  }
}

async function jetstreamPublishCeiling(namespace: string, seconds = 5, inFlight = 256): Promise<number> {
  const nc = await connect({ servers: NATS_URL });
  const jsm = await jetstreamManager(nc);
  const stream = `${namespace.toUpperCase()}_BENCH`;
  await jsm.streams.add({ name: stream, subjects: [`${namespace}.bench.>`], duplicate_window: nanos(120_000) });
  const js = jetstream(nc);
  let acks = 0;
  let sequence = 0;
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (Date.now() < deadline) {
        await js.publish(`${namespace}.bench.publish`, 'x'.repeat(600), { msgID: `m${sequence++}` });
        acks++;
      }
    }),
  );
  await jsm.streams.delete(stream);
  await nc.close();
  return acks / seconds;
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of stat, counted in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU seconds of every process on the machine with this name, by pid: PostgreSQL runs a process per connection
 * and the NATS server one of its own, and both work for every order on the same two cores.
 */
function cpuOfProcessesNamed(name: string): Map<number, number> {
  const found = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name) found.set(pid, cpuSeconds(pid));
    } catch {
      // ended while listed
    }
  }
  return found;
}

/** PostgreSQL's processes and the NATS server's, each by pid. */
function infrastructureCpu() {
  return { postgres: cpuOfProcessesNamed('postgres'), nats: cpuOfProcessesNamed('nats-server') };
}

/** CPU spent since `before` by the processes of that name: a process started since counts whole; one that ended is missed. */
function cpuSpentSince(before: Map<number, number>, after: Map<number, number>): number {
  let seconds = 0;
  for (const [pid, now] of after) seconds += now - (before.get(pid) ?? 0);
  return seconds;
}

function cpuByService(services: RunningService[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const service of services) totals.set(service.name, (totals.get(service.name) ?? 0) + cpuSeconds(service.child.pid!));
  return totals;
}

/**
 * Waits until every consumer of the run's streams has been sent and has acknowledged all there is: reporting and
 * programme, off the order's path to the inbox, may still be counting when the last order arrives there, and
 * their work is the orders' too. Two readings apart, so an event a relay publishes in between is seen.
 */
async function consumersCaughtUp(nc: NatsConnection, run: SubjectNamespace, timeoutMs = 60_000): Promise<boolean> {
  const jsm = await jetstreamManager(nc);
  const behind = async () => {
    let messages = 0;
    for await (const stream of jsm.streams.list()) {
      if (!run.owns(stream.config.name)) continue;
      for await (const consumer of jsm.consumers.list(stream.config.name)) messages += consumer.num_pending + consumer.num_ack_pending;
    }
    return messages;
  };
  const deadline = Date.now() + timeoutMs;
  let idleReadings = 0;
  while (idleReadings < 2 && Date.now() < deadline) {
    idleReadings = (await behind()) === 0 ? idleReadings + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return idleReadings >= 2;
}

/** Statements each service (all its replicas together) has sent to PostgreSQL so far, from its /metrics. */
async function statementsByService(services: RunningService[]): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  for (const service of services) {
    const text = await (await fetch(`http://127.0.0.1:${service.port}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('korgoo_db_statements_total'));
    totals.set(service.name, (totals.get(service.name) ?? 0) + Number(line?.split(' ').pop() ?? NaN));
  }
  return totals;
}

/** Counted in the services' own tables: a harness may look where services never read each other. */
async function lostAndDuplicated(databaseUrl: string) {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const count = async (sql: string) => ((await db.query(sql)).rows[0] as { n: number }).n;
  const result = {
    orders: await count(`SELECT count(*)::int AS n FROM gateway.protection_order`),
    duplicateOrders: await count(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM gateway.protection_order GROUP BY order_number HAVING count(*) > 1) d`,
    ),
    assessedOrders: await count(`SELECT count(DISTINCT order_id)::int AS n FROM risk.risk_assessment`),
    duplicateReferrals: await count(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM matching.referral GROUP BY order_id HAVING count(*) > 1) d`,
    ),
    notifiedOrders: await count(`SELECT count(DISTINCT order_id)::int AS n FROM notification.notification`),
    duplicateInboxNotifications: await count(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM notification.notification WHERE channel = 'inbox'
         GROUP BY order_id, referral_id, recipient_kind HAVING count(*) > 1) d`,
    ),
  };
  await db.end();
  return result;
}

/**
 * The events that mark an order's way through the pipeline, in order: 201 → each of these. Matching's stage is
 * whichever it announced, routed or unroutable; both are notified.
 */
const STAGES = [
  { stage: 'registered', subjects: ['order.registered.v1'] },
  { stage: 'assessed', subjects: ['risk.assessed.v1'] },
  { stage: 'routed', subjects: ['referral.routed.v1', 'referral.unroutable.v1'] },
  { stage: 'notified', subjects: ['notification.sent.v1'] },
];

/**
 * Per stage, for the orders seen at every stage: the time since the 201 when its event reached the stream
 * (`since201`) and the time the stage itself took, from the previous stage's event (`step`).
 */
function stageTimings(answered: Map<string, number>, seen: Map<string, Map<string, number>>) {
  const complete = [...answered].filter(([order]) => STAGES.every(({ stage }) => seen.get(stage)!.has(order)));
  const at = (order: string, i: number) => (i < 0 ? answered.get(order)! : seen.get(STAGES[i].stage)!.get(order)!);
  return {
    orders: complete.length,
    ...Object.fromEntries(
      STAGES.map(({ stage }, i) => [
        stage,
        {
          since201: spread(complete.map(([order]) => at(order, i) - at(order, -1))),
          step: spread(complete.map(([order]) => at(order, i) - at(order, i - 1))),
        },
      ]),
    ),
  };
}

/**
 * The load generator's connections to the gateways, kept alive and at most CONNECTIONS to each, as a reverse
 * proxy in front of them would hold: beyond capacity requests wait in this process, where a connection per
 * request in flight would overflow the gateway's accept queue and time out connecting.
 */
const gatewayConnections = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });

interface Answer {
  status: number;
  body: string;
}

function postOrder(gateway: string, accessToken: string, index: number, runId: string): Promise<Answer> {
  const body = JSON.stringify(benchmarkOrder(index, runId));
  return new Promise((resolve, reject) => {
    const sent = request(
      `${gateway}/api/v1/protection-orders`,
      {
        method: 'POST',
        agent: gatewayConnections,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${accessToken}` },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        response.on('error', reject);
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

/**
 * Offers WARMUP seconds of orders at the rate and waits until they are notified: the first seconds after a
 * start run in cold processes (compiling, opening connections, filling caches), which a deployment pays once.
 * The warm-up orders are not timed, but the loss and duplicate checks count them.
 */
async function warmUp(gateways: string[], accessToken: string, runId: string, notifiedOrders: Set<string>) {
  const warm = new Set<string>();
  await atSteadyRate(WARMUP * RATE, RATE, (i) =>
    postOrder(gateways[i % gateways.length], accessToken, i, runId).then((response) => {
      if (response.status === 201) warm.add((JSON.parse(response.body) as { orderId: string }).orderId);
    }, () => undefined),
  );
  const deadline = performance.now() + 60_000;
  while ([...warm].some((order) => !notifiedOrders.has(order)) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return warm;
}

async function main() {
  const runId = Date.now().toString(36);
  const database = `korgoo_bench_${runId}`;
  const namespace = `bench${runId}`;
  const runNamespace = new SubjectNamespace(namespace);
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = Object.assign(new URL(ADMIN_URL), { pathname: `/${database}` });
  if (POSTGRES_SOCKET) url.searchParams.set('host', POSTGRES_SOCKET);
  const databaseUrl = url.toString();
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    NATS_URL,
    KORGOO_NAMESPACE: namespace,
    JWT_SECRET: 'benchmark-secret-that-is-long-enough-0123',
    LOG_LEVEL: 'warn',
    // The benchmark measures the pipeline, not the per-address throttling in front of it.
    THROTTLE_WRITES_PER_MINUTE: '1000000',
    THROTTLE_READS_PER_MINUTE: '1000000',
    ...Object.fromEntries(SETTINGS_PASSED_ON.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : []))),
  };
  const services: RunningService[] = [];
  const nc = await connect({ servers: NATS_URL });
  try {
    const profileDir = join(ROOT, 'bench', 'profiles', runId);
    const nodeArgs = CPU_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
    // One after another: the first replica of each service runs its migrations and seeds before the next starts.
    for (const name of SERVICES) {
      for (let replica = 0; replica < REPLICAS; replica++) {
        const nice = niceOf(name, NICE_OFF_THE_PATH);
        services.push(await startService(name, await freePort(), env, { root: ROOT, nodeArgs, healthTimeoutMs: 180_000, nice }));
      }
    }
    const gateways = services.filter((service) => service.name === 'gateway').map((service) => `http://127.0.0.1:${service.port}`);
    const gateway = gateways[0];
    const login = await fetch(`${gateway}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'police.demo', password: 'korgoo-demo-police' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };

    const answeredAt = new Map<string, number>();
    const latencies: number[] = [];
    const early = new Map<string, number>();
    const notifiedOrders = new Set<string>();
    // When each order's event of every stage reached the stream (first copy), to find which stage holds the tail.
    const stageSeen = new Map<string, Map<string, number>>(STAGES.map(({ stage }) => [stage, new Map()]));
    const stageSubscriptions = STAGES.flatMap(({ stage, subjects }) =>
      subjects.map((subject) =>
        nc.subscribe(`${namespace}.${subject}`, {
          callback: (_, message) => {
            const now = performance.now();
            const seen = stageSeen.get(stage)!;
            const { correlationId } = message.json<{ correlationId: string }>();
            if (!seen.has(correlationId)) seen.set(correlationId, now);
          },
        }),
      ),
    );
    const answeredAll = new Map<string, number>();
    let warmOrders: Set<string> | undefined;
    const subscription = nc.subscribe(`${namespace}.notification.sent.v1`, {
      callback: (_, message) => {
        const now = performance.now();
        const { correlationId } = message.json<{ correlationId: string }>();
        // The first notification of an order reaching its centre's inbox is the one timed.
        if (notifiedOrders.has(correlationId)) return;
        notifiedOrders.add(correlationId);
        if (warmOrders?.has(correlationId)) return;
        const answered = answeredAt.get(correlationId);
        if (answered === undefined) early.set(correlationId, now);
        else latencies.push(now - answered);
      },
    });

    warmOrders = await warmUp(gateways, accessToken, runId, notifiedOrders);
    await consumersCaughtUp(nc, runNamespace);
    const errorsByKind = new Map<string, number>();
    const countError = (kind: string) => errorsByKind.set(kind, (errorsByKind.get(kind) ?? 0) + 1);
    const total = RATE * SECONDS;
    const cpuBefore = cpuByService(services);
    const statementsBefore = await statementsByService(services);
    const infrastructureBefore = infrastructureCpu();
    const benchCpuBefore = process.cpuUsage();
    const waitsDb = WAITS_EVERY_MS === undefined ? undefined : new Client({ connectionString: ADMIN_URL });
    await waitsDb?.connect();
    const waits = waitsDb && sampleConnectionWaits(waitsDb, database, WAITS_EVERY_MS!);
    const started = performance.now();
    await atSteadyRate(total, RATE, (i) =>
      postOrder(gateways[i % gateways.length], accessToken, WARMUP * RATE + i, runId).then((response) => {
        const now = performance.now();
        if (response.status !== 201) {
          countError(String(response.status));
          return;
        }
        const { orderId } = JSON.parse(response.body) as { orderId: string };
        answeredAll.set(orderId, now);
        const seen = early.get(orderId);
        if (seen !== undefined) latencies.push(seen - now);
        else answeredAt.set(orderId, now);
      }, (failure: NodeJS.ErrnoException) => countError(failure.code ?? failure.name)),
    );
    const errors = [...errorsByKind.values()].reduce((sum, count) => sum + count, 0);
    const sendSeconds = (performance.now() - started) / 1000;
    // A backlog drains for as long as orders keep arriving at the inbox; 30 s without one means they never will.
    let lastProgress = performance.now();
    let lastCount = latencies.length;
    while (latencies.length < total - errors && performance.now() - lastProgress < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (latencies.length > lastCount) [lastCount, lastProgress] = [latencies.length, performance.now()];
    }
    const pipelineSeconds = (Math.min(performance.now(), lastProgress) - started) / 1000;
    const postgresWaits = await waits?.stop();
    await waitsDb?.end();
    subscription.unsubscribe();
    for (const stageSubscription of stageSubscriptions) stageSubscription.unsubscribe();
    const caughtUp = await consumersCaughtUp(nc, runNamespace);
    const cpuAfter = cpuByService(services);
    const statementsAfter = await statementsByService(services);
    const infrastructureAfter = infrastructureCpu();
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const notified = Math.max(1, latencies.length);
    const cpuMsPerOrder = Object.fromEntries(
      [...cpuAfter].map(([name, seconds]) => [name, +(((seconds - (cpuBefore.get(name) ?? 0)) * 1000) / notified).toFixed(2)]),
    );
    cpuMsPerOrder.loadGenerator = +((benchCpu.user + benchCpu.system) / 1000 / notified).toFixed(2);
    for (const name of ['postgres', 'nats'] as const) {
      cpuMsPerOrder[name] = +((cpuSpentSince(infrastructureBefore[name], infrastructureAfter[name]) * 1000) / notified).toFixed(2);
    }
    cpuMsPerOrder.total = +Object.values(cpuMsPerOrder)
      .reduce((sum, ms) => sum + ms, 0)
      .toFixed(2);
    const statementsPerOrder = Object.fromEntries(
      [...statementsAfter].map(([name, sent]) => [name, +((sent - (statementsBefore.get(name) ?? 0)) / notified).toFixed(1)]),
    );
    statementsPerOrder.total = +Object.values(statementsPerOrder)
      .reduce((sum, n) => sum + n, 0)
      .toFixed(1);
    const checks = await lostAndDuplicated(databaseUrl);

    // The ceilings are measured with the services stopped: with two replicas their pools alone come near
    // PostgreSQL's connection limit, and whatever they still do would count against the ceilings.
    await Promise.all(services.map((service) => stopService(service)));
    const postgres = await postgresInsertCeiling(databaseUrl);
    const jetstreamAcks = await jetstreamPublishCeiling(namespace);
    const sorted = [...latencies].sort((a, b) => a - b);
    const throughput = latencies.length / pipelineSeconds;
    const result = {
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
      offered: { ratePerSecond: RATE, seconds: SECONDS, warmupSeconds: WARMUP, orders: total, sendSeconds: +sendSeconds.toFixed(2), replicas: REPLICAS },
      postgresVia: POSTGRES_SOCKET ? `unix socket in ${POSTGRES_SOCKET}` : 'tcp',
      offPathNice: NICE_OFF_THE_PATH,
      endToEndMs: {
        p50: +percentile(sorted, 50).toFixed(1),
        p90: +percentile(sorted, 90).toFixed(1),
        p95: +percentile(sorted, 95).toFixed(1),
        p99: +percentile(sorted, 99).toFixed(1),
        max: +(sorted[sorted.length - 1] ?? NaN).toFixed(1),
      },
      stagesMs: stageTimings(answeredAll, stageSeen),
      notified: latencies.length,
      errors,
      // By HTTP status, or by the failure's code where no answer came (a refused or reset connection).
      errorsByKind: Object.fromEntries(errorsByKind),
      lost: total - errors - latencies.length,
      sustainedOrdersPerSecond: +throughput.toFixed(1),
      // CPU and statements are counted until every consumer has caught up (false: it had not after 60 s).
      consumersCaughtUp: caughtUp,
      cpuMsPerOrder,
      statementsPerOrder,
      ...(postgresWaits && { postgresWaits }),
      checks: { ...checks, lost: checks.orders - checks.notifiedOrders },
      ceilings: { postgresInsertCommitsPerSecond: Math.round(postgres), jetstreamPublishAcksPerSecond: Math.round(jetstreamAcks) },
      ratios: {
        pipelineToPostgresInserts: +(throughput / postgres).toFixed(4),
        pipelineToJetstreamPublishes: +(throughput / jetstreamAcks).toFixed(4),
      },
    };
    console.log(JSON.stringify(result, null, 2));
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'results', `e2e-${runId}.json`), JSON.stringify(result, null, 2));
    if (TIMELINE) {
      // Each order's 201 and stage times in ms since the first post: a stall shows as orders stuck at one moment.
      const since = (t: number | undefined) => (t === undefined ? null : +(t - started).toFixed(1));
      const timeline = [...answeredAll].map(([order, answered]) => [
        since(answered),
        ...STAGES.map(({ stage }) => since(stageSeen.get(stage)!.get(order))),
      ]);
      writeFileSync(join(ROOT, 'bench', 'results', `e2e-${runId}-timeline.json`), JSON.stringify(timeline));
    }
  } finally {
    await Promise.all(services.map((service) => stopService(service)));
    const jsm = await jetstreamManager(nc);
    for await (const stream of jsm.streams.list()) {
      if (runNamespace.owns(stream.config.name)) await jsm.streams.delete(stream.config.name);
    }
    await nc.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

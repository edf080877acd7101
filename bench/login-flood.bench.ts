/**
 * Login flood against order intake: starts a gateway on a fresh database and NATS namespace, posts protection
 * orders at a steady rate and measures each `POST` until its 201, alone and while a bounded local flood of
 * failed logins (unknown usernames, wrong passwords) runs beside it. The quiet and flooded windows alternate
 * (`--rounds`), so that whatever else the machine does falls on both alike. Three phases, each on a gateway and
 * database of its own: a flood from one address (as a single attacker is), a flood from many addresses (each
 * attempt from another address behind a trusted proxy, so every per-address limit passes it and only the
 * gateway-wide budget of password checks, SIGN_IN_CHECKS_PER_SECOND, stands between it and bcrypt), and the
 * same with that budget lifted, to show what the budget saves on the same machine in the same load. Prints
 * intake p50/p95/p99 per phase, the answers to the logins and the p95 ratio.
 *
 *   npm run bench:login-flood -- --rate 20 --seconds 40 --rounds 4 --flood 200
 */
import { Agent, request as httpRequest } from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { freePort, startService, stopService } from '../tools/service-process';
import { benchmarkOrder } from './benchmark-order';
import { spread } from './percentile';
import { atSteadyRate } from './steady-rate';

const ROOT = join(__dirname, '..', '..');
const args = new Map(process.argv.slice(2).flatMap((arg, i, all) => (arg.startsWith('--') ? [[arg.slice(2), all[i + 1]]] : [])));
const RATE = Number(args.get('rate') ?? 20);
const SECONDS = Number(args.get('seconds') ?? 40);
const ROUNDS = Number(args.get('rounds') ?? 4);
const FLOOD_PER_SECOND = Number(args.get('flood') ?? 200);
const FLOOD_IN_FLIGHT = 32;
const ADMIN_URL = process.env.KORGOO_BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

const post = (url: string, body: object, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** Orders at RATE for `seconds`: the time of each until its 201, and how many got another answer. */
async function intake(gateway: string, token: string, runId: string, seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  await atSteadyRate(RATE * seconds, RATE, (i) => {
    const sent = performance.now();
    return post(`${gateway}/api/v1/protection-orders`, benchmarkOrder(i, runId), { authorization: `Bearer ${token}` }).then(
      (response) => void (response.status === 201 ? latencies.push(performance.now() - sent) : errors++),
      () => void errors++,
    );
  });
  return { latencies, errors };
}

function summary({ latencies, errors }: { latencies: number[]; errors: number }) {
  const { p50, p95, p99 } = spread(latencies);
  return { orders: latencies.length, errors, p50, p95, p99 };
}

// Plain HTTP on kept-alive sockets: fetch costs the flooding client about 0.3-0.5 ms of CPU an attempt, twice
// what the gateway spends refusing it, and that CPU is taken from the same two cores the gateway runs on.
const floodSockets = new Agent({ keepAlive: true, maxSockets: FLOOD_IN_FLIGHT });

/** One sign-in attempt; its answer's status, or 0 when the connection failed. */
function attemptSignIn(gateway: string, body: object, headers: Record<string, string>): Promise<number> {
  const payload = JSON.stringify(body);
  return new Promise((resolve) => {
    const sent = httpRequest(
      `${gateway}/api/v1/auth/login`,
      { method: 'POST', agent: floodSockets, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } },
      (answer) => {
        answer.resume();
        answer.once('end', () => resolve(answer.statusCode ?? 0));
      },
    );
    sent.once('error', () => resolve(0));
    sent.end(payload);
  });
}

/**
 * Failed logins at `perSecond`, at most FLOOD_IN_FLIGHT at once, until `stop`; answers by status. With
 * `manyAddresses` each names another client address in `X-Forwarded-For`, as a trusted proxy would pass it.
 */
async function flood(gateway: string, perSecond: number, manyAddresses: boolean, stop: () => boolean) {
  const statuses = new Map<number, number>();
  let attempt = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: FLOOD_IN_FLIGHT }, async () => {
      while (!stop()) {
        const n = attempt++;
        const due = started + (n * 1000) / perSecond;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const from: Record<string, string> = manyAddresses ? { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } : {};
        const status = await attemptSignIn(gateway, { username: `flood.${n}`, password: 'not-the-password-at-all' }, from);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return Object.fromEntries(statuses);
}

/**
 * The flood runs on a thread of its own: sent from the intake client's event loop, its requests would delay
 * that client's timers and the reading of its answers, and the benchmark would time itself, not the gateway.
 */
function floodBeside(gateway: string, manyAddresses: boolean): { stop: () => Promise<Record<number, number>> } {
  const worker = new Worker(__filename, { workerData: { gateway, perSecond: FLOOD_PER_SECOND, manyAddresses } });
  const answers = new Promise<Record<number, number>>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    stop: async () => {
      worker.postMessage('stop');
      const statuses = await answers;
      await worker.terminate();
      return statuses;
    },
  };
}

interface Phase {
  label: string;
  env: NodeJS.ProcessEnv;
  manyAddresses: boolean;
}

async function phaseRun({ label, env, manyAddresses }: Phase, runId: string) {
  // A database per phase: the failures one phase records must not lock the next phase's address out.
  const database = `korgoo_flood_${runId}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const port = await freePort();
  try {
    const gatewayProcess = await startService(
      'gateway',
      port,
      { ...env, DATABASE_URL: Object.assign(new URL(ADMIN_URL), { pathname: `/${database}` }).toString(), KORGOO_NAMESPACE: `flood${runId}` },
      { root: ROOT, healthTimeoutMs: 180_000 },
    );
    try {
      return { label, ...(await alternate(`http://127.0.0.1:${port}`, runId, manyAddresses)) };
    } finally {
      await stopService(gatewayProcess);
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

/** ROUNDS of a quiet window then a flooded one, SECONDS in all for each kind. */
async function alternate(gateway: string, runId: string, manyAddresses: boolean) {
  const { accessToken } = (await (await post(`${gateway}/api/v1/auth/login`, { username: 'police.demo', password: 'korgoo-demo-police' })).json()) as {
    accessToken: string;
  };
  // A few seconds first so the first quiet window is not also the warm-up.
  await intake(gateway, accessToken, `${runId}w`, 3);
  const quiet = { latencies: [] as number[], errors: 0 };
  const underFlood = { latencies: [] as number[], errors: 0 };
  const logins: Record<number, number> = {};
  const window = SECONDS / ROUNDS;
  for (let round = 0; round < ROUNDS; round++) {
    const alone = await intake(gateway, accessToken, `${runId}q${round}`, window);
    const flooding = floodBeside(gateway, manyAddresses);
    const beside = await intake(gateway, accessToken, `${runId}f${round}`, window);
    for (const [status, count] of Object.entries(await flooding.stop())) logins[Number(status)] = (logins[Number(status)] ?? 0) + count;
    for (const [total, part] of [
      [quiet, alone],
      [underFlood, beside],
    ] as const) {
      total.latencies.push(...part.latencies);
      total.errors += part.errors;
    }
  }
  const [alone, beside] = [summary(quiet), summary(underFlood)];
  return { quiet: alone, underFlood: beside, logins, p95Ratio: +(beside.p95 / alone.p95).toFixed(2) };
}

async function main() {
  const runId = Date.now().toString(36);
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    NATS_URL,
    JWT_SECRET: 'benchmark-secret-that-is-long-enough-0123',
    LOG_LEVEL: 'error',
    // Intake itself is not what is throttled here: one police client posts all the orders.
    THROTTLE_WRITES_PER_MINUTE: '1000000',
    // The flood from many addresses names them in X-Forwarded-For; intake comes without it, from 127.0.0.1.
    TRUST_PROXY_HOPS: '1',
  };
  const phases: Phase[] = [
    { label: 'a flood from one address', env, manyAddresses: false },
    { label: 'a flood from many addresses', env, manyAddresses: true },
    {
      label: 'a flood from many addresses, sign-in budget lifted (every attempt reaches bcrypt)',
      env: { ...env, SIGN_IN_CHECKS_PER_SECOND: '1000000', SIGN_IN_CHECKS_BURST: '1000000' },
      manyAddresses: true,
    },
  ];
  const runs = [];
  for (const [i, phase] of phases.entries()) runs.push(await phaseRun(phase, `${runId}p${i}`));
  const result = {
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
    offered: { ordersPerSecond: RATE, seconds: SECONDS, rounds: ROUNDS, failedLoginsPerSecond: FLOOD_PER_SECOND, loginsInFlight: FLOOD_IN_FLIGHT },
    runs,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

if (isMainThread) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
} else {
  let stopped = false;
  parentPort!.on('message', () => (stopped = true));
  void flood(workerData.gateway, workerData.perSecond, workerData.manyAddresses, () => stopped).then((statuses) => parentPort!.postMessage(statuses));
}

/**
 * Login flood against order intake: starts a gateway on a fresh database and NATS namespace, posts protection
 * orders at a steady rate and measures each `POST` until its 201, first alone, then while a bounded local
 * flood of failed logins (unknown usernames, wrong passwords) runs beside it. Twice: with the login throttle
 * as configured (one address, as a single attacker is), and with it lifted (as many addresses would be), where
 * only the gateway-wide budget of password checks (SIGN_IN_CHECKS_PER_SECOND) stands between the flood and
 * bcrypt; and a third time with that budget lifted as well, to show what the budget saves on the same machine
 * in the same load. Prints intake p50/p95/p99 per phase, the answers to the logins and the p95 ratio.
 *
 *   npm run bench:login-flood -- --rate 20 --seconds 15 --flood 200
 */
import { cpus } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { freePort, startService, stopService } from '../tools/service-process';
import { benchmarkOrder } from './benchmark-order';
import { percentile } from './percentile';

const ROOT = join(__dirname, '..', '..');
const args = new Map(process.argv.slice(2).flatMap((arg, i, all) => (arg.startsWith('--') ? [[arg.slice(2), all[i + 1]]] : [])));
const RATE = Number(args.get('rate') ?? 20);
const SECONDS = Number(args.get('seconds') ?? 15);
const FLOOD_PER_SECOND = Number(args.get('flood') ?? 200);
const FLOOD_IN_FLIGHT = 32;
const ADMIN_URL = process.env.KORGOO_BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

const post = (url: string, body: object, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

/** Orders at RATE for `seconds`; the time of each until its 201 (a non-201 counts as an error). */
async function intake(gateway: string, token: string, runId: string, seconds = SECONDS) {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const posts: Promise<void>[] = [];
  for (let i = 0; i < RATE * seconds; i++) {
    const wait = started + (i * 1000) / RATE - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = performance.now();
    posts.push(
      post(`${gateway}/api/v1/protection-orders`, benchmarkOrder(i, runId), token).then(
        (response) => void (response.status === 201 ? latencies.push(performance.now() - sent) : errors++),
        () => void errors++,
      ),
    );
  }
  await Promise.all(posts);
  const sorted = latencies.sort((a, b) => a - b);
  const at = (p: number) => +percentile(sorted, p).toFixed(1);
  return { orders: latencies.length, errors, p50: at(50), p95: at(95), p99: at(99) };
}

/** Failed logins at `perSecond`, at most FLOOD_IN_FLIGHT at once, until `stop`; answers by status. */
async function flood(gateway: string, perSecond: number, stop: () => boolean) {
  const statuses = new Map<number, number>();
  let attempt = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: FLOOD_IN_FLIGHT }, async () => {
      while (!stop()) {
        const due = started + (attempt++ * 1000) / perSecond;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const status = await post(`${gateway}/api/v1/auth/login`, { username: `flood.${attempt}`, password: 'not-the-password-at-all' }).then(
          (response) => response.status,
          () => 0,
        );
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
function floodBeside(gateway: string): { stop: () => Promise<Record<number, number>> } {
  const worker = new Worker(__filename, { workerData: { gateway, perSecond: FLOOD_PER_SECOND } });
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

async function phaseRun(label: string, env: NodeJS.ProcessEnv, runId: string) {
  const port = await freePort();
  const gatewayProcess = await startService('gateway', port, env, { root: ROOT, healthTimeoutMs: 180_000 });
  try {
    const gateway = `http://127.0.0.1:${port}`;
    const { accessToken } = (await (await post(`${gateway}/api/v1/auth/login`, { username: 'police.demo', password: 'korgoo-demo-police' })).json()) as {
      accessToken: string;
    };
    // A few seconds first so the quiet phase is not also the warm-up.
    await intake(gateway, accessToken, `${runId}w${port}`, 3);
    const quiet = await intake(gateway, accessToken, `${runId}q${port}`);
    const logins = floodBeside(gateway);
    const underFlood = await intake(gateway, accessToken, `${runId}f${port}`);
    return { label, quiet, underFlood, logins: await logins.stop(), p95Ratio: +(underFlood.p95 / quiet.p95).toFixed(2) };
  } finally {
    await stopService(gatewayProcess);
  }
}

async function main() {
  const runId = Date.now().toString(36);
  const database = `korgoo_flood_${runId}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    DATABASE_URL: Object.assign(new URL(ADMIN_URL), { pathname: `/${database}` }).toString(),
    NATS_URL,
    KORGOO_NAMESPACE: `flood${runId}`,
    JWT_SECRET: 'benchmark-secret-that-is-long-enough-0123',
    LOG_LEVEL: 'error',
    // Intake itself is not what is throttled here: one police client posts all the orders.
    THROTTLE_WRITES_PER_MINUTE: '1000000',
  };
  try {
    const configured = await phaseRun('login throttle as configured (one address)', env, runId);
    const manyAddresses = { ...env, THROTTLE_LOGIN_PER_MINUTE: '1000000' };
    const lifted = await phaseRun('login throttle lifted (a flood from many addresses)', manyAddresses, runId);
    const unbudgeted = await phaseRun(
      'login throttle and sign-in budget lifted (every attempt reaches bcrypt)',
      { ...manyAddresses, SIGN_IN_CHECKS_PER_SECOND: '1000000', SIGN_IN_CHECKS_BURST: '1000000' },
      runId,
    );
    const result = {
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
      offered: { ordersPerSecond: RATE, seconds: SECONDS, failedLoginsPerSecond: FLOOD_PER_SECOND, loginsInFlight: FLOOD_IN_FLIGHT },
      runs: [configured, lifted, unbudgeted],
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

if (isMainThread) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
} else {
  let stopped = false;
  parentPort!.on('message', () => (stopped = true));
  void flood(workerData.gateway, workerData.perSecond, () => stopped).then((statuses) => parentPort!.postMessage(statuses));
}

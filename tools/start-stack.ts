import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEFAULT_HTTP_PORTS } from '@korgoo/config';
import { embeddedPostgres, EmbeddedPostgresFailure } from './embedded-postgres';
import { RunningService, SERVICES, startService, stopService } from './service-process';
import { DEMO_ACCOUNTS } from '../apps/gateway/src/auth/demo-accounts';

/**
 * `npm start`: every service on this machine. Uses PostgreSQL and NATS at DATABASE_URL / NATS_URL (or
 * their default local addresses); starts an embedded PostgreSQL when none answers, and a `nats-server` with
 * JetStream when none answers but the binary is installed; otherwise explains how to get NATS.
 */
// Compiled to dist/tools: the project root is two levels up.
const ROOT = join(__dirname, '..', '..');

async function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: 1_500 });
    socket.once('connect', () => (socket.end(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

async function startEmbeddedPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const pg = await embeddedPostgres(join(ROOT, '.korgoo', 'pgdata'), 5433);
  await pg.start();
  return { url: pg.url('korgoo'), stop: () => pg.stop() };
}

function natsServerBinary(): string | null {
  const folders = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin'];
  for (const folder of folders.filter(Boolean)) {
    try {
      accessSync(join(folder, 'nats-server'), constants.X_OK);
      return join(folder, 'nats-server');
    } catch {
      // not in this folder
    }
  }
  return null;
}

/** A private JetStream server under .korgoo/nats, stopped with the stack. */
async function startNatsServer(binary: string, host: string, port: number): Promise<{ stop: () => Promise<void> }> {
  const storage = join(ROOT, '.korgoo', 'nats');
  mkdirSync(storage, { recursive: true });
  const server = spawn(binary, ['-js', '-a', host, '-p', String(port), '-sd', storage], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 50 && !(await reachable(host, port)); attempt++) {
    if (server.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!(await reachable(host, port))) {
    server.kill();
    throw new Error(`nats-server (${binary}) did not start on ${host}:${port}`);
  }
  const stopped = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  return {
    stop: async () => {
      if (server.exitCode === null) server.kill('SIGTERM');
      await stopped;
    },
  };
}

// Module-level so that a failed start stops the NATS server it began.
let nats: { stop: () => Promise<void> } | null = null;

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' };
  const natsUrl = new URL((env.NATS_URL ?? 'nats://127.0.0.1:4222').split(',')[0]);
  const natsPort = Number(natsUrl.port || 4222);
  const natsBinary = natsServerBinary();
  if (!(await reachable(natsUrl.hostname, natsPort)) && natsBinary) {
    console.log(`No NATS answers at ${natsUrl.host}; starting ${natsBinary} with JetStream in .korgoo/nats`);
    nats = await startNatsServer(natsBinary, natsUrl.hostname, natsPort);
  }
  if (!(await reachable(natsUrl.hostname, natsPort))) {
    console.error(`No NATS server answers at ${natsUrl.host}. Korgoo needs NATS with JetStream:
  Debian/Ubuntu: sudo apt-get install nats-server && nats-server -js -a 127.0.0.1 -p 4222 -sd /tmp/korgoo-nats
  Docker:        docker run -p 4222:4222 nats:2 -js
  or point NATS_URL at a running one (nats://host:4222), then run npm start again.`);
    process.exit(1);
  }
  let embedded: { stop: () => Promise<void> } | null = null;
  const databaseUrl = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/korgoo';
  const pgUrl = new URL(databaseUrl);
  if (await reachable(pgUrl.hostname, Number(pgUrl.port || 5432))) {
    env.DATABASE_URL = databaseUrl;
  } else {
    console.log(`No PostgreSQL answers at ${pgUrl.host}; starting an embedded one in .korgoo/pgdata`);
    const started = await startEmbeddedPostgres();
    embedded = started;
    env.DATABASE_URL = started.url;
  }
  await ensureDatabase(env.DATABASE_URL!);

  const running: RunningService[] = [];
  const shutdown = async () => {
    await Promise.all(running.map((service) => stopService(service)));
    await embedded?.stop();
    await nats?.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  for (const name of SERVICES) {
    running.push(await startService(name, Number(env[`${name.toUpperCase()}_HTTP_PORT`] ?? DEFAULT_HTTP_PORTS[name]), env, { root: ROOT, echo: true }));
  }
  const gateway = `http://127.0.0.1:${running[0].port}`;
  console.log(`
Korgoo is running.
  Web app:  ${gateway}/
  API:      ${gateway}/api/v1    OpenAPI: ${gateway}/api/docs
  Health:   ${running.map((s) => `${s.name} :${s.port}/health`).join(', ')}
${env.NODE_ENV === 'development' ? `  Demo accounts (development only):\n${DEMO_ACCOUNTS.map((a) => `    ${a.username.padEnd(28)} ${a.password}`).join('\n')}` : ''}
Press Ctrl+C to stop.`);
}

main().catch(async (error) => {
  if (error instanceof EmbeddedPostgresFailure) {
    console.error(`The embedded PostgreSQL could not start. ${error.message}
Or point DATABASE_URL at a running PostgreSQL (postgres://user@host:5432/korgoo) and run npm start again.`);
  } else {
    console.error(error);
  }
  await nats?.stop();
  process.exit(1);
});

import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEFAULT_HTTP_PORTS } from '@korgoo/config';
import { natsPasswordVariable, serviceNatsUsers } from '@korgoo/messaging';
import { embeddedPostgres, EmbeddedPostgresFailure } from './embedded-postgres';
import { listening, natsServerBinary, PrivateNats } from './private-nats';
import { freePort, niceOf, RunningService, ServiceName, SERVICES, startService, stopService } from './service-process';
import { DEMO_ACCOUNTS } from '../apps/gateway/src/auth/demo-accounts';

/**
 * `npm start`: every service on this machine. Uses PostgreSQL at DATABASE_URL (or its default local address)
 * and starts an embedded one when none answers; NATS as `natsForTheStack` says.
 */
// Compiled to dist/tools: the project root is two levels up.
const ROOT = join(__dirname, '..', '..');

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

/**
 * Where the services find NATS and as whom. NATS_URL given: that server, each service as its own user when
 * `<SERVICE>_NATS_PASSWORD` is set (the names the deployments use). Otherwise a private nats-server with
 * JetStream in .korgoo/nats and a user per service with passwords new at each start, so the local stack
 * runs with the permissions production has. Without the binary, an open NATS on the default port will do,
 * with a warning.
 */
async function natsForTheStack(env: NodeJS.ProcessEnv): Promise<{ url: string; passwords: Partial<Record<ServiceName, string>> } | null> {
  if (env.NATS_URL) {
    const passwords = Object.fromEntries(SERVICES.filter((name) => env[natsPasswordVariable(name)]).map((name) => [name, env[natsPasswordVariable(name)]!]));
    if (Object.keys(passwords).length < SERVICES.length) {
      console.warn(`Some services have no ${natsPasswordVariable('<service>')}: they connect to ${env.NATS_URL} without a user of their own.`);
    }
    return { url: env.NATS_URL, passwords };
  }
  const binary = natsServerBinary();
  if (binary) {
    const passwords = Object.fromEntries(SERVICES.map((name) => [name, randomBytes(24).toString('base64url')])) as Record<ServiceName, string>;
    const users = serviceNatsUsers(env.KORGOO_NAMESPACE ?? 'korgoo', (service) => JSON.stringify(passwords[service as ServiceName]));
    const server = new PrivateNats(binary, Number(env.NATS_PORT ?? (await freePort())), join(ROOT, '.korgoo', 'nats'), users);
    await server.start();
    nats = server;
    return { url: server.url, passwords };
  }
  if (await listening('127.0.0.1', 4222)) {
    console.warn('nats-server is not installed, so the services connect to the NATS at 127.0.0.1:4222 without users of their own.');
    return { url: 'nats://127.0.0.1:4222', passwords: {} };
  }
  return null;
}

// Module-level so that a failed start stops the NATS server it began.
let nats: PrivateNats | null = null;

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' };
  const natsAt = await natsForTheStack(env);
  if (!natsAt) {
    console.error(`No NATS. Korgoo needs NATS with JetStream:
  Debian/Ubuntu: sudo apt-get install nats-server (npm start then runs its own, with a user per service)
  Docker:        docker run -p 4222:4222 nats:2 -js
  or point NATS_URL at a running one (nats://host:4222) with each service's password in GATEWAY_NATS_PASSWORD,
  RISK_NATS_PASSWORD and so on, then run npm start again.`);
    process.exit(1);
  }
  env.NATS_URL = natsAt.url;
  let embedded: { stop: () => Promise<void> } | null = null;
  const databaseUrl = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/korgoo';
  const pgUrl = new URL(databaseUrl);
  if (await listening(pgUrl.hostname, Number(pgUrl.port || 5432))) {
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
    const password = natsAt.passwords[name];
    const own = password ? { ...env, NATS_USER: name, NATS_PASSWORD: password } : env;
    const port = Number(env[`${name.toUpperCase()}_HTTP_PORT`] ?? DEFAULT_HTTP_PORTS[name]);
    running.push(await startService(name, port, own, { root: ROOT, echo: true, nice: niceOf(name) }));
  }
  const gateway = `http://127.0.0.1:${running[0].port}`;
  console.log(`
Korgoo is running.
  Web app:  ${gateway}/
  API:      ${gateway}/api/v1    OpenAPI: ${gateway}/api/docs
  NATS:     ${natsAt.url}${nats ? ' (its own, a user per service)' : ''}
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

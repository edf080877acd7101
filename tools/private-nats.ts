import { ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { delimiter, join } from 'node:path';
// Relative, not @korgoo/messaging: the tests' global set-up loads this file, and jest maps no paths there.
import { NatsUser, renderNatsUsers } from '../libs/messaging/src/nats-users';

/** nats-server from NATS_SERVER_BIN, else from PATH or /usr/sbin (where Debian installs it), or null. */
export function natsServerBinary(): string | null {
  const candidates = process.env.NATS_SERVER_BIN
    ? [process.env.NATS_SERVER_BIN]
    : [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'].map((folder) => join(folder, 'nats-server'));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** Whether something accepts connections at host:port. */
export async function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: 1_500 });
    socket.once('connect', () => (socket.end(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/**
 * A nats-server of this machine's own, with JetStream and a user per service (`npm start`, the tests): it
 * never runs open. Its configuration holds passwords, so only its owner may read it. Whoever adds users
 * rewrites it (`writeNatsConfig`) and asks the running server to reload (`reloadNats`), which leaves
 * connected users as they are.
 */
export class PrivateNats {
  private child: ChildProcess | null = null;

  constructor(
    private readonly binary: string,
    readonly port: number,
    readonly dir: string,
    private readonly users: NatsUser[],
    readonly host = '127.0.0.1',
  ) {}

  get url(): string {
    return `nats://${this.host}:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    this.writeConfig();
    const child = spawn(this.binary, ['-c', join(this.dir, 'nats.conf')], { stdio: 'ignore' });
    this.child = child;
    for (let attempt = 0; attempt < 600 && !(await listening(this.host, this.port)); attempt++) {
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!(await listening(this.host, this.port))) {
      child.kill('SIGKILL');
      throw new Error(`nats-server (${this.binary}) did not start on ${this.host}:${this.port}; its configuration is ${join(this.dir, 'nats.conf')}`);
    }
  }

  /** SIGTERM stops it cleanly; SIGKILL is a crash (the tests' fault injection). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  private writeConfig(): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    writeNatsConfig(this.dir, this.host, this.port, this.users);
  }
}

/** Writes `<dir>/nats.conf` whole (a reload never reads half a file). */
export function writeNatsConfig(dir: string, host: string, port: number, users: NatsUser[]): void {
  const config = join(dir, 'nats.conf');
  const text = `listen: "${host}:${port}"\njetstream { store_dir: "${join(dir, 'jetstream')}" }\n${renderNatsUsers(users)}`;
  writeFileSync(`${config}.next`, text, { mode: 0o600 });
  renameSync(`${config}.next`, config);
}

/** nats-server rereads its configuration on SIGHUP. */
export function reloadNats(pid: number): void {
  process.kill(pid, 'SIGHUP');
}

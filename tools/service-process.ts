import { ChildProcess, spawn } from 'node:child_process';
import { AddressInfo, createServer } from 'node:net';
import { setPriority } from 'node:os';
import { join } from 'node:path';

export const SERVICES = ['gateway', 'risk', 'matching', 'notification', 'programme', 'reporting'] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * The services off an order's way to the centre's inbox. On one machine they run at a lower priority than the
 * others (`OFF_PATH_NICE`; in `docker-compose.yml` a quarter of their CPU weight): when the CPU is short they
 * yield it to the services on that way and catch up in larger batches after.
 */
export const OFF_THE_PATH: ReadonlySet<ServiceName> = new Set(['programme', 'reporting']);
export const OFF_PATH_NICE = 10;

/** The priority a service starts at on one machine: `offPath` for those off the way to the inbox, 0 for the others. */
export function niceOf(name: ServiceName, offPath = OFF_PATH_NICE): number {
  return OFF_THE_PATH.has(name) ? offPath : 0;
}

/** A port nobody listens on now: the machine is shared, so a fixed or random one may be taken. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningService {
  name: ServiceName;
  port: number;
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

/** Starts one compiled service as its own process and resolves once its /health answers 200. */
export async function startService(
  name: ServiceName,
  port: number,
  env: NodeJS.ProcessEnv,
  options: {
    root: string;
    echo?: boolean;
    healthTimeoutMs?: number;
    nodeArgs?: string[];
    /** Its scheduling priority (`nice`, 0 to 19): the higher, the more it yields the CPU to the others. */
    nice?: number;
  },
): Promise<RunningService> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), join(options.root, 'dist', 'apps', name, 'src', 'main.js')], {
    env: { ...env, HTTP_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (options.nice && child.pid !== undefined) setPriority(child.pid, options.nice);
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output.push(text);
    if (output.length > 2000) output.splice(0, output.length - 2000);
    if (options.echo) process.stdout.write(text.replace(/^/gm, `[${name}] `));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const service = { name, port, child, output, exited };
  await waitForHealth(service, options.healthTimeoutMs ?? 60_000);
  return service;
}

async function waitForHealth(service: RunningService, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void service.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`${service.name} exited with ${exitCode} before it was healthy:\n${service.output.join('').slice(-3000)}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${service.port}/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${service.name} was not healthy within ${timeoutMs} ms:\n${service.output.join('').slice(-3000)}`);
}

/** SIGTERM and wait: the service finishes in-flight messages and publishes what it committed. */
export async function stopService(service: RunningService, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill(signal);
  await service.exited;
}

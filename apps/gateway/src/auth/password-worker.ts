import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { compareSync, hashSync } from 'bcryptjs';

/** Runs bcrypt off the gateway's event loop, so a sign-in flood does not slow order intake. */
export interface PasswordJob {
  id: number;
  kind: 'hash' | 'compare';
  password: string;
  hash?: string;
  cost?: number;
}

/**
 * Password checks yield the CPU to everything else: on Linux a thread has its own nice value, and 0 names
 * the calling thread, so only this worker runs at the lowest priority. Order intake and the services' event
 * loops then keep their cores under a sign-in flood, and a check waits instead. Elsewhere the call would
 * lower the whole gateway, so it is left out.
 */
const PASSWORD_WORKER_NICENESS = 19;
if (process.platform === 'linux') setPriority(0, PASSWORD_WORKER_NICENESS);

parentPort!.on('message', (job: PasswordJob) => {
  try {
    const result = job.kind === 'hash' ? hashSync(job.password, job.cost) : compareSync(job.password, job.hash!);
    parentPort!.postMessage({ id: job.id, result });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});

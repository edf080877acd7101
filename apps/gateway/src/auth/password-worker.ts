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

parentPort!.on('message', (job: PasswordJob) => {
  try {
    const result = job.kind === 'hash' ? hashSync(job.password, job.cost) : compareSync(job.password, job.hash!);
    parentPort!.postMessage({ id: job.id, result });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});

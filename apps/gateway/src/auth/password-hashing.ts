import { Injectable, OnModuleDestroy, ServiceUnavailableException } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PasswordJob } from './password-worker';

const BCRYPT_COST = 10;
// A flood beyond this many waiting jobs is refused at once instead of queueing without bound.
const MAX_WAITING = 64;

interface Pending {
  resolve(value: string | boolean): void;
  reject(error: Error): void;
}

/**
 * A small pool of worker threads for bcrypt (bcryptjs, so every existing hash still verifies). It leaves at
 * least one core to the event loop.
 */
@Injectable()
export class PasswordHashing implements OnModuleDestroy {
  private readonly workers: Worker[] = [];
  private readonly busy = new Map<Worker, number>();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    const size = Math.max(1, Math.min(4, availableParallelism() - 1));
    for (let i = 0; i < size; i++) this.workers.push(this.spawn());
  }

  async hash(password: string): Promise<string> {
    return (await this.run({ kind: 'hash', password, cost: BCRYPT_COST })) as string;
  }

  async matches(password: string, hash: string): Promise<boolean> {
    return (await this.run({ kind: 'compare', password, hash })) as boolean;
  }

  async onModuleDestroy() {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(join(__dirname, 'password-worker.js'));
    this.busy.set(worker, 0);
    worker.on('message', (message: { id: number; result?: string | boolean; error?: string }) => {
      this.busy.set(worker, this.busy.get(worker)! - 1);
      const job = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error !== undefined) job?.reject(new Error(message.error));
      else job?.resolve(message.result!);
    });
    worker.unref();
    return worker;
  }

  private run(job: Omit<PasswordJob, 'id'>): Promise<string | boolean> {
    if (this.pending.size >= MAX_WAITING) {
      throw new ServiceUnavailableException('too many sign-ins at once; try again in a few seconds');
    }
    const worker = this.workers.reduce((least, candidate) => (this.busy.get(candidate)! < this.busy.get(least)! ? candidate : least));
    const id = this.nextId++;
    this.busy.set(worker, this.busy.get(worker)! + 1);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id } satisfies PasswordJob);
    });
  }
}

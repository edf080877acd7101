import type { OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BatchIntake, togetherOrAlone } from '@korgoo/messaging';
import { insertRegistrations, Registration } from './registration-statement';

/** Orders written in one statement at most: each batch size is a statement text prepared on each connection. */
const BATCH_SIZE = 32;

/**
 * Two writes at a time: one holds the audit chain's lock until its commit while the next has its rows ready
 * behind it. More would only wait for the lock; one would leave the lock idle between statements.
 */
const CONCURRENT_WRITES = 2;

interface Waiting {
  registration: Registration;
  written: (registered: boolean) => void;
  failed: (error: unknown) => void;
}

/**
 * Where new orders are written. Every intake takes the audit chain's lock and holds it until its commit, the
 * wait for the disk included, so intakes written one by one commit one at a time. Orders that arrive while a
 * write is under way are written together in the next one (`insertRegistrations`); under light load an order is
 * written at once, alone. A batch that fails is written again one order at a time, so an order that cannot be
 * written fails alone and the others are answered as if they had come alone.
 */
export class OrderIntake implements OnModuleDestroy {
  private readonly intake = new BatchIntake<Waiting>((batch) => this.write(batch), {
    concurrency: CONCURRENT_WRITES,
    batchSize: BATCH_SIZE,
  });

  constructor(private readonly db: DataSource) {}

  /** Resolves once the order is committed: true if it is new, false if its number was already registered. */
  register(registration: Registration): Promise<boolean> {
    return new Promise((written, failed) => void this.intake.push({ registration, written, failed }));
  }

  /** Orders already taken are written before the connections close. */
  onModuleDestroy(): Promise<void> {
    return this.intake.drained();
  }

  private async write(batch: Waiting[]): Promise<void> {
    await togetherOrAlone(
      batch,
      async (all) => {
        const registered = await insertRegistrations(this.db.manager, all.map(({ registration }) => registration));
        for (const { registration, written } of all) written(registered.has(registration.order.id));
      },
      async ({ registration, written, failed }) => {
        await insertRegistrations(this.db.manager, [registration]).then((registered) => written(registered.size === 1), failed);
      },
    );
  }
}

import { EntityManager } from 'typeorm';

/**
 * Rows that every event of a transaction adds to the same tables, written for all of them in one statement just
 * before the transaction commits: a batch of 30 events then costs one write instead of 30. Only for writes that
 * nothing else in the transaction reads: another event's handler in the same batch does not see them yet.
 */
export interface GatheredWrite<T> {
  write(tx: EntityManager, items: T[]): Promise<void>;
}

/** What the handlers of one transaction left to be written before it commits, in the order they left it. */
export class GatheredWrites {
  private readonly pending = new Map<GatheredWrite<never>, unknown[]>();

  add<T>(write: GatheredWrite<T>, item: T): void {
    const items = this.pending.get(write);
    if (items) items.push(item);
    else this.pending.set(write, [item]);
  }

  /** Runs `work` with a fresh set of gathered writes and writes them in `tx` once it has finished. */
  static async around<T>(tx: EntityManager, work: (gathered: GatheredWrites) => Promise<T>): Promise<T> {
    const gathered = new GatheredWrites();
    const result = await work(gathered);
    await gathered.flush(tx);
    return result;
  }

  async flush(tx: EntityManager): Promise<void> {
    for (const [write, items] of this.pending) await write.write(tx, items as never[]);
    this.pending.clear();
  }
}

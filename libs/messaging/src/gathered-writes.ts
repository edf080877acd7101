import { EntityManager } from 'typeorm';

/** SQL with its parameters, `$1` onwards. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * Rows that every event of a transaction adds to the same tables, written for all of them in one statement just
 * before the transaction commits: a batch of 30 events then costs one write instead of 30. Only for writes that
 * nothing else in the transaction reads: another event's handler in the same batch does not see them yet.
 */
export interface GatheredWrite<T> {
  write(tx: EntityManager, items: T[]): Promise<void>;
  /**
   * The same write as the one statement it sends, for a handler that only gathers (`gathersOnly`): an event of
   * its own is then written with its inbox entry in that statement, autocommitted, instead of in a transaction.
   */
  statement?(items: T[]): Statement;
}

/** A write that is one statement, sent as it is in a transaction or given to the inbox entry's statement. */
export function writtenInOneStatement<T>(statement: (items: T[]) => Statement): GatheredWrite<T> {
  return {
    statement,
    write: async (tx, items) => {
      const { sql, params } = statement(items);
      await tx.query(sql, params);
    },
  };
}

/** A handler declared `gathersOnly` read or wrote through its transaction, or gathered what is not one statement. */
export class NotOnlyGathered extends Error {}

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

  /**
   * `first`, a plain data-modifying statement, and what was gathered, as one statement: `first` runs as a query
   * of its WITH, its parameters numbered after the gathered write's. Either both take effect or neither does.
   */
  after(first: Statement): Statement {
    if (this.pending.size === 0) return first;
    const [[write, items], ...more] = this.pending;
    if (more.length > 0 || !write.statement) throw new NotOnlyGathered('what was gathered is more than one statement');
    const gathered = write.statement(items as never[]);
    const offset = gathered.params.length;
    const lead = `first_write AS (${first.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)})`;
    const withList = /^\s*WITH\s/i;
    const sql = withList.test(gathered.sql) ? gathered.sql.replace(withList, `WITH ${lead}, `) : `WITH ${lead} ${gathered.sql}`;
    return { sql, params: [...gathered.params, ...first.params] };
  }
}

/**
 * The transaction a handler declared `gathersOnly` is given: it may make entities (`create`) and gather their
 * writes, and anything else it asks of the database fails with `NotOnlyGathered`, as its statement would run
 * outside the inbox entry's.
 */
export function gatheringOnly(manager: EntityManager): EntityManager {
  const refuse = (key: PropertyKey): never => {
    throw new NotOnlyGathered(`a handler that only gathers used its transaction's ${String(key)}`);
  };
  return new Proxy(manager, {
    get(target, key) {
      if (key === 'create') return target.create.bind(target);
      // Read by `Outbox.wroteIn`: there is no query runner, the manager itself stands for the statement.
      if (key === 'queryRunner') return undefined;
      if (key === 'getRepository') {
        return (entity: Parameters<EntityManager['getRepository']>[0]) => {
          const repository = target.getRepository(entity);
          return new Proxy(repository, { get: (_, name) => (name === 'create' ? repository.create.bind(repository) : refuse(name)) });
        };
      }
      return refuse(key);
    },
  });
}

import { Clock } from './clock';
import { DuePoller, DueWork } from './due-poller';

type Tx = { id: number };
type Due = { id: string };

/** Items as a store keeps them; a claim holds one until its transaction ends, as FOR UPDATE does. */
class FakeStore implements DueWork<Tx, Due> {
  readonly fired: string[] = [];
  readonly claimed = new Set<string>();
  transactions = 0;
  peeks = 0;

  constructor(readonly items: Array<{ id: string; dueAt: Date; state: 'pending' | 'fired' }>) {}

  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await work({ id: ++this.transactions });
    } finally {
      this.claimed.clear();
    }
  }

  /** A statement of its own: what it locked is free again once it answers. */
  async outside<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    this.peeks++;
    try {
      return await work({ id: 0 });
    } finally {
      this.claimed.clear();
    }
  }

  async claimDue(_tx: Tx, now: Date, passOver: readonly string[]): Promise<Due | null> {
    const due = this.items
      .filter((d) => d.state === 'pending' && d.dueAt <= now && !this.claimed.has(d.id) && !passOver.includes(d.id))
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
    if (!due) return null;
    this.claimed.add(due.id);
    return { id: due.id };
  }

  async fire(_tx: Tx, due: Due): Promise<void> {
    this.items.find((d) => d.id === due.id)!.state = 'fired';
    this.fired.push(due.id);
  }

  idOf(due: Due): string {
    return due.id;
  }
}

const at = (iso: string) => new Date(iso);
const log = () => ({ warn: jest.fn(), error: jest.fn() });

function poller(store: FakeStore, clock: Clock, logger = log(), pollMs = 10_000) {
  return new DuePoller<Tx, Due>((work) => store.transaction(work), (work) => store.outside(work), store, clock, { name: 'test timer', pollMs }, logger);
}

describe('DuePoller', () => {
  it('fires what is due by the injected clock, once each, earliest first', async () => {
    const store = new FakeStore([
      { id: 'b', dueAt: at('2026-12-01T10:05:00Z'), state: 'pending' },
      { id: 'a', dueAt: at('2026-12-01T10:00:00Z'), state: 'pending' },
      { id: 'c', dueAt: at('2026-12-01T11:00:00Z'), state: 'pending' },
    ]);
    let now = at('2026-12-01T10:06:00Z');
    const timer = poller(store, { now: () => now });
    expect(await timer.fireDue()).toBe(2);
    expect(store.fired).toEqual(['a', 'b']);
    expect(await timer.fireDue()).toBe(0);
    now = at('2026-12-01T11:00:00Z');
    expect(await timer.fireDue()).toBe(1);
    expect(store.fired).toEqual(['a', 'b', 'c']);
  });

  it('opens no transaction for a round that finds nothing due', async () => {
    const store = new FakeStore([{ id: 'later', dueAt: at('2026-12-01T11:00:00Z'), state: 'pending' }]);
    const timer = poller(store, { now: () => at('2026-12-01T10:00:00Z') });
    expect(await timer.fireDue()).toBe(0);
    expect([store.peeks, store.transactions]).toEqual([1, 0]);
    // Once something is due, it is claimed and fired inside a transaction, then the last claim finds nothing.
    expect(await poller(store, { now: () => at('2026-12-01T11:00:00Z') }).fireDue()).toBe(1);
    expect([store.peeks, store.transactions, store.fired]).toEqual([2, 2, ['later']]);
  });

  it('passes over an item that fails so the others still fire, and logs no message text', async () => {
    const store = new FakeStore([
      { id: 'broken', dueAt: at('2026-12-01T09:00:00Z'), state: 'pending' },
      { id: 'fine', dueAt: at('2026-12-01T10:00:00Z'), state: 'pending' },
    ]);
    const fire = store.fire.bind(store);
    store.fire = async (tx, due) => {
      if (due.id === 'broken') throw Object.assign(new Error('Асанов Бакыт, Нарын'), { code: '23505' });
      await fire(tx, due);
    };
    const logger = log();
    expect(await poller(store, { now: () => at('2026-12-01T10:00:00Z') }, logger).fireDue()).toBe(1);
    expect(store.fired).toEqual(['fine']);
    expect(logger.error).toHaveBeenCalledWith({ dueId: 'broken', error: 'Error', code: '23505' }, 'test timer could not fire');
  });

  it('runs rounds asked for at once one after another, never side by side', async () => {
    const store = new FakeStore([
      { id: 'a', dueAt: at('2026-12-01T10:00:00Z'), state: 'pending' },
      { id: 'b', dueAt: at('2026-12-01T10:00:00Z'), state: 'pending' },
    ]);
    let open = 0;
    let widest = 0;
    const transaction = store.transaction.bind(store);
    store.transaction = async (work) => {
      widest = Math.max(widest, ++open);
      try {
        await Promise.resolve();
        return await transaction(work);
      } finally {
        open--;
      }
    };
    const timer = poller(store, { now: () => at('2026-12-01T10:00:00Z') });
    expect(await Promise.all([timer.fireDue(), timer.fireDue(), timer.fireDue()])).toEqual([2, 0, 0]);
    expect(widest).toBe(1);
    expect(store.fired).toEqual(['a', 'b']);
  });

  it('ends a round whose claim fails and keeps polling after it', async () => {
    const store = new FakeStore([{ id: 'a', dueAt: at('2026-12-01T10:00:00Z'), state: 'pending' }]);
    const claimDue = store.claimDue.bind(store);
    let attempts = 0;
    store.claimDue = async (tx, now, passOver) => {
      if (++attempts === 1) throw Object.assign(new Error('connection reset'), { driverError: { code: '08006' } });
      return claimDue(tx, now, passOver);
    };
    const logger = log();
    const fired = new Promise<void>((resolve) => {
      const fire = store.fire.bind(store);
      store.fire = async (tx, due) => {
        await fire(tx, due);
        resolve();
      };
    });
    const timer = poller(store, { now: () => at('2026-12-01T10:00:00Z') }, logger, 5);
    timer.start();
    await fired;
    await timer.stop();
    expect(logger.warn).toHaveBeenCalledWith({ error: 'Error', code: '08006' }, 'test timers could not be claimed; will retry');
    expect(store.fired).toEqual(['a']);
  });

  it('fires a short deadline on its own once started, and claims nothing after stop', async () => {
    const dueAt = new Date(Date.now() + 30);
    const store = new FakeStore([{ id: 'soon', dueAt, state: 'pending' }]);
    const fired = new Promise<Date>((resolve) => {
      const fire = store.fire.bind(store);
      store.fire = async (tx, due) => {
        await fire(tx, due);
        resolve(new Date());
      };
    });
    const timer = poller(store, { now: () => new Date() }, log(), 10);
    timer.start();
    expect((await fired).getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
    await timer.stop();
    store.items.push({ id: 'later', dueAt, state: 'pending' });
    expect(await timer.fireDue()).toBe(0);
    expect(store.fired).toEqual(['soon']);
  });
});

import { EntityManager } from 'typeorm';
import { Clock } from '@korgoo/platform/core';
import { BookingConflict } from '../directory/centre-directory';
import { DeadlinePoller, DueDeadline } from './deadline-poller';

/** Deadlines as the store keeps them; a claim holds one until its transaction ends, as FOR UPDATE does. */
class FakeDeadlines {
  readonly fired: string[] = [];
  readonly statements: string[] = [];
  private readonly claimed = new Set<string>();

  constructor(private readonly deadlines: Array<{ id: string; dueAt: Date; state: 'pending' | 'fired' }>) {}

  readonly tx = { query: async (sql: string) => void this.statements.push(sql) } as unknown as EntityManager;

  async transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await work(this.tx);
    } finally {
      this.claimed.clear();
    }
  }

  async claimDueDeadline(_tx: EntityManager, now: Date, passOver: string[]): Promise<DueDeadline | null> {
    const due = this.deadlines
      .filter((d) => d.state === 'pending' && d.dueAt <= now && !this.claimed.has(d.id) && !passOver.includes(d.id))
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
    if (!due) return null;
    this.claimed.add(due.id);
    return { deadlineId: due.id, referralId: `referral-${due.id}` };
  }

  fire = async (_tx: EntityManager, due: DueDeadline) => {
    this.deadlines.find((d) => d.id === due.deadlineId)!.state = 'fired';
    this.fired.push(due.deadlineId);
  };
}

const at = (iso: string) => new Date(iso);

describe('DeadlinePoller', () => {
  const log = { warn: jest.fn(), error: jest.fn() };

  function poller(store: FakeDeadlines, clock: Clock, fire = store.fire, pollMs = 10_000) {
    return new DeadlinePoller((work) => store.transaction(work), store, fire, clock, pollMs, log);
  }

  it('fires what is due by the injected clock, once each, earliest first', async () => {
    const store = new FakeDeadlines([
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

  it('tries a deadline again inside its savepoint when a booking changed underneath', async () => {
    const store = new FakeDeadlines([{ id: 'a', dueAt: at('2026-12-01T10:00:00Z'), state: 'pending' }]);
    let attempts = 0;
    const flaky = async (tx: EntityManager, due: DueDeadline) => {
      if (++attempts === 1) throw new BookingConflict('group session gone');
      await store.fire(tx, due);
    };
    expect(await poller(store, { now: () => at('2026-12-01T10:00:00Z') }, flaky).fireDue()).toBe(1);
    expect(store.fired).toEqual(['a']);
    expect(store.statements).toEqual([
      'SAVEPOINT loop_attempt',
      'ROLLBACK TO SAVEPOINT loop_attempt',
      'SAVEPOINT loop_attempt',
      'RELEASE SAVEPOINT loop_attempt',
    ]);
  });

  it('passes over a deadline that keeps failing so the others still fire', async () => {
    const store = new FakeDeadlines([
      { id: 'broken', dueAt: at('2026-12-01T09:00:00Z'), state: 'pending' },
      { id: 'fine', dueAt: at('2026-12-01T10:00:00Z'), state: 'pending' },
    ]);
    const fire = async (tx: EntityManager, due: DueDeadline) => {
      if (due.deadlineId === 'broken') throw new Error('referral row is inconsistent');
      await store.fire(tx, due);
    };
    expect(await poller(store, { now: () => at('2026-12-01T10:00:00Z') }, fire).fireDue()).toBe(1);
    expect(store.fired).toEqual(['fine']);
    expect(log.error).toHaveBeenCalledWith(
      { deadlineId: 'broken', err: 'Error: referral row is inconsistent' },
      'acknowledgement deadline could not fire',
    );
  });

  it('fires a short deadline on its own once started, and claims nothing after stop', async () => {
    const dueAt = new Date(Date.now() + 30);
    const store = new FakeDeadlines([{ id: 'soon', dueAt, state: 'pending' }]);
    const fired = new Promise<Date>((resolve) => {
      const fire = store.fire;
      store.fire = async (tx, due) => {
        await fire(tx, due);
        resolve(new Date());
      };
    });
    const timer = poller(store, { now: () => new Date() }, (tx, due) => store.fire(tx, due), 10);
    timer.start();
    expect((await fired).getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
    await timer.stop();
    expect(store.fired).toEqual(['soon']);
    expect(await timer.fireDue()).toBe(0);
  });
});

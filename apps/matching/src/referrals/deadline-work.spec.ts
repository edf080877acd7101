import { EntityManager } from 'typeorm';
import { DuePoller } from '@korgoo/platform/core';
import { BookingConflict } from '../directory/centre-directory';
import { deadlineWork, DueDeadline } from './deadline-work';

describe('deadlineWork', () => {
  it('tries a deadline again inside its savepoint when a booking changed underneath', async () => {
    const statements: string[] = [];
    const tx = { query: async (sql: string) => void statements.push(sql) } as unknown as EntityManager;
    let pending = true;
    const store = {
      claimDueDeadline: async (): Promise<DueDeadline | null> => (pending ? { deadlineId: 'a', referralId: 'r' } : null),
    };
    let attempts = 0;
    const expire = async () => {
      if (++attempts === 1) throw new BookingConflict('group session gone');
      pending = false;
    };
    const log = { warn: jest.fn(), error: jest.fn() };
    const clock = { now: () => new Date('2026-12-01T10:00:00Z') };
    const poller = new DuePoller<EntityManager, DueDeadline>((work) => work(tx), (work) => work(tx), deadlineWork(store, expire), clock, { name: 'deadline', pollMs: 10_000 }, log);
    expect(await poller.fireDue()).toBe(1);
    expect(statements).toEqual([
      'SAVEPOINT retry_attempt',
      'ROLLBACK TO SAVEPOINT retry_attempt',
      'SAVEPOINT retry_attempt',
      'RELEASE SAVEPOINT retry_attempt',
    ]);
    expect(log.error).not.toHaveBeenCalled();
  });
});

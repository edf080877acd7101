import { EntityManager } from 'typeorm';
import { Clock, DuePoller, DuePollerLog } from '@korgoo/platform/core';
import { raceSafe } from './lock-conflicts';

export interface DueDeadline {
  deadlineId: string;
  referralId: string;
}

export interface DeadlineStore {
  /** The earliest due deadline not in `passOver`, claimed with its referral for this transaction. */
  claimDueDeadline(tx: EntityManager, now: Date, passOver: readonly string[]): Promise<DueDeadline | null>;
}

/**
 * Fires acknowledgement deadlines kept in Postgres, each exactly once across replicas and restarts (see
 * DuePoller). A deadline that meets a booking changed underneath is tried again inside its savepoint.
 */
export function deadlinePoller(
  transaction: <T>(work: (tx: EntityManager) => Promise<T>) => Promise<T>,
  store: DeadlineStore,
  expire: (tx: EntityManager, due: DueDeadline) => Promise<void>,
  clock: Clock,
  pollMs: number,
  log: DuePollerLog,
): DuePoller<EntityManager, DueDeadline> {
  return new DuePoller<EntityManager, DueDeadline>(
    transaction,
    {
      claimDue: (tx, now, passOver) => store.claimDueDeadline(tx, now, passOver),
      fire: (tx, due) => raceSafe(tx, () => expire(tx, due)),
      idOf: (due) => due.deadlineId,
    },
    clock,
    { name: 'acknowledgement deadline', pollMs },
    log,
  );
}

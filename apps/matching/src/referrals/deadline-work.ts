import { EntityManager } from 'typeorm';
import { DueWork } from '@korgoo/platform/core';
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
 * Acknowledgement deadlines kept in Postgres, for a DuePoller to fire each exactly once across replicas and
 * restarts. A deadline that meets a booking changed underneath is tried again inside its savepoint.
 */
export function deadlineWork(
  store: DeadlineStore,
  expire: (tx: EntityManager, due: DueDeadline) => Promise<void>,
): DueWork<EntityManager, DueDeadline> {
  return {
    claimDue: (tx, now, passOver) => store.claimDueDeadline(tx, now, passOver),
    fire: (tx, due) => raceSafe(tx, () => expire(tx, due)),
    idOf: (due) => due.deadlineId,
  };
}

import { isLockConflict, retryingInSavepoint, SqlRunner } from '@korgoo/platform/core';
import { BookingConflict } from '../directory/centre-directory';

/** A deadlock, a serialization failure or a booking that changed underneath: trying again will do. */
export function isRoutingRace(error: unknown): boolean {
  return error instanceof BookingConflict || isLockConflict(error);
}

export const ROUTING_RETRY = { retryable: isRoutingRace };

/** Work inside a timer's transaction that a lost race rolls back to its savepoint and repeats. */
export function raceSafe<T>(tx: SqlRunner, work: () => Promise<T>): Promise<T> {
  return retryingInSavepoint(tx, work, ROUTING_RETRY);
}

import { isLockConflict, retryingInSavepoint, SqlRunner } from '@korgoo/platform/core';
import { BookingConflict } from '../directory/centre-directory';
import { ReferralChangedCentre } from './repositories/referral-repository';

/** A deadlock, a serialization failure, a booking or a referral's centre that changed underneath: trying again will do. */
export function isRoutingRace(error: unknown): boolean {
  return error instanceof BookingConflict || error instanceof ReferralChangedCentre || isLockConflict(error);
}

export const ROUTING_RETRY = { retryable: isRoutingRace };

/** Work inside a timer's transaction that a lost race rolls back to its savepoint and repeats. */
export function raceSafe<T>(tx: SqlRunner, work: () => Promise<T>): Promise<T> {
  return retryingInSavepoint(tx, work, ROUTING_RETRY);
}

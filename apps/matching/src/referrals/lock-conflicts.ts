import { EntityManager } from 'typeorm';
import { BookingConflict } from '../directory/centre-directory';

/** A deadlock, a serialization failure or a booking that changed underneath: trying again will do. */
export function isLockConflict(error: unknown): boolean {
  if (error instanceof BookingConflict) return true;
  const err = error as { code?: string; driverError?: { code?: string } };
  const code = err?.driverError?.code ?? err?.code;
  return code === '40P01' || code === '40001';
}

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));

/** Runs a whole transaction again on a lock conflict (commands, which own their transaction). */
export async function retryingTransaction<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isLockConflict(error) || attempt >= attempts) throw error;
      await pause(attempt);
    }
  }
}

/**
 * Runs `work` inside a savepoint of a transaction someone else owns (an event's or a timer's), and on a
 * lock conflict rolls back to it and tries again, so the message is not redelivered for a passing race.
 */
export async function retryingInSavepoint<T>(tx: EntityManager, work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    await tx.query('SAVEPOINT loop_attempt');
    try {
      const result = await work();
      await tx.query('RELEASE SAVEPOINT loop_attempt');
      return result;
    } catch (error) {
      if (!isLockConflict(error) || attempt >= attempts) throw error;
      await tx.query('ROLLBACK TO SAVEPOINT loop_attempt');
      await pause(attempt);
    }
  }
}

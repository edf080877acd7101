import { isLockConflict } from './pg-failure';

export interface RetryPolicy {
  /** Which failures are worth another try; by default a deadlock or serialization failure. */
  retryable?: (error: unknown) => boolean;
  attempts?: number;
}

/** Jitter keeps two transactions that collided from colliding again in step. */
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));

/** Runs a whole transaction again when it lost a race (commands, which own their transaction). */
export async function retryingTransaction<T>(work: () => Promise<T>, policy: RetryPolicy = {}): Promise<T> {
  const retryable = policy.retryable ?? isLockConflict;
  const attempts = policy.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!retryable(error) || attempt >= attempts) throw error;
      await pause(attempt);
    }
  }
}

/** The one thing a savepoint needs of a transaction. */
export interface SqlRunner {
  query(sql: string): Promise<unknown>;
}

/**
 * Runs `work` inside a savepoint of a transaction someone else owns (an event's or a timer's) and, when it
 * lost a race, rolls back to the savepoint and tries again, so the message is not redelivered for it.
 */
export async function retryingInSavepoint<T>(tx: SqlRunner, work: () => Promise<T>, policy: RetryPolicy = {}): Promise<T> {
  const retryable = policy.retryable ?? isLockConflict;
  const attempts = policy.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    await tx.query('SAVEPOINT retry_attempt');
    try {
      const result = await work();
      await tx.query('RELEASE SAVEPOINT retry_attempt');
      return result;
    } catch (error) {
      if (!retryable(error) || attempt >= attempts) throw error;
      await tx.query('ROLLBACK TO SAVEPOINT retry_attempt');
      await pause(attempt);
    }
  }
}

/**
 * What a failed database call means for the caller. Postgres reports a SQLSTATE; TypeORM wraps the driver's
 * error, so the code is looked for on both.
 */
export type PgFailure = 'lock_conflict' | 'unique_violation' | 'outage' | 'other';

export function sqlState(error: unknown): string | undefined {
  return reported(error, 'code');
}

/** The constraint a failed statement broke, as PostgreSQL names it (`inbox_pkey`). */
export function violatedConstraint(error: unknown): string | undefined {
  return reported(error, 'constraint');
}

function reported(error: unknown, field: 'code' | 'constraint'): string | undefined {
  const failure = error as ({ driverError?: Record<string, unknown> } & Record<string, unknown>) | null;
  const value = failure?.driverError?.[field] ?? failure?.[field];
  return typeof value === 'string' ? value : undefined;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
const LOST_CONNECTION = /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i;

export function classifyPgFailure(error: unknown): PgFailure {
  const code = sqlState(error) ?? '';
  // 40P01 deadlock, 40001 serialization failure: the same work succeeds when tried again.
  if (code === '40P01' || code === '40001') return 'lock_conflict';
  if (code === '23505') return 'unique_violation';
  // Class 08 connection exceptions, 57P operator intervention (shutdown, restart).
  if (/^(08|57P)/.test(code) || NETWORK_CODES.has(code)) return 'outage';
  const message = (error as { message?: unknown } | null)?.message;
  if (typeof message === 'string' && LOST_CONNECTION.test(message)) return 'outage';
  return 'other';
}

export const isLockConflict = (error: unknown) => classifyPgFailure(error) === 'lock_conflict';

/** Postgres connection loss or shutdown: the work is fine, the store is not; trying again later will do. */
export const isInfrastructureOutage = (error: unknown) => classifyPgFailure(error) === 'outage';

/**
 * An error as a log may carry it: its class and, for Postgres, its SQLSTATE. Never the message, which can
 * quote the row's values (names, addresses) back.
 */
export function failureDetails(error: unknown): { error: string; code?: string } {
  const name = error instanceof Error ? error.constructor.name : typeof error;
  const code = sqlState(error);
  return code === undefined ? { error: name } : { error: name, code };
}

import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@korgoo/platform/core';
import { CLOCK } from '@korgoo/platform';
import { ACCOUNT_LOCKOUT, ADDRESS_LOCKOUT, afterFailure, lockRemainingMs, LockoutPolicy, SignInFailures } from './sign-in-lockout';

interface FailureRow {
  failures: number;
  first_failed_at: Date;
  locked_until: Date | null;
}

/** Failed sign-ins per account name and per address, kept in Postgres so every gateway replica sees them. */
@Injectable()
export class SignInFailureCounters {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** 429 with Retry-After while the name or the address is locked; checked before any password is compared. */
  async refuseWhileLocked(username: string, address: string | null): Promise<void> {
    const keys = signInKeys(username, address);
    const rows: Array<FailureRow & { key: string }> = await this.dataSource.query(
      'SELECT key, failures, first_failed_at, locked_until FROM gateway.sign_in_failure WHERE key = ANY($1)',
      [keys.map(([key]) => key)],
    );
    const now = this.clock.now();
    const remainingMs = Math.max(0, ...rows.map((row) => lockRemainingMs(toRecord(row), now)));
    if (remainingMs > 0) throw new TooManySignInFailures(Math.ceil(remainingMs / 1000));
  }

  async failed(username: string, address: string | null): Promise<void> {
    for (const [key, policy] of signInKeys(username, address)) await this.count(key, policy);
  }

  /** A successful sign-in clears the account's count; the address keeps its own. */
  async succeeded(username: string): Promise<void> {
    await this.dataSource.query('DELETE FROM gateway.sign_in_failure WHERE key = $1', [accountKey(username)]);
  }

  private async count(key: string, policy: LockoutPolicy) {
    await this.dataSource.transaction(async (tx) => {
      const now = this.clock.now();
      // One upsert makes or finds the row and locks it: a spent row deleted meanwhile is simply made again.
      const [row]: FailureRow[] = await tx.query(
        `INSERT INTO gateway.sign_in_failure (key, failures, first_failed_at) VALUES ($1, 0, $2)
         ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key
         RETURNING failures, first_failed_at, locked_until`,
        [key, now],
      );
      const next = afterFailure(row.failures === 0 ? null : toRecord(row), now, policy);
      await tx.query('UPDATE gateway.sign_in_failure SET failures = $2, first_failed_at = $3, locked_until = $4 WHERE key = $1', [
        key,
        next.failures,
        next.firstFailedAt,
        next.lockedUntil,
      ]);
    });
  }
}

export class TooManySignInFailures extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      {
        statusCode: 429,
        error: 'Too Many Requests',
        message: `too many failed sign-ins; try again in ${retryAfterSeconds} seconds`,
        retryAfterSeconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

function accountKey(username: string) {
  return `account:${username}`;
}

function signInKeys(username: string, address: string | null): Array<[string, LockoutPolicy]> {
  const keys: Array<[string, LockoutPolicy]> = [[accountKey(username), ACCOUNT_LOCKOUT]];
  if (address) keys.push([`address:${address}`, ADDRESS_LOCKOUT]);
  return keys;
}

function toRecord(row: FailureRow): SignInFailures {
  return { failures: row.failures, firstFailedAt: row.first_failed_at, lockedUntil: row.locked_until };
}

/**
 * How failed sign-ins slow an attacker down: after `threshold` failures inside the window the key (an account
 * name or an address) is locked, and every further failure doubles the lock up to a ceiling. Pure, so the
 * policy is tested without a database or a clock.
 */
export interface LockoutPolicy {
  threshold: number;
  windowMs: number;
  firstLockMs: number;
  maxLockMs: number;
}

export interface SignInFailures {
  failures: number;
  firstFailedAt: Date;
  lockedUntil: Date | null;
}

const MINUTE = 60_000;

/** Per account name (known or not, so a lock tells nothing about which names exist). */
export const ACCOUNT_LOCKOUT: LockoutPolicy = { threshold: 5, windowMs: 15 * MINUTE, firstLockMs: MINUTE, maxLockMs: 30 * MINUTE };

/** Per address: high, because a police station's officers share one address behind NAT. */
export const ADDRESS_LOCKOUT: LockoutPolicy = { threshold: 100, windowMs: 15 * MINUTE, firstLockMs: 5 * MINUTE, maxLockMs: 60 * MINUTE };

export function afterFailure(previous: SignInFailures | null, now: Date, policy: LockoutPolicy): SignInFailures {
  const stillCounting =
    previous !== null &&
    (now.getTime() - previous.firstFailedAt.getTime() <= policy.windowMs || lockRemainingMs(previous, now) > 0);
  const failures = stillCounting ? previous.failures + 1 : 1;
  const firstFailedAt = stillCounting ? previous.firstFailedAt : now;
  if (failures < policy.threshold) return { failures, firstFailedAt, lockedUntil: null };
  const lockMs = Math.min(policy.firstLockMs * 2 ** (failures - policy.threshold), policy.maxLockMs);
  return { failures, firstFailedAt, lockedUntil: new Date(now.getTime() + lockMs) };
}

export function lockRemainingMs(record: SignInFailures | null, now: Date): number {
  if (!record?.lockedUntil) return 0;
  return Math.max(0, record.lockedUntil.getTime() - now.getTime());
}

/**
 * Counts begun before this, and not locked now, are spent: `afterFailure` would start them again from one.
 * They are deleted then, since each names an account name or an address and a flood makes many of them.
 */
export function signInFailuresSpentBefore(now: Date): Date {
  return new Date(now.getTime() - Math.max(ACCOUNT_LOCKOUT.windowMs, ADDRESS_LOCKOUT.windowMs));
}

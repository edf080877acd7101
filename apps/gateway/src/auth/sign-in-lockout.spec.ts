import { ACCOUNT_LOCKOUT, ADDRESS_LOCKOUT, afterFailure, lockRemainingMs, SignInFailures, signInFailuresSpentBefore } from './sign-in-lockout';

const start = new Date('2026-12-02T10:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);

function failTimes(count: number, everyMs = 1000): SignInFailures {
  let record: SignInFailures | null = null;
  for (let i = 0; i < count; i++) record = afterFailure(record, at(i * everyMs), ACCOUNT_LOCKOUT);
  return record!;
}

describe('sign-in lockout', () => {
  it('does not lock below the threshold', () => {
    expect(failTimes(4).lockedUntil).toBeNull();
  });

  it('locks for a minute at the fifth failure and doubles with every further one', () => {
    const fifth = failTimes(5);
    expect(lockRemainingMs(fifth, at(4000))).toBe(60_000);
    const sixth = afterFailure(fifth, at(5000), ACCOUNT_LOCKOUT);
    expect(lockRemainingMs(sixth, at(5000))).toBe(120_000);
  });

  it('never locks longer than the ceiling', () => {
    const many = failTimes(30);
    expect(lockRemainingMs(many, at(29_000))).toBe(ACCOUNT_LOCKOUT.maxLockMs);
  });

  it('starts counting again once the window has passed without a lock', () => {
    const four = failTimes(4);
    const later = afterFailure(four, at(ACCOUNT_LOCKOUT.windowMs + 10_000), ACCOUNT_LOCKOUT);
    expect(later).toEqual({ failures: 1, firstFailedAt: at(ACCOUNT_LOCKOUT.windowMs + 10_000), lockedUntil: null });
  });

  it('keeps counting while a lock is still running, even past the window', () => {
    const locked = failTimes(20, 60_000);
    const next = afterFailure(locked, at(20 * 60_000), ACCOUNT_LOCKOUT);
    expect(next.failures).toBe(21);
  });

  it('is unlocked once the lock has run out', () => {
    expect(lockRemainingMs(failTimes(5), at(4000 + 60_000))).toBe(0);
  });

  it('calls a count spent exactly when afterFailure would start it again from one', () => {
    const now = new Date('2026-12-03T12:00:00Z');
    const spentBefore = signInFailuresSpentBefore(now);
    for (const policy of [ACCOUNT_LOCKOUT, ADDRESS_LOCKOUT]) {
      const begun = (at: Date) => ({ failures: 3, firstFailedAt: at, lockedUntil: null });
      expect(afterFailure(begun(new Date(spentBefore.getTime() - 1)), now, policy).failures).toBe(1);
      expect(afterFailure(begun(spentBefore), now, policy).failures).toBe(4);
    }
  });
});

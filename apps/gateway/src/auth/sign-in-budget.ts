/**
 * How many password checks one gateway starts, whoever asks: a bucket of `burst` checks refilled at `perSecond`.
 * A flood from many addresses passes every per-address throttle, but not this, so bcrypt never takes more
 * than its share of the cores that order intake runs on. Pure, so the rule is tested without a clock.
 */
export interface SignInBudgetPolicy {
  perSecond: number;
  burst: number;
}

export interface SignInBudget {
  checks: number;
  atMs: number;
}

export type SignInAdmission = { admitted: true; budget: SignInBudget } | { admitted: false; budget: SignInBudget; retryAfterMs: number };

export function admitPasswordCheck(previous: SignInBudget | null, nowMs: number, policy: SignInBudgetPolicy): SignInAdmission {
  const refilled = previous === null ? policy.burst : previous.checks + (Math.max(0, nowMs - previous.atMs) * policy.perSecond) / 1000;
  const checks = Math.min(policy.burst, refilled);
  if (checks >= 1) return { admitted: true, budget: { checks: checks - 1, atMs: nowMs } };
  return { admitted: false, budget: { checks, atMs: nowMs }, retryAfterMs: Math.ceil(((1 - checks) * 1000) / policy.perSecond) };
}

/** Sign-ins per address in the current minute (a fixed window), so one address cannot spend the budget. */
export interface AddressWindow {
  startMs: number;
  /** Counted in place: a flood from many addresses would make copying it the cost. */
  counts: Map<string, number>;
}

export type AddressAdmission = { admitted: true; window: AddressWindow } | { admitted: false; window: AddressWindow; retryAfterMs: number };

/**
 * Counted before the budget: a single address flooding sign-ins would otherwise spend every check of the
 * gateway and refuse everyone else. The same limit as the per-address login throttle behind it.
 */
export function admitAddress(previous: AddressWindow | null, address: string, nowMs: number, perMinute: number): AddressAdmission {
  const window = previous && nowMs - previous.startMs < 60_000 ? previous : { startMs: nowMs, counts: new Map<string, number>() };
  const count = (window.counts.get(address) ?? 0) + 1;
  window.counts.set(address, count);
  if (count <= perMinute) return { admitted: true, window };
  return { admitted: false, window, retryAfterMs: window.startMs + 60_000 - nowMs };
}

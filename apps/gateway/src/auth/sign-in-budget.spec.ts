import { admitAddress, AddressWindow, admitPasswordCheck, SignInBudget, SignInBudgetPolicy } from './sign-in-budget';

const POLICY: SignInBudgetPolicy = { perSecond: 2, burst: 3 };

function attempts(times: number[]): boolean[] {
  let budget: SignInBudget | null = null;
  return times.map((at) => {
    const admission = admitPasswordCheck(budget, at, POLICY);
    budget = admission.budget;
    return admission.admitted;
  });
}

describe('the sign-in budget shared by every address', () => {
  it('admits a burst at once, then refuses until the bucket refills', () => {
    expect(attempts([0, 0, 0, 0, 0])).toEqual([true, true, true, false, false]);
  });

  it('refills at the configured rate and never beyond the burst', () => {
    expect(attempts([0, 0, 0, 499, 500, 999, 1000])).toEqual([true, true, true, false, true, false, true]);
    expect(attempts([0, 60_000, 60_000, 60_000, 60_000])).toEqual([true, true, true, true, false]);
  });

  it('says how long until the next check is admitted', () => {
    let budget: SignInBudget | null = null;
    for (let i = 0; i < 3; i++) budget = admitPasswordCheck(budget, 0, POLICY).budget;
    expect(admitPasswordCheck(budget, 0, POLICY)).toMatchObject({ admitted: false, retryAfterMs: 500 });
    expect(admitPasswordCheck(budget, 400, POLICY)).toMatchObject({ admitted: false, retryAfterMs: 100 });
  });

  it('keeps a sustained flood at the rate, however many ask', () => {
    const everyMillisecond = Array.from({ length: 10_000 }, (_, i) => i);
    expect(attempts(everyMillisecond).filter(Boolean)).toHaveLength(3 + 2 * 10 - 1);
  });
});

describe('sign-ins per address, counted before the budget', () => {
  function fromAddresses(calls: Array<[string, number]>, perMinute = 2): Array<boolean | number> {
    let window: AddressWindow | null = null;
    return calls.map(([address, at]) => {
      const admission = admitAddress(window, address, at, perMinute);
      window = admission.window;
      return admission.admitted || admission.retryAfterMs;
    });
  }

  it('refuses one address past its minute without touching another, and says when to come back', () => {
    expect(fromAddresses([['a', 0], ['a', 10], ['a', 20_000], ['b', 30_000], ['a', 59_999]])).toEqual([true, true, 40_000, true, 1]);
  });

  it('starts a new count each minute', () => {
    expect(fromAddresses([['a', 0], ['a', 1], ['a', 2], ['a', 60_000], ['a', 60_001]])).toEqual([true, true, 59_998, true, true]);
  });
});

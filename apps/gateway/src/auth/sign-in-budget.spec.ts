import { admitPasswordCheck, SignInBudget, SignInBudgetPolicy } from './sign-in-budget';

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

import request from 'supertest';
import { stopService } from '../tools/service-process';
import { MatchingStack } from './support/matching-stack';

describe('the gateway-wide budget of password checks, whatever the address', () => {
  const stack = new MatchingStack({ services: ['gateway'], env: { SIGN_IN_CHECKS_PER_SECOND: '1', SIGN_IN_CHECKS_BURST: '3' } });

  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  const refusals = async () =>
    (await stack.db.query(`SELECT detail, outcome FROM gateway.audit_log WHERE resource_type = 'sign_in_budget' ORDER BY id`)).rows;

  it('checks the burst’s passwords and refuses the rest at once with 503 and Retry-After, each refusal audited', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        // Twelve names: the budget is neither per name nor per address.
        request(stack.gateway).post('/api/v1/auth/login').send({ username: `flood.${i}`, password: 'not-the-password-at-all' }),
      ),
    );
    const checked = attempts.filter((attempt) => attempt.status === 401);
    const refused = attempts.filter((attempt) => attempt.status === 503);
    expect(checked.length + refused.length).toBe(12);
    // The three of the burst, and one more for each second the twelve took to arrive on a busy machine.
    expect(checked.length).toBeGreaterThanOrEqual(3);
    expect(checked.length).toBeLessThanOrEqual(6);
    for (const answer of refused) {
      expect(answer.body.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(answer.headers['retry-after']).toBe(String(answer.body.retryAfterSeconds));
    }

    // The first refusal is written before its answer; the others are counted and written as one tally.
    expect(await refusals()).toEqual([{ outcome: 'refused', detail: 'the gateway’s password checks per second were spent' }]);
    // Operators see the flood in the metrics, the one place besides the audit that counts each refusal.
    const metrics = await request(stack.gateway).get('/metrics').expect(200);
    expect(metrics.text).toMatch(new RegExp(`^korgoo_sign_ins_refused_total\\{[^}]*reason="budget"[^}]*\\} ${refused.length}$`, 'm'));
    await Promise.all(stack.replicas('gateway').map((gateway) => stopService(gateway)));
    const written = await refusals();
    expect(written).toHaveLength(2);
    expect(written[1].detail).toBe(`${refused.length - 1} further sign-ins refused within 10 s: the gateway’s password checks per second were spent`);
  });
});

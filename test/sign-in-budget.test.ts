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

describe('known devices: an account’s own device signs in past a spent budget', () => {
  const stack = new MatchingStack({
    services: ['gateway'],
    // One address here stands for many: the budget, not the per-address count, is what the flood meets. One
    // check refilled every five seconds, so that a busy machine's slow password checks refill none meanwhile.
    env: { SIGN_IN_CHECKS_PER_SECOND: '0.2', SIGN_IN_CHECKS_BURST: '3', THROTTLE_LOGIN_PER_MINUTE: '1000' },
  });

  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  const flood = (count: number) =>
    Array.from({ length: count }, (_, i) =>
      request(stack.gateway).post('/api/v1/auth/login').send({ username: `flood.${i}`, password: 'not-the-password-at-all' }),
    );

  it('remembers a device that signed in, in a cookie only the sign-in route receives and no script reads', async () => {
    const signedIn = await request(stack.gateway).post('/api/v1/auth/login').send({ username: 'coordinator.demo', password: 'korgoo-demo-coordinator' }).expect(200);
    const cookie = [signedIn.headers['set-cookie'] ?? []].flat().find((line: string) => line.startsWith('korgoo_device='));
    expect(cookie).toMatch(/; Path=\/api\/v1\/auth\/login;/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    const device = cookie!.split(';')[0];

    // During a flood that spends the budget, the coordinator's own device still signs in...
    const [own, ...flooded] = await Promise.all([
      request(stack.gateway).post('/api/v1/auth/login').set('Cookie', device).send({ username: 'coordinator.demo', password: 'korgoo-demo-coordinator' }),
      ...flood(12),
    ]);
    expect(own.status).toBe(200);
    expect(flooded.filter((answer) => answer.status === 503).length).toBeGreaterThan(0);

    // ...while the same device naming other accounts pays for each check like anyone: no refill came in the moment they took.
    const guesses = await Promise.all(
      ['admin.demo', 'auditor.demo'].map((username) =>
        request(stack.gateway).post('/api/v1/auth/login').set('Cookie', device).send({ username, password: 'not-the-password-at-all' }),
      ),
    );
    expect(guesses.map((answer) => answer.status)).toEqual(guesses.map((answer) => (answer.status === 401 ? 401 : 503)));
    const refused = guesses.filter((answer) => answer.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) expect(answer.headers['retry-after']).toBe(String(answer.body.retryAfterSeconds));

    // Three sign-ins a minute per device token: one copied off a device is no way around the budget.
    const fourth = await request(stack.gateway).post('/api/v1/auth/login').set('Cookie', device).send({ username: 'coordinator.demo', password: 'korgoo-demo-coordinator' }).expect(429);
    expect(fourth.body.message).toMatch(/from this device/);
  });

  it('takes a forged device token for none at all', async () => {
    await Promise.all(flood(12));
    const forged = `korgoo_device=d1.${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}.${Date.now().toString(36)}.forged`;
    const attempts = await Promise.all(
      Array.from({ length: 3 }, () =>
        request(stack.gateway).post('/api/v1/auth/login').set('Cookie', forged).send({ username: 'coordinator.demo', password: 'korgoo-demo-coordinator' }),
      ),
    );
    // Charged to the spent budget like any sign-in: no check came back in the moment they took.
    expect(attempts.filter((answer) => answer.status === 503).length).toBeGreaterThan(0);
  });
});

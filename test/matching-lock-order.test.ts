import request from 'supertest';
import { toktogulCentre } from './support/last-place-centre';
import { MatchingStack, riskAssessed } from './support/matching-stack';
import { serviceLogin } from './support/test-environment';
import { until } from './support/until';

type Routed = { referralId: string; centreId: string };
type Held = { starts_at: Date; ends_at: Date; facilitator_ids: string[] };

// Toktogul's orders go to this one centre, one pair, or to the coordinators.
const CENTRE = 'lock-order-toktogul';
const ROUNDS = 8;
const HOUR = 3_600_000;

describe('a decline and a facilitator away at the same centre take its locks in one order', () => {
  const stack = new MatchingStack({ services: ['gateway', 'matching'] });
  let admin: string;
  let staff: string;

  beforeAll(async () => {
    await stack.start();
    admin = await stack.login('admin.demo', 'korgoo-demo-admin');
    await toktogulCentre(stack.gateway, admin, CENTRE, 'Lock order test centre', 1);
    staff = await stack.centreStaff(admin, CENTRE);
  });

  afterAll(() => stack.stop());

  it('ends both, round after round, with no deadlock for PostgreSQL to break', async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const assessed = riskAssessed({ settlementCode: 'toktogul', expiresInDays: 45 });
      await stack.publish('risk.assessed.v1', assessed.orderId, assessed);
      const routed = await stack.awaitEvent<Routed>('referral.routed.v1', (e) => e.correlationId === assessed.orderId);
      const { referralId } = routed.payload;
      expect(routed.payload.centreId).toBe(CENTRE);
      const [first] = await stack.sql<Held>(
        `SELECT b.starts_at, b.ends_at, b.facilitator_ids FROM matching.session_hold h
           JOIN matching.booked_session b ON b.id = h.booked_session_id WHERE h.referral_id = $1 ORDER BY h.session_index LIMIT 1`,
        [referralId],
      );

      // The lead is away over the first session only: nobody can take it, and it moves later when the absence comes first.
      const [declined, away] = await Promise.all([
        request(stack.gateway).post(`/api/v1/referrals/${referralId}/decline`).auth(staff, { type: 'bearer' }).send({ reason: 'at_capacity' }),
        request(stack.gateway)
          .post(`/api/v1/directory/facilitators/${first.facilitator_ids[0]}/exceptions`)
          .auth(admin, { type: 'bearer' })
          .send({ from: new Date(first.starts_at.getTime() - HOUR).toISOString(), to: new Date(first.ends_at.getTime() + HOUR).toISOString(), reason: 'leave' }),
      ]);
      expect([round, declined.status, away.status]).toEqual([round, 200, 201]);

      // No other centre reaches Toktogul: the declined referral goes to the coordinators, its sessions given back.
      await stack.awaitEvent('referral.escalated.v1', (e) => (e.payload as { referralId: string }).referralId === referralId);
      expect(await stack.sql('SELECT 1 FROM matching.session_hold WHERE referral_id = $1', [referralId])).toEqual([]);
      expect(await stack.sql('SELECT 1 FROM matching.booked_session WHERE centre_id = $1', [CENTRE])).toEqual([]);
      const transitions = await stack.sql<{ from_status: string; to_status: string; actor_kind: string; reason_code: string }>(
        'SELECT from_status, to_status, actor_kind, reason_code FROM matching.referral_transition WHERE referral_id = $1 AND from_status = $2',
        [referralId, 'proposed'],
      );
      expect(transitions.map((t) => [t.to_status, t.actor_kind, t.reason_code])).toEqual([['declined', 'centre', 'at_capacity']]);
    }

    // A backend counts a deadlock it broke in its statistics when it ends: matching's connections end with it.
    await stack.kill('matching');
    await until(
      async () =>
        (await stack.sql('SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND usename = $1', [serviceLogin('matching')])).length === 0,
      "matching's connections to close",
    );
    const [{ deadlocks }] = await stack.sql<{ deadlocks: string }>('SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()');
    expect(Number(deadlocks)).toBe(0);
  }, 120_000);
});

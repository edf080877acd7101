import request from 'supertest';
import { addFacilitatorPairs, bishkekWeekday, lastPlaceCentre, RestoreCentres, routeOnlyToOwnCentres } from './support/last-place-centre';
import { MatchingStack, riskAssessed } from './support/matching-stack';
import { until } from './support/until';

const ROUTINGS = 50;
const REPLICAS = 4;

describe('fifty routings race for the last free places', () => {
  const stack = new MatchingStack({ services: ['gateway', 'matching'] });
  let admin: string;
  let restoreCentres: RestoreCentres | undefined;

  const api = (method: 'get' | 'post' | 'put', path: string, body?: object) => {
    const call = request(stack.gateway)[method](`/api/v1/directory${path}`).auth(admin, { type: 'bearer' });
    return body ? call.send(body) : call;
  };

  beforeAll(async () => {
    await stack.start();
    admin = await stack.login('admin.demo', 'korgoo-demo-admin');
    restoreCentres = await routeOnlyToOwnCentres(stack.gateway, admin);
    // Both centres within the routing reach (180 minutes one way by default) of the Naryn orders on every
    // session date: Kochkor is 110 minutes away on a highway open all year; Bishkek (350 minutes) would not be.
    await lastPlaceCentre(stack.gateway, admin, 'race-naryn', 'naryn', 'Last place naryn');
    await lastPlaceCentre(stack.gateway, admin, 'race-kochkor', 'kochkor', 'Last place kochkor');
    for (let i = 1; i < REPLICAS; i++) await stack.startOne('matching');
  });

  afterAll(async () => {
    await restoreCentres?.(admin, ['race-naryn', 'race-kochkor']);
    await stack.stop();
  });

  /** Sessions that put one facilitator in two places at once. */
  const clashes = () =>
    stack.sql(
      `SELECT a.id FROM matching.booked_session a JOIN matching.booked_session b
          ON a.id < b.id AND a.facilitator_ids && b.facilitator_ids AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at`,
    );

  it('gives each last place to exactly one routing; the rest go elsewhere or to coordinators', async () => {
    const orders = Array.from({ length: ROUTINGS }, () => riskAssessed({ settlementCode: 'naryn' }));
    await Promise.all(orders.map((o) => stack.publish('risk.assessed.v1', o.orderId, o)));
    const ids = new Set(orders.map((o) => o.orderId));
    const placed = (e: { correlationId: string }) => ids.has(e.correlationId);

    await Promise.all([
      stack.awaitEvents('referral.routed.v1', placed, 2),
      stack.awaitEvents('referral.unroutable.v1', placed, ROUTINGS - 2),
    ]);

    const byCentre = stack.eventsOn('referral.routed.v1').filter(placed).map((e) => e.payload.centreId);
    expect(byCentre.sort()).toEqual(['race-kochkor', 'race-naryn']);
    const coordinators = stack.eventsOn<{ reasons: string[] }>('referral.unroutable.v1').filter(placed);
    expect(coordinators).toHaveLength(ROUTINGS - 2);
    for (const event of coordinators) {
      expect(event.payload.reasons).toEqual([expect.stringMatching(/^race-kochkor: /), expect.stringMatching(/^race-naryn: /)]);
    }
    // Every order got exactly one answer.
    const answered = [...stack.eventsOn('referral.routed.v1'), ...stack.eventsOn('referral.unroutable.v1')].filter(placed);
    expect(new Set(answered.map((e) => e.correlationId)).size).toBe(ROUTINGS);
    expect(answered).toHaveLength(ROUTINGS);

    // One programme per centre was booked, and no facilitator is in two sessions at once.
    const sessions = await stack.sql<{ centre_id: string; n: number; people: number }>(
      `SELECT centre_id, count(*)::int AS n, sum(participants)::int AS people FROM matching.booked_session
        WHERE centre_id LIKE 'race-%' GROUP BY centre_id ORDER BY centre_id`,
    );
    expect(sessions).toEqual([
      { centre_id: 'race-kochkor', n: 4, people: 4 },
      { centre_id: 'race-naryn', n: 4, people: 4 },
    ]);
    expect(await clashes()).toEqual([]);

    // The routings really ran side by side: several replicas decided.
    const deciders = await stack.sql<{ replica: string }>(
      `SELECT DISTINCT record->>'decidedBy' AS replica FROM matching.routing_decision d
         JOIN matching.referral r ON r.id = d.referral_id WHERE r.order_id = ANY($1)`,
      [[...ids]],
    );
    expect(deciders.length).toBeGreaterThan(1);
  });

  it('still lets a coordinator place one the rules could not, at a full centre, holding nothing', async () => {
    const coordinator = await stack.login('coordinator.demo', 'korgoo-demo-coordinator');
    const [waiting] = stack.eventsOn<{ referralId: string }>('referral.unroutable.v1');
    const { referralId } = waiting.payload;
    const reason = 'the centre will add an evening group for this participant';
    const assigned = await request(stack.gateway)
      .post(`/api/v1/referrals/${referralId}/assign`)
      .auth(coordinator, { type: 'bearer' })
      .send({ centreId: 'race-naryn', reason })
      .expect(200);
    expect(assigned.body.referral).toMatchObject({ status: 'proposed', centreId: 'race-naryn' });
    // It never had a centre, so this is its first proposal.
    const routed = await stack.awaitEvent('referral.routed.v1', (e) => e.payload.referralId === referralId);
    expect(routed.payload.centreId).toBe('race-naryn');
    expect(await stack.sql('SELECT 1 FROM matching.session_hold WHERE referral_id = $1', [referralId])).toEqual([]);
    const [transition] = await stack.sql<{ from_status: string; reason_code: string; note: string }>(
      `SELECT from_status, reason_code, note FROM matching.referral_transition WHERE referral_id = $1 AND actor_kind = 'coordinator'`,
      [referralId],
    );
    expect(transition).toMatchObject({ from_status: 'unroutable', note: reason });
    expect(transition.reason_code).toMatch(/^assigned_despite_/);
  });

  it('sees a new pair added through one replica in every replica, and books its one programme once', async () => {
    // Every replica has both centres in memory, full; one replica now adds a pair: one more programme.
    await addFacilitatorPairs(stack.gateway, admin, 'race-kochkor', {
      pairs: 1,
      languages: ['ky'],
      weekly: [{ weekday: bishkekWeekday(2), start: '09:00', end: '13:00' }],
    });
    const orders = Array.from({ length: 20 }, () => riskAssessed({ settlementCode: 'naryn' }));
    await Promise.all(orders.map((o) => stack.publish('risk.assessed.v1', o.orderId, o)));
    const ids = new Set(orders.map((o) => o.orderId));
    const answered = () =>
      [...stack.eventsOn('referral.routed.v1'), ...stack.eventsOn('referral.unroutable.v1')].filter((e) => ids.has(e.correlationId));
    await until(() => answered().length >= orders.length, 'every new order answered');

    // The new place went to one order, new or waiting, and to no other: two programmes at Kochkor now.
    const sessions = await stack.sql<{ n: number; people: number }>(
      `SELECT count(*)::int AS n, sum(participants)::int AS people FROM matching.booked_session WHERE centre_id = 'race-kochkor'`,
    );
    expect(sessions).toEqual([{ n: 8, people: 8 }]);
    expect(await clashes()).toEqual([]);
    expect(answered()).toHaveLength(orders.length);
    expect(stack.eventsOn('referral.routed.v1').filter((e) => ids.has(e.correlationId)).length).toBeLessThanOrEqual(1);
  });
});

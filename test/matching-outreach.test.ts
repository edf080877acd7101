import request from 'supertest';
import { MatchingStack, riskAssessed } from './support/matching-stack';

type Routed = { referralId: string; orderId: string; centreId: string; travelMinutes: number; outreachSettlementCode?: string };
type Unroutable = { referralId: string; reasons: string[]; reasonCodes: string[] };

/** ISO weekday (1 = Monday) and wall-clock time of an instant in Bishkek (UTC+6 all year). */
const bishkek = (at: Date) => {
  const local = new Date(at.getTime() + 6 * 3_600_000);
  return { weekday: local.getUTCDay() || 7, clock: local.toISOString().slice(11, 16) };
};

describe('outreach points: a centre’s pair serves a district town beyond the reach of every centre', () => {
  // The demo directory's nearest centres to Toktogul are Bishkek and Talas, both about 290 minutes away by road.
  const stack = new MatchingStack({ services: ['gateway', 'matching'] });
  let admin: string;
  let coordinator: string;

  const toktogulOrder = () => riskAssessed({ settlementCode: 'toktogul' });
  const point = {
    settlementCode: 'toktogul',
    facilitatorIds: ['talas-demo-1', 'talas-demo-2'],
    windows: [
      { weekday: 2, start: '09:00', end: '18:00' },
      { weekday: 3, start: '09:00', end: '18:00' },
    ],
  };
  const sessionsOf = (referralId: string) =>
    stack.sql<{ kind: string; starts_at: Date; ends_at: Date; outreach_point_id: string | null; facilitator_ids: string[] }>(
      `SELECT b.kind, b.starts_at, b.ends_at, b.outreach_point_id, b.facilitator_ids FROM matching.session_hold h
         JOIN matching.booked_session b ON b.id = h.booked_session_id WHERE h.referral_id = $1 ORDER BY h.session_index`,
      [referralId],
    );

  beforeAll(async () => {
    await stack.start();
    [admin, coordinator] = await Promise.all([
      stack.login('admin.demo', 'korgoo-demo-admin'),
      stack.login('coordinator.demo', 'korgoo-demo-coordinator'),
    ]);
  });

  afterAll(() => stack.stop());

  let waiting: Unroutable;

  it('finds no programme within reach of Toktogul while no centre serves it', async () => {
    const order = toktogulOrder();
    await stack.publish('risk.assessed.v1', order.orderId, order);
    const unroutable = await stack.awaitEvent<Unroutable>('referral.unroutable.v1', (e) => e.correlationId === order.orderId);
    waiting = unroutable.payload;
    expect(waiting.reasons[0]).toBe('no programme within reach of Toktogul');
    expect(waiting.reasonCodes).toEqual(expect.arrayContaining(['no_programme_within_reach', 'beyond_reach']));
  });

  it('proposes Toktogul orders to the centre that declares an outreach point there, sessions on its days', async () => {
    const bad = await request(stack.gateway)
      .patch('/api/v1/directory/centres/talas-demo')
      .auth(admin, { type: 'bearer' })
      .send({ outreachPoints: [{ ...point, facilitatorIds: ['talas-demo-2', 'talas-demo-3'] }] })
      .expect(400);
    expect(bad.body.message).toContain('changes.outreachPoints[0].facilitatorIds must be a man and a woman');

    // The declaration gives capacity: the order waiting for Toktogul is routed in the same transaction.
    const placed = stack.awaitEvent<Routed>('referral.routed.v1', (e) => e.payload.referralId === waiting.referralId);
    const declared = await request(stack.gateway)
      .patch('/api/v1/directory/centres/talas-demo')
      .auth(admin, { type: 'bearer' })
      .send({ outreachPoints: [point] })
      .expect(200);
    expect(declared.body.centre.outreachPoints).toEqual([{ id: 'talas-demo-point-1', ...point }]);
    expect((await placed).payload).toMatchObject({ centreId: 'talas-demo', outreachSettlementCode: 'toktogul', travelMinutes: 0 });

    const order = toktogulOrder();
    await stack.publish('risk.assessed.v1', order.orderId, order);
    const routed = (await stack.awaitEvent<Routed>('referral.routed.v1', (e) => e.correlationId === order.orderId)).payload;
    expect(routed).toMatchObject({ centreId: 'talas-demo', outreachSettlementCode: 'toktogul' });

    for (const referralId of [waiting.referralId, routed.referralId]) {
      const sessions = await sessionsOf(referralId);
      expect(sessions.map((s) => s.kind)).toEqual(['individual', 'individual', 'group', 'group']);
      for (const session of sessions) {
        expect(session.outreach_point_id).toBe('talas-demo-point-1');
        expect([...session.facilitator_ids].sort()).toEqual(['talas-demo-1', 'talas-demo-2']);
        const [start, end] = [bishkek(session.starts_at), bishkek(session.ends_at)];
        expect([2, 3]).toContain(start.weekday);
        expect(start.clock >= '09:00' && end.clock <= '18:00').toBe(true);
      }
    }

    // The referral and its decision record name the place.
    const view = await request(stack.gateway).get(`/api/v1/referrals/${routed.referralId}`).auth(coordinator, { type: 'bearer' }).expect(200);
    expect(view.body).toMatchObject({ centreId: 'talas-demo', outreachSettlementCode: 'toktogul' });
    const decision = await request(stack.gateway)
      .get(`/api/v1/referrals/${routed.referralId}/decision`)
      .auth(coordinator, { type: 'bearer' })
      .expect(200);
    expect(decision.body.decision.routings[0].plan.outreachPoint).toEqual({ id: 'talas-demo-point-1', settlementCode: 'toktogul' });
  });

  it('keeps an outreach point with sessions ahead until they are held', async () => {
    await request(stack.gateway)
      .patch('/api/v1/directory/centres/talas-demo')
      .auth(admin, { type: 'bearer' })
      .send({ outreachPoints: [] })
      .expect(409);
  });
});

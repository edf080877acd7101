import request from 'supertest';
import { bishkekWeekday, lastPlaceCentre, RestoreCentres, routeOnlyToOwnCentres } from './support/last-place-centre';
import { MatchingStack, riskAssessed } from './support/matching-stack';

type Routed = { referralId: string; orderId: string; centreId: string };
type Unroutable = { referralId: string; orderId: string };

describe('orders waiting for capacity: the highest risk is served first when a place frees', () => {
  let standardWaiting = '';
  const stack = new MatchingStack({ services: ['gateway', 'matching'] });
  let admin: string;
  let coordinator: string;
  let restoreCentres: RestoreCentres | undefined;

  const directory = (method: 'get' | 'post' | 'put', path: string, body?: object) => {
    const call = request(stack.gateway)[method](`/api/v1/directory${path}`).auth(admin, { type: 'bearer' });
    return body ? call.send(body) : call;
  };

  async function route(overrides: Parameters<typeof riskAssessed>[0]) {
    const assessed = riskAssessed({ settlementCode: 'naryn', ...overrides });
    await stack.publish('risk.assessed.v1', assessed.orderId, assessed);
    return assessed.orderId;
  }

  beforeAll(async () => {
    await stack.start();
    admin = await stack.login('admin.demo', 'korgoo-demo-admin');
    coordinator = await stack.login('coordinator.demo', 'korgoo-demo-coordinator');
    restoreCentres = await routeOnlyToOwnCentres(stack.gateway, admin);
    await lastPlaceCentre(stack.gateway, admin, 'queue-naryn', 'naryn', 'Queue Naryn');
  });

  afterAll(async () => {
    await restoreCentres?.(admin, ['queue-naryn']);
    await stack.stop();
  });

  it('proposes the freed place to the urgent order that arrived last, and leaves the standard one waiting', async () => {
    const first = await route({ priority: 'standard' });
    const placed = await stack.awaitEvent<Routed>('referral.routed.v1', (e) => e.correlationId === first);
    expect(placed.payload.centreId).toBe('queue-naryn');

    // Both wait; the standard order came first and ends sooner, the urgent one still goes ahead of it.
    const standard = await route({ priority: 'standard', expiresInDays: 29 });
    const standardWaits = await stack.awaitEvent<Unroutable>('referral.unroutable.v1', (e) => e.correlationId === standard);
    const urgent = await route({ priority: 'urgent' });
    const urgentWaits = await stack.awaitEvent<Unroutable>('referral.unroutable.v1', (e) => e.correlationId === urgent);

    const staff = await stack.centreStaff(admin, 'queue-naryn');
    await request(stack.gateway)
      .post(`/api/v1/referrals/${placed.payload.referralId}/decline`)
      .auth(staff, { type: 'bearer' })
      .send({ reason: 'at_capacity' })
      .expect(200);

    const served = await stack.awaitEvent<Routed>('referral.routed.v1', (e) => e.correlationId === urgent);
    expect(served.payload).toMatchObject({ referralId: urgentWaits.payload.referralId, centreId: 'queue-naryn' });

    const status = async (referralId: string) =>
      (await stack.sql<{ status: string }>('SELECT status FROM matching.referral WHERE id = $1', [referralId]))[0].status;
    expect(await status(urgentWaits.payload.referralId)).toBe('proposed');
    expect(await status(standardWaits.payload.referralId)).toBe('unroutable');
    standardWaiting = standardWaits.payload.referralId;
    expect(stack.eventsOn('referral.routed.v1').some((e) => e.correlationId === standard)).toBe(false);

    const { body } = await request(stack.gateway)
      .get(`/api/v1/referrals/${urgentWaits.payload.referralId}/decision`)
      .auth(coordinator, { type: 'bearer' })
      .expect(200);
    const routings = body.decision.routings as Array<{ trigger: string; chosen: string | null; queue?: object }>;
    expect(routings.map((r) => [r.trigger, r.chosen])).toEqual([
      ['assessed', null],
      ['capacity_freed', 'queue-naryn'],
    ]);
    expect(routings[1].queue).toMatchObject({ position: 1, freedBy: 'declined' });
    const transitions = await stack.sql<{ from_status: string; to_status: string; reason_code: string }>(
      'SELECT from_status, to_status, reason_code FROM matching.referral_transition WHERE referral_id = $1 ORDER BY id',
      [urgentWaits.payload.referralId],
    );
    expect(transitions.map((t) => [t.from_status, t.to_status, t.reason_code])).toEqual([
      [null, 'unroutable', 'no_feasible_centre'],
      ['unroutable', 'proposed', 'capacity_freed'],
    ]);
  });

  it('serves the waiting order as soon as the directory gains a facilitator pair that can take it', async () => {
    const weekly = [{ weekday: bishkekWeekday(3), start: '09:00', end: '13:00' }];
    const add = (sex: string) =>
      directory('post', '/centres/queue-naryn/facilitators', {
        displayName: `Facilitator new ${sex}`,
        sex,
        languages: ['ky'],
        certifiedOn: '2023-10-13',
        active: true,
        weekly,
      }).expect(201);
    await add('male');
    await add('female');

    const [order] = await stack.sql<{ order_id: string }>('SELECT order_id FROM matching.referral WHERE id = $1', [standardWaiting]);
    const served = await stack.awaitEvent<Routed>('referral.routed.v1', (e) => e.correlationId === order.order_id);
    expect(served.payload).toMatchObject({ referralId: standardWaiting, centreId: 'queue-naryn' });
    const { body } = await request(stack.gateway)
      .get(`/api/v1/referrals/${standardWaiting}/decision`)
      .auth(coordinator, { type: 'bearer' })
      .expect(200);
    const routings = body.decision.routings as Array<{ trigger: string; chosen: string | null; queue?: object }>;
    expect(routings.at(-1)).toMatchObject({ trigger: 'capacity_freed', chosen: 'queue-naryn', queue: { position: 1, freedBy: 'directory_changed' } });
  });
});

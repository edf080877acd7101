import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { lastPlaceCentre, RestoreCentres, routeOnlyToOwnCentres } from './support/last-place-centre';
import { MatchingStack, riskAssessed } from './support/matching-stack';
import { until } from './support/until';

type Routed = { referralId: string; orderId: string; centreId: string };
type Unroutable = { referralId: string; orderId: string; expiresAt: string };
type Cancelled = { referralId: string; orderId: string; centreId?: string };

const DAY = 24 * 3_600_000;

describe('an order that is extended or ends unplaced: routing follows its period, and no session stays booked after it ends', () => {
  const stack = new MatchingStack({ services: ['gateway', 'matching'] });
  const start = new Date();
  let admin: string;
  let coordinator: string;
  let staff: string;
  let restoreCentres: RestoreCentres | undefined;
  let extended = { orderId: '', referralId: '' };
  let early = { orderId: '', referralId: '' };

  const extend = (orderId: string, previousExpiresAt: string, expiresAt: Date) =>
    stack.publish('order.extended.v1', orderId, { orderId, previousExpiresAt, expiresAt: expiresAt.toISOString() }, 'gateway');
  const endedUnplaced = (orderId: string, expiresAt: string) =>
    stack.publish('programme.expired_unplaced.v1', orderId, { orderId, expiresAt, expiredAt: expiresAt, reasons: [] }, 'programme');
  const referral = async (referralId: string) =>
    (await stack.sql<{ status: string; routing: { expiresAt: string } }>('SELECT status, routing FROM matching.referral WHERE id = $1', [referralId]))[0];
  const transitions = async (referralId: string) =>
    (
      await stack.sql<{ from_status: string | null; to_status: string; actor_kind: string; reason_code: string }>(
        'SELECT from_status, to_status, actor_kind, reason_code FROM matching.referral_transition WHERE referral_id = $1 ORDER BY id',
        [referralId],
      )
    ).map((t) => [t.from_status, t.to_status, t.actor_kind, t.reason_code]);
  const heldSessions = async (referralId: string) =>
    (await stack.sql<{ n: number }>('SELECT count(*)::int AS n FROM matching.session_hold WHERE referral_id = $1', [referralId]))[0].n;
  const bookedSessions = async () =>
    (await stack.sql<{ n: number }>(`SELECT count(*)::int AS n FROM matching.booked_session WHERE centre_id = 'ext-naryn'`))[0].n;
  const accept = (referralId: string) =>
    request(stack.gateway).post(`/api/v1/referrals/${referralId}/accept`).auth(staff, { type: 'bearer' }).send({});

  beforeAll(async () => {
    await stack.start();
    await stack.setClock(start);
    admin = await stack.login('admin.demo', 'korgoo-demo-admin');
    coordinator = await stack.login('coordinator.demo', 'korgoo-demo-coordinator');
    restoreCentres = await routeOnlyToOwnCentres(stack.gateway, admin);
    // One programme's worth: one morning a week, the first two days ahead, so four sessions need 23 days.
    await lastPlaceCentre(stack.gateway, admin, 'ext-naryn', 'naryn', 'Extension Naryn');
    staff = await stack.centreStaff(admin, 'ext-naryn');
  });

  afterAll(async () => {
    // The tests move the clock by weeks: back to the real time, with a token of that time.
    await stack.setClock(new Date());
    await restoreCentres?.(await stack.login('admin.demo', 'korgoo-demo-admin'), ['ext-naryn']);
    await stack.stop();
  });

  it('routes a waiting order once its extension lets the four sessions fit, and records the extension as the reason', async () => {
    const assessed = riskAssessed({ expiresInDays: 10 });
    await stack.publish('risk.assessed.v1', assessed.orderId, assessed);
    const waits = await stack.awaitEvent<Unroutable>('referral.unroutable.v1', (e) => e.correlationId === assessed.orderId);
    extended = { orderId: assessed.orderId, referralId: waits.payload.referralId };

    const expiresAt = new Date(start.getTime() + 30 * DAY);
    await extend(assessed.orderId, assessed.period.expiresAt, expiresAt);
    const routed = await stack.awaitEvent<Routed>('referral.routed.v1', (e) => e.correlationId === assessed.orderId);
    expect(routed.payload).toMatchObject({ referralId: extended.referralId, centreId: 'ext-naryn' });
    expect(await referral(extended.referralId)).toMatchObject({ status: 'proposed', routing: { expiresAt: expiresAt.toISOString() } });

    const { body } = await request(stack.gateway)
      .get(`/api/v1/referrals/${extended.referralId}/decision`)
      .auth(coordinator, { type: 'bearer' })
      .expect(200);
    const routings = body.decision.routings as Array<{ trigger: string; chosen: string | null; request: { mustFinishBy: string }; queue?: object }>;
    expect(routings.map((r) => [r.trigger, r.chosen])).toEqual([
      ['assessed', null],
      ['order_extended', 'ext-naryn'],
    ]);
    expect(routings[1].request.mustFinishBy).toBe(expiresAt.toISOString());
    expect(routings[1].queue).toMatchObject({ position: 1, freedBy: 'order_extended' });
    expect(await transitions(extended.referralId)).toEqual([
      [null, 'unroutable', 'system', 'no_feasible_centre'],
      ['unroutable', 'unroutable', 'police', 'order_extended'],
      ['unroutable', 'proposed', 'system', 'order_extended'],
    ]);
  });

  it('plans to an extension that arrived before the order was scored', async () => {
    const orderId = randomUUID();
    const expiresAt = new Date(start.getTime() + 30 * DAY);
    // A 40-day acknowledgement window: the centre's proposal is still open when the order ends.
    const assessed = riskAssessed({ orderId, expiresInDays: 10, acknowledgeWithinHours: 40 * 24 });
    await extend(orderId, assessed.period.expiresAt, expiresAt);
    await until(
      async () => (await stack.sql('SELECT 1 FROM matching.order_period WHERE order_id = $1', [orderId])).length > 0,
      'matching to hear of the extension',
    );
    await stack.publish('risk.assessed.v1', orderId, assessed);
    // The only place is held for the first order: this one waits, with the extended expiry.
    const waits = await stack.awaitEvent<Unroutable>('referral.unroutable.v1', (e) => e.correlationId === orderId);
    expect(waits.payload.expiresAt).toBe(expiresAt.toISOString());
    expect((await referral(waits.payload.referralId)).routing.expiresAt).toBe(expiresAt.toISOString());
    early = { orderId, referralId: waits.payload.referralId };
  });

  it('gives the sessions back when an order accepted after it ended unplaced, and the next waiting order takes them', async () => {
    await accept(extended.referralId).expect(200);
    expect(await heldSessions(extended.referralId)).toBe(4);

    // The programme ended the order unplaced before the acceptance reached it: no programme will start.
    await endedUnplaced(extended.orderId, new Date(start.getTime() + 30 * DAY).toISOString());
    const cancelled = await stack.awaitEvent<Cancelled>('referral.cancelled.v1', (e) => e.correlationId === extended.orderId);
    expect(cancelled.payload).toMatchObject({ referralId: extended.referralId, centreId: 'ext-naryn' });
    expect(await referral(extended.referralId)).toMatchObject({ status: 'cancelled' });
    expect(await heldSessions(extended.referralId)).toBe(0);
    expect((await transitions(extended.referralId)).at(-1)).toEqual(['accepted', 'cancelled', 'system', 'order_expired_unplaced']);

    const served = await stack.awaitEvent<Routed>('referral.routed.v1', (e) => e.correlationId === early.orderId);
    expect(served.payload).toMatchObject({ referralId: early.referralId, centreId: 'ext-naryn' });
    expect(await bookedSessions()).toBe(4);

    // An extension after the end reopens nothing.
    await extend(extended.orderId, new Date(start.getTime() + 30 * DAY).toISOString(), new Date(start.getTime() + 60 * DAY));
    await until(
      async () =>
        (await stack.sql<{ extended_to: Date }>('SELECT extended_to FROM matching.order_period WHERE order_id = $1', [extended.orderId]))[0]
          ?.extended_to?.getTime() === start.getTime() + 60 * DAY,
      'matching to hear of the late extension',
    );
    expect(await referral(extended.referralId)).toMatchObject({ status: 'cancelled' });
  });

  it('refuses a centre that accepts after the order ended, and gives its held sessions back when the order ends unplaced', async () => {
    const expiry = new Date(start.getTime() + 30 * DAY);
    await stack.setClock(new Date(expiry.getTime() + 60_000));
    const refused = await accept(early.referralId).expect(409);
    expect(JSON.stringify(refused.body)).toContain('ended');
    expect(await referral(early.referralId)).toMatchObject({ status: 'proposed' });

    await endedUnplaced(early.orderId, expiry.toISOString());
    await stack.awaitEvent<Cancelled>('referral.cancelled.v1', (e) => e.correlationId === early.orderId);
    expect(await heldSessions(early.referralId)).toBe(0);
    expect(await bookedSessions()).toBe(0);
    expect((await transitions(early.referralId)).at(-1)).toEqual(['proposed', 'cancelled', 'system', 'order_expired_unplaced']);
    await accept(early.referralId).expect(409);
  });

  it('refuses a coordinator who assigns an order that has ended, however free the centre is', async () => {
    // By the services' clock, now past the first orders' end, this order ended days ago.
    const assessed = riskAssessed({ expiresInDays: 20 });
    await stack.publish('risk.assessed.v1', assessed.orderId, assessed);
    const waits = await stack.awaitEvent<Unroutable>('referral.unroutable.v1', (e) => e.correlationId === assessed.orderId);
    const refused = await request(stack.gateway)
      .post(`/api/v1/referrals/${waits.payload.referralId}/assign`)
      .auth(coordinator, { type: 'bearer' })
      .send({ centreId: 'ext-naryn', reason: 'the centre has room' })
      .expect(409);
    expect(JSON.stringify(refused.body)).toContain('ended');
    expect(await heldSessions(waits.payload.referralId)).toBe(0);
    expect(await bookedSessions()).toBe(0);
  });
});

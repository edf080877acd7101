import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { QueryRunner } from 'typeorm';
import { OrderUnitsFromOfficers1771000000000 } from '../apps/gateway/src/migrations/1771000000000-order-units-from-officers';
import { MatchingStack } from './support/matching-stack';
import { protectionOrderBody } from './support/protection-order.fixture';
import { until } from './support/until';

type UnitAssigned = { orderId: string; orderNumber: string; unitCode: string };
type InboxItem = { kind: string; referralId: string | null; orderNumber: string | null };

const DAY = 24 * 3_600_000;

/**
 * Orders registered before police units have none: they take the registering officer's unit where it is known,
 * a coordinator sets it otherwise, and their Article 72 notices go to the coordinators until a unit is known,
 * never to the dead letters.
 */
describe('orders registered before police units: a unit for their Article 72 notices', () => {
  // Two deliveries: a refusal whose order was never seen here waits one redelivery for its registration.
  const stack = new MatchingStack({ services: ['gateway', 'notification', 'reporting'], env: { MESSAGING_MAX_DELIVER: '2' } });
  let admin: string;
  let coordinator: string;
  let police: string;

  /** An order as the gateway stored it before police units: no unit code. */
  async function legacyOrder(registeredBy: string): Promise<{ orderId: string; orderNumber: string }> {
    const orderId = randomUUID();
    const orderNumber = `TPO-2025-${Math.floor(Math.random() * 1e6).toString().padStart(6, '0')}`;
    await stack.sql(
      `INSERT INTO gateway.protection_order (id, order_number, body_hash, issuing_unit, issued_at, expires_at, perpetrator, registered_by, registered_at)
       VALUES ($1, $2, 'legacy', 'Нарын РИИБ', $3, $4, '{"sex": "male", "language": "ky"}', $5, $3)`,
      [orderId, orderNumber, new Date(Date.now() - 20 * DAY), new Date(Date.now() + 10 * DAY), registeredBy],
    );
    return { orderId, orderNumber };
  }

  function refusalReported(orderId: string) {
    const now = Date.now();
    const referralId = randomUUID();
    const referralNumber = `R-2025-${Math.floor(Math.random() * 1e6).toString().padStart(6, '0')}`;
    const payload = {
      programmeId: randomUUID(),
      orderId,
      referralId,
      referralNumber,
      centreId: 'naryn-asylzat',
      noticeId: randomUUID(),
      ground: 'explicit_refusal',
      refusalPolicy: 'second-unexcused-or-cannot-finish',
      sessionsOffered: 2,
      missed: [{ index: 2, startsAt: new Date(now - 3_600_000).toISOString(), mark: 'refused' }],
      expiresAt: new Date(now + 10 * DAY).toISOString(),
      reportedAt: new Date(now).toISOString(),
    };
    return { referralId, publish: () => stack.publish('programme.refusal_reported.v1', orderId, payload, 'programme') };
  }

  const inbox = async (token: string) => (await request(stack.gateway).get('/api/v1/inbox').auth(token, { type: 'bearer' }).expect(200)).body.items as InboxItem[];
  const setUnit = (token: string, orderId: string, body: object) =>
    request(stack.gateway).put(`/api/v1/protection-orders/${orderId}/unit`).auth(token, { type: 'bearer' }).send(body);

  beforeAll(async () => {
    await stack.start();
    admin = await stack.login('admin.demo', 'korgoo-demo-admin');
    coordinator = await stack.login('coordinator.demo', 'korgoo-demo-coordinator');
    police = await stack.login('police.demo', 'korgoo-demo-police');
  });

  afterAll(() => stack.stop());

  it('gives an order the unit of the officer who registered it, and its notice goes to that unit', async () => {
    const [officer] = await stack.sql<{ id: string }>(`SELECT id FROM gateway.account WHERE username = 'police.demo'`);
    const order = await legacyOrder(officer.id);
    const unknownOfficer = await legacyOrder(randomUUID());

    // The migration, as it runs on a database that holds orders from before police units.
    await new OrderUnitsFromOfficers1771000000000().up({ query: (sql: string) => stack.sql(sql) } as unknown as QueryRunner);
    const assigned = await stack.awaitEvent<UnitAssigned>('order.unit_assigned.v1', (e) => e.payload.orderId === order.orderId);
    expect(assigned.payload).toEqual({ orderId: order.orderId, orderNumber: order.orderNumber, unitCode: 'naryn-riib' });
    const units = await stack.sql<{ id: string; unit_code: string | null }>('SELECT id, unit_code FROM gateway.protection_order WHERE id = ANY($1)', [
      [order.orderId, unknownOfficer.orderId],
    ]);
    expect(Object.fromEntries(units.map((u) => [u.id, u.unit_code]))).toEqual({ [order.orderId]: 'naryn-riib', [unknownOfficer.orderId]: null });
    await until(
      async () => (await stack.sql('SELECT 1 FROM notification.order_reference WHERE order_id = $1 AND unit_code IS NOT NULL', [order.orderId])).length > 0,
      'the notification service to learn the unit',
    );
    await until(
      async () => (await stack.sql(`SELECT 1 FROM reporting.order_case WHERE order_id = $1 AND unit = 'naryn-riib'`, [order.orderId])).length > 0,
      'the indicators to count the order under its unit',
    );

    await refusalReported(order.orderId).publish();
    const notice = await until(
      async () => (await inbox(police)).find((e) => e.orderNumber === order.orderNumber),
      'the notice in the unit’s inbox',
    );
    expect(notice.kind).toBe('article72_notice');
  });

  it('sends the notice of an order with no unit to the coordinators, then to the unit a coordinator sets, with no dead letter', async () => {
    // Registered before police units, and before this service kept order numbers: never seen here.
    const order = await legacyOrder(randomUUID());
    const refusal = refusalReported(order.orderId);
    await refusal.publish();
    const told = await until(
      async () => (await inbox(coordinator)).find((e) => e.referralId === refusal.referralId),
      'the coordinators to hear of the notice with no unit',
    );
    expect(told.kind).toBe('police_unit_unreachable');
    expect((await inbox(police)).some((e) => e.orderNumber === order.orderNumber)).toBe(false);

    await setUnit(police, order.orderId, { unitCode: 'naryn-riib' }).expect(403);
    const bad = await setUnit(coordinator, order.orderId, { unitCode: 'Naryn RIIB!' }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('unitCode');
    const unknown = await setUnit(coordinator, order.orderId, { unitCode: 'no-such-unit' }).expect(400);
    expect(JSON.stringify(unknown.body)).toContain('must be a registered police unit');

    await setUnit(coordinator, order.orderId, { unitCode: 'naryn-riib' }).expect(200, { orderId: order.orderId, unitCode: 'naryn-riib' });
    await setUnit(coordinator, order.orderId, { unitCode: 'naryn-riib' }).expect(200);
    await setUnit(coordinator, order.orderId, { unitCode: 'osh-city' }).expect(409);
    const [audited] = await stack.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM gateway.audit_log WHERE action = 'assign_unit' AND resource_type = 'protection_order' AND resource_id = $1`,
      [order.orderId],
    );
    expect(audited.n).toBe(1);
    expect(stack.eventsOn<UnitAssigned>('order.unit_assigned.v1').filter((e) => e.payload.orderId === order.orderId)).toHaveLength(1);

    const forwarded = await until(
      async () => (await inbox(police)).find((e) => e.orderNumber === order.orderNumber),
      'the waiting notice in the unit’s inbox',
    );
    expect(forwarded).toMatchObject({ kind: 'article72_notice', referralId: refusal.referralId });
    // The unit told again finds the notice already taken with the first: it reaches the unit once.
    const again = await stack.publish('order.unit_assigned.v1', order.orderId, { orderId: order.orderId, orderNumber: order.orderNumber, unitCode: 'naryn-riib' }, 'gateway');
    await until(async () => (await stack.sql('SELECT 1 FROM notification.inbox WHERE event_id = $1', [again])).length > 0, 'the repeated unit to be handled');
    expect((await inbox(police)).filter((e) => e.orderNumber === order.orderNumber)).toHaveLength(1);
    const [{ n: deadLetters }] = await stack.sql<{ n: number }>('SELECT count(*)::int AS n FROM notification.dead_letter');
    expect(deadLetters).toBe(0);
  });

  it('lets a notice that waited for its order go with the order’s registration, in a burst of registrations', async () => {
    // Never seen here: its refusal waits for a unit.
    const order = await legacyOrder(randomUUID());
    const refusal = refusalReported(order.orderId);
    await refusal.publish();
    await until(async () => (await inbox(coordinator)).find((e) => e.referralId === refusal.referralId), 'the coordinators to hear of the notice with no unit');

    // A registration as the gateway makes one, copied for fifteen other orders and for this one, all published at once.
    const { orderId } = (await request(stack.gateway).post('/api/v1/protection-orders').auth(police, { type: 'bearer' }).send(protectionOrderBody()).expect(201)).body;
    const real = await stack.awaitEvent('order.registered.v1', (e) => e.correlationId === orderId);
    const orderIds = Array.from({ length: 16 }, (_, i) => (i === 7 ? order.orderId : randomUUID()));
    await Promise.all(
      orderIds.map((id) => {
        const waiting = id === order.orderId ? { orderNumber: order.orderNumber, unitCode: 'naryn-riib' } : {};
        return stack.publish('order.registered.v1', id, { ...real.payload, orderId: id, ...waiting }, 'gateway');
      }),
    );
    const forwarded = await until(
      async () => (await inbox(police)).find((e) => e.orderNumber === order.orderNumber),
      'the waiting notice in the unit’s inbox',
    );
    expect(forwarded).toMatchObject({ kind: 'article72_notice', referralId: refusal.referralId });
    // The other registrations may come in later batches than the one that released the notice.
    await until(async () => {
      const [{ n: kept }] = await stack.sql<{ n: number }>('SELECT count(*)::int AS n FROM notification.order_reference WHERE order_id = ANY($1::uuid[])', [orderIds]);
      return kept === orderIds.length;
    }, 'every registration of the burst kept');
    const [{ n: deadLetters }] = await stack.sql<{ n: number }>('SELECT count(*)::int AS n FROM notification.dead_letter');
    expect(deadLetters).toBe(0);
  });
});

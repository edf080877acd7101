import { randomUUID } from 'node:crypto';
import { MatchingStack } from './support/matching-stack';
import { until } from './support/until';

const YEAR_MS = 365.25 * 24 * 3600_000;

/**
 * What the notification service kept about telling people of an order (delivery plans with their sealed
 * addresses, notifications, attempts, inbox entries) is deleted five years after the order's case closed:
 * the programme's final outcome or a police withdrawal. An open case's records stay; a case never heard to
 * end counts as closed two years after the last record about it.
 */
describe('notification retention: delivery records of a closed case deleted when their term has run', () => {
  const stack = new MatchingStack({ services: ['notification'], env: { RETENTION_POLL_MS: '200' } });

  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  const routed = () => ({
    referralId: randomUUID(),
    orderId: randomUUID(),
    referralNumber: `R-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
    centreId: 'naryn-asylzat',
    priority: 'high',
    acknowledgeBy: new Date(Date.now() + 24 * 3_600_000).toISOString(),
    firstSessionAt: new Date(Date.now() + 3 * 24 * 3_600_000).toISOString(),
    language: 'ky',
    travelMinutes: 35,
    travelSource: 'road-graph',
  });
  const kept = async (orderId: string) => {
    const [row] = await stack.sql<{ intents: number; notifications: number; inbox: number }>(
      `SELECT (SELECT count(*)::int FROM notification.delivery_intent WHERE order_id = $1) AS intents,
              (SELECT count(*)::int FROM notification.notification WHERE order_id = $1) AS notifications,
              (SELECT count(*)::int FROM notification.inbox_entry e JOIN notification.notification n ON n.id = e.notification_id
                WHERE n.order_id = $1) AS inbox`,
      [orderId],
    );
    return row;
  };

  it('deletes a completed and a withdrawn case’s records five years on, and keeps an open case’s', async () => {
    const [completed, withdrawn, open] = [routed(), routed(), routed()];
    for (const referral of [completed, withdrawn, open]) {
      await stack.publish('referral.routed.v1', referral.orderId, referral, 'matching');
    }
    for (const { orderId } of [completed, withdrawn, open]) {
      await until(async () => (await kept(orderId)).inbox > 0, 'the centre’s inbox entry');
    }

    const completedAt = new Date().toISOString();
    await stack.publish(
      'programme.completed.v1',
      completed.orderId,
      {
        programmeId: randomUUID(),
        orderId: completed.orderId,
        referralId: completed.referralId,
        referralNumber: completed.referralNumber,
        centreId: completed.centreId,
        completedAt,
      },
      'programme',
    );
    await stack.publish('order.withdrawn.v1', withdrawn.orderId, { orderId: withdrawn.orderId, reason: 'registered_in_error' }, 'gateway');
    await until(async () => (await stack.sql('SELECT order_id FROM notification.closed_case')).length === 2, 'both cases to close');

    await stack.setClock(new Date(Date.now() + 5 * YEAR_MS + 2 * 24 * 3600_000));
    await until(
      async () => (await stack.sql('SELECT order_id FROM notification.closed_case WHERE erased_at IS NOT NULL')).length === 2,
      'both closed cases to be erased',
    );
    for (const { orderId } of [completed, withdrawn]) expect(await kept(orderId)).toEqual({ intents: 0, notifications: 0, inbox: 0 });
    const stays = await kept(open.orderId);
    expect(stays.intents).toBeGreaterThan(0);
    expect(stays.inbox).toBeGreaterThan(0);
  });

  it('closes a case never heard to end two years after its last record, and deletes its records five years after that', async () => {
    const unheard = routed();
    await stack.publish('referral.routed.v1', unheard.orderId, unheard, 'matching');
    await until(async () => (await kept(unheard.orderId)).inbox > 0, 'the centre’s inbox entry');
    const [{ last }] = await stack.sql<{ last: Date }>('SELECT max(created_at) AS last FROM notification.notification WHERE order_id = $1', [
      unheard.orderId,
    ]);
    const closure = async () =>
      (await stack.sql<{ closed_at: Date; erased_at: Date | null }>('SELECT closed_at, erased_at FROM notification.closed_case WHERE order_id = $1', [
        unheard.orderId,
      ]))[0];

    await stack.setClock(new Date(last.getTime() + 6 * YEAR_MS));
    await until(closure, 'the unheard case to be taken as closed');
    const closed = await closure();
    expect(closed.closed_at.getTime() - last.getTime()).toBeGreaterThan(1.99 * YEAR_MS);
    expect(closed.closed_at.getTime() - last.getTime()).toBeLessThan(2.01 * YEAR_MS);
    expect(closed.erased_at).toBeNull();
    expect((await kept(unheard.orderId)).inbox).toBeGreaterThan(0);

    await stack.setClock(new Date(last.getTime() + 7 * YEAR_MS + 2 * 24 * 3600_000));
    await until(async () => (await closure()).erased_at, 'the unheard case’s records to be erased');
    expect(await kept(unheard.orderId)).toEqual({ intents: 0, notifications: 0, inbox: 0 });
  });
});

import request from 'supertest';
import { MatchingStack, riskAssessed } from './support/matching-stack';
import { until } from './support/until';

type Page<T> = { items: T[]; nextCursor: string | null; unread?: number };

describe('referrals, the inbox and dead letters are read a page at a time', () => {
  const stack = new MatchingStack({ services: ['gateway', 'matching', 'notification'] });
  let coordinator: string;
  let admin: string;

  beforeAll(async () => {
    await stack.start();
    [coordinator, admin] = await Promise.all([
      stack.login('coordinator.demo', 'korgoo-demo-coordinator'),
      stack.login('admin.demo', 'korgoo-demo-admin'),
    ]);
  });
  afterAll(() => stack.stop());

  /** Follows nextCursor from the first page to the last, as a client would. */
  async function everyPage<T>(path: string, token: string, limit: number): Promise<Array<Page<T>>> {
    const pages: Array<Page<T>> = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string | number> = cursor ? { limit, cursor } : { limit };
      const { body } = await request(stack.gateway).get(path).query(query).auth(token, { type: 'bearer' }).expect(200);
      pages.push(body);
      cursor = body.nextCursor;
    } while (cursor);
    return pages;
  }

  it('pages through referrals and the coordinators\' inbox newest first, with no duplicate and no gap', async () => {
    // Orders that end in two days: no centre can fit four weekly sessions, so each waits for the coordinators.
    const orders = Array.from({ length: 7 }, () => riskAssessed({ settlementCode: 'naryn', expiresInDays: 2 }));
    for (const order of orders) await stack.publish('risk.assessed.v1', order.orderId, order);
    const ids = new Set(orders.map((o) => o.orderId));
    const unroutable = await stack.awaitEvents<{ referralId: string }>('referral.unroutable.v1', (e) => ids.has(e.correlationId), 7);
    await stack.awaitEvents<{ channel: string }>(
      'notification.sent.v1',
      (e) => ids.has(e.correlationId) && e.payload.channel === 'inbox',
      7,
    );

    const referralPages = await everyPage<{ referralId: string; createdAt: string }>('/api/v1/referrals', coordinator, 3);
    expect(referralPages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    const listed = referralPages.flatMap((p) => p.items);
    expect(new Set(listed.map((r) => r.referralId))).toEqual(new Set(unroutable.map((e) => e.payload.referralId)));
    const times = listed.map((r) => Date.parse(r.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(referralPages[referralPages.length - 1].nextCursor).toBeNull();

    const inboxPages = await everyPage<{ entryId: string; referralId: string }>('/api/v1/inbox', coordinator, 2);
    expect(inboxPages.map((p) => p.items.length)).toEqual([2, 2, 2, 1]);
    const entries = inboxPages.flatMap((p) => p.items);
    expect(new Set(entries.map((e) => e.entryId)).size).toBe(7);
    expect(new Set(entries.map((e) => e.referralId))).toEqual(new Set(listed.map((r) => r.referralId)));
    // The unread count is the whole inbox's on every page.
    expect(inboxPages.map((p) => p.unread)).toEqual([7, 7, 7, 7]);
  });

  it('pages through a service\'s dead letters', async () => {
    // Assessments matching cannot read: each is refused at once and stored as a dead letter.
    for (let i = 0; i < 5; i++) await stack.publish('risk.assessed.v1', `not-an-order-${i}`, { orderId: `not-an-order-${i}` });
    await until(async () => {
      const [{ n }] = await stack.sql<{ n: number }>('SELECT count(*)::int AS n FROM matching.dead_letter');
      return n >= 5;
    }, 'five dead letters');

    const pages = await everyPage<{ deadLetterId: string; service: string }>('/api/v1/admin/dead-letters/matching', admin, 2);
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    const letters = pages.flatMap((p) => p.items);
    expect(new Set(letters.map((d) => d.deadLetterId)).size).toBe(5);
    expect(letters.every((d) => d.service === 'matching')).toBe(true);
  });

  it.each([
    ['/api/v1/referrals'],
    ['/api/v1/inbox'],
    ['/api/v1/admin/dead-letters/matching'],
  ])('refuses a bad cursor or page size on %s with 400 naming the field', async (path) => {
    const token = path.includes('admin') ? admin : coordinator;
    const ask = (query: Record<string, string>) => request(stack.gateway).get(path).query(query).auth(token, { type: 'bearer' }).expect(400);
    for (const limit of ['0', '201', 'many', '2.5']) {
      expect((await ask({ limit })).body.problems[0].field).toBe('limit');
    }
    const forged = Buffer.from('2026-01-01T00:00:00.000000+not-an-id').toString('base64url');
    for (const cursor of ['!!', 'x'.repeat(201), forged]) {
      const refused = await ask({ cursor });
      expect(refused.body.problems[0]).toMatchObject({ field: 'cursor', rules: ['cursor must be the nextCursor of a previous page'] });
    }
  });
});

import { centreFreeEveryDay, RestoreCentres, routeOnlyToOwnCentres } from './support/last-place-centre';
import { MatchingStack, riskAssessed } from './support/matching-stack';

type Routed = { referralId: string; centreId: string; acknowledgeBy: string };
type Expired = { referralId: string; centreId: string; acknowledgeBy: string };

const MINUTE = 60_000;
const latest = (events: Array<{ payload: { acknowledgeBy: string } }>) => Math.max(...events.map((e) => Date.parse(e.payload.acknowledgeBy)));

describe('acknowledgement deadlines are durable timers', () => {
  // Standard referrals keep the risk policy's 24 hours; the test moves matching's clock instead of waiting.
  const stack = new MatchingStack({ services: ['gateway', 'matching'] });
  const OWN = ['naryn-deadlines-1', 'naryn-deadlines-2'];
  let restoreCentres: RestoreCentres | undefined;

  beforeAll(async () => {
    await stack.start();
    // Two centres with room for every order, the only ones open, so each first expiry re-routes to the other
    // before the second escalates, whatever the suites before this one left of the demo centres' few programmes.
    const admin = await stack.login('admin.demo', 'korgoo-demo-admin');
    restoreCentres = await routeOnlyToOwnCentres(stack.gateway, admin);
    for (const id of OWN) await centreFreeEveryDay(stack.gateway, admin, id, 'naryn', `Deadlines ${id}`, 1);
  });
  afterAll(async () => {
    await stack.setClock(new Date());
    await restoreCentres?.(await stack.login('admin.demo', 'korgoo-demo-admin'), OWN);
    await stack.stop();
  });

  it('fires a deadline that fell due while matching was down exactly once after restart, on two replicas', async () => {
    const orders = [1, 2, 3, 4].map(() => riskAssessed({ settlementCode: 'naryn' }));
    for (const order of orders) await stack.publish('risk.assessed.v1', order.orderId, order);
    const ids = new Set(orders.map((o) => o.orderId));
    const routed = await stack.awaitEvents<Routed>('referral.routed.v1', (e) => ids.has(e.correlationId), orders.length);

    // The replicas that took over start after the process that set the deadlines was killed; they hold
    // nothing in memory. Their clocks then move past every deadline: the time that passed while down.
    await stack.kill('matching');
    await Promise.all([stack.startOne('matching'), stack.startOne('matching')]);
    expect(stack.eventsOn('referral.expired.v1')).toEqual([]);
    const firstExpiry = new Date(latest(routed) + MINUTE);
    await stack.setClock(firstExpiry);

    // Each expiry re-routes; moving past the new deadlines exhausts the hand-offs and escalates.
    const reroutes = await stack.awaitEvents<Routed>('referral.rerouted.v1', (e) => ids.has(e.correlationId), orders.length);
    expect(latest(reroutes)).toBeGreaterThan(firstExpiry.getTime());
    await stack.setClock(new Date(latest(reroutes) + MINUTE));
    await stack.awaitEvents('referral.escalated.v1', (e) => ids.has(e.correlationId), orders.length);

    for (const first of routed) {
      const { referralId } = first.payload;
      const expired = stack.eventsOn<Expired>('referral.expired.v1').filter((e) => e.payload.referralId === referralId);
      const rerouted = stack.eventsOn<Routed>('referral.rerouted.v1').filter((e) => e.payload.referralId === referralId);
      expect(expired.map((e) => e.payload.centreId)).toEqual([first.payload.centreId, rerouted[0].payload.centreId]);
      expect(expired[0].payload.acknowledgeBy).toBe(first.payload.acknowledgeBy);
      // The event occurred at matching's time, after its clock moved past the deadline.
      expect(Date.parse((expired[0] as unknown as { occurredAt: string }).occurredAt)).toBeGreaterThanOrEqual(firstExpiry.getTime());
      expect(rerouted).toHaveLength(1);

      // Committed state agrees with the events: two timers fired, two expiries recorded, no more.
      const deadlines = await stack.sql<{ state: string }>(
        'SELECT state FROM matching.referral_deadline WHERE referral_id = $1 ORDER BY hand_off',
        [referralId],
      );
      expect(deadlines.map((d) => d.state)).toEqual(['fired', 'fired']);
      const [{ expiries }] = await stack.sql<{ expiries: number }>(
        `SELECT count(*)::int AS expiries FROM matching.outbox WHERE subject = 'referral.expired.v1' AND envelope->'payload'->>'referralId' = $1`,
        [referralId],
      );
      expect(expiries).toBe(2);
      const [{ n }] = await stack.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM matching.referral_transition WHERE referral_id = $1 AND to_status = 'expired'`,
        [referralId],
      );
      expect(n).toBe(2);
    }
    expect(stack.replicas('matching')).toHaveLength(2);
  });
});

import { DEMO_DIRECTORY } from '../../apps/matching/src/directory/demo/demo-directory';
import { runOnline } from './online-policies';
import { generateOrders } from './orders';
import { outreachOption } from './outreach';
import { outreachHours, priced } from './outreach-cost';
import { buildWorld, DEFAULT_SETTINGS, nearestPlaceMinutes } from './world';

describe('the outreach option', () => {
  // Naryn's centres and orders: Chaek lies beyond the reach of the town of Naryn.
  const centres = DEMO_DIRECTORY.filter((c) => c.oblast === 'Naryn');
  const orders = generateOrders({ count: 6000, seed: 3 }).filter((o) => o.oblast === 'Naryn');
  const world = buildWorld(orders, centres, DEFAULT_SETTINGS);
  const router = runOnline(world, 'router');
  const option = outreachOption(world, router.outcomes, [], DEFAULT_SETTINGS);
  const [naryn] = option.oblasts.filter((o) => o.oblast === 'Naryn');

  it('counts as unreached the orders placed nowhere with no centre within reach', () => {
    const unreached = orders.filter(
      (_, i) => !router.outcomes[i].placed && centres.every((_, c) => nearestPlaceMinutes(world, i, c) === Infinity),
    );
    expect(naryn.unreached).toBe(unreached.length);
    expect(naryn.unreached).toBeGreaterThan(0);
  });

  it('proposes points of the oblast\'s own centres, one or two weekdays each, that newly place orders', () => {
    expect(naryn.points.length).toBeGreaterThan(0);
    for (const p of naryn.points) {
      expect(centres.map((c) => c.id)).toContain(p.centreId);
      expect(p.weekdays.length).toBeGreaterThanOrEqual(1);
      expect(p.weekdays.length).toBeLessThanOrEqual(2);
      expect(p.weekdays.every((d) => d >= 1 && d <= 5)).toBe(true);
      expect(p.roadMinutes).toBeLessThanOrEqual(360);
      expect(p.unreachedInReach).toBeGreaterThanOrEqual(12);
    }
    expect(naryn.newlyPlaced).toBe(naryn.placedWith - naryn.placedWithout);
    expect(naryn.newlyPlaced).toBeGreaterThan(0);
  });

  it('prices the trips the pairs made and nothing else', () => {
    expect(naryn.trips).toBeGreaterThan(0);
    expect(naryn.sessions).toBeGreaterThanOrEqual(naryn.trips);
    // Every trip is its sessions and the road both ways, for two people.
    expect(naryn.price.hours).toBeGreaterThan(2 * 4 * naryn.sessions);
    expect(naryn.price).toEqual(priced(naryn.price.hours, naryn.newlyPlaced));
    expect(outreachHours([])).toBe(0);
    expect(naryn.facilitators).toBeNull();
  });

  it('weighs every point at once over all the orders, where a pair away from its centre may cost its own oblast', () => {
    const national = option.national!;
    expect(national.placedWith - national.placedWithout).toBe(Object.values(national.changeByOblast).reduce((a, b) => a + b, 0));
    // Naryn's own centres host its points: what the national run gains is Naryn's, net of what the pairs' days cost.
    expect(national.changeByOblast.Naryn).toBe(national.placedWith - national.placedWithout);
    expect(national.price.hours).toBeGreaterThan(0);
    expect(national.price).toEqual(priced(national.price.hours, national.placedWith - national.placedWithout));
  });
});

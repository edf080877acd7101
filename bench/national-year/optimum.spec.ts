import { DEMO_DIRECTORY, DirectoryCentre } from '../../apps/matching/src/directory/demo/demo-directory';
import { Random } from '../seeded-random';
import { runOnline } from './online-policies';
import { leadsToSlot, slotAlignedLimits, slotPlaces, solveOptimum, startWeeks } from './optimum';
import { generateOrders } from './orders';
import { buildWorld, DEFAULT_SETTINGS, World } from './world';

const placed = (outcomes: readonly { placed: boolean }[]) => outcomes.filter((o) => o.placed).length;

/** The centres with every declared slot's seats set to `max`. */
const withSlotSize = (ids: readonly string[], max: (slot: number) => number): DirectoryCentre[] =>
  DEMO_DIRECTORY.filter((c) => ids.includes(c.id)).map((c) => ({
    ...c,
    groupSlots: c.groupSlots.map((s, i) => ({ ...s, minParticipants: 1, maxParticipants: max(i) })),
  }));

/** The router's placements per centre, sex and language never exceed half the slot places of the year. */
function expectWithinSlotPlaces(world: World, outcomes: ReturnType<typeof runOnline>['outcomes']): void {
  const counts = new Map<string, number>();
  outcomes.forEach((o, i) => {
    if (!o.placed) return;
    const key = `${o.centreId}|${world.orders[i].sex}|${world.orders[i].language}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  for (const [key, n] of counts) {
    const [centreId, sex, language] = key.split('|');
    const slots = world.centres.find((c) => c.id === centreId)!.groupSlots.filter((s) => s.sex === sex && s.language === language);
    // Days 19,000-22,000 run from 2022 to 2030: every session of the simulated 2027.
    if (slots.length > 0) expect(2 * n).toBeLessThanOrEqual(slotPlaces(slots, 19_000, 22_000));
  }
}

describe('the offline bound for declared group slots', () => {
  it('counts the seats of the slot meetings in a span of days', () => {
    const [shans] = withSlotSize(['bishkek-shans'], () => 4);
    // One Thursday slot: 2027-01-04 is a Monday (day 20,822), so two Thursdays fall in these 14 days.
    expect(slotPlaces(shans.groupSlots, 20_822, 20_835)).toBe(8);
    expect(slotPlaces([{ ...shans.groupSlots[0], minutes: 120 }], 20_822, 20_835)).toBe(0);
  });

  it('counts individual sessions only on days from which a slot meeting can follow', () => {
    // Talas: the men's group meets on Thursdays; 2027-01-04 (day 20,822) is a Monday.
    const [talas] = DEMO_DIRECTORY.filter((c) => c.id === 'talas-demo');
    const monday = 20_822;
    const thursday = monday + 3;
    // The last individual session falls 6-8 days before the first group: Wednesday, Thursday or Friday.
    expect([0, 1, 2, 3, 4, 5, 6].filter((d) => leadsToSlot(talas.groupSlots, monday + d, [6, 7, 8]))).toEqual([2, 3, 4]);
    // Two sessions a week on Monday, one on Thursday morning (the afternoon is the slot's): only Thursday's
    // can lead to a meeting, and a programme holds two individual sessions there.
    const fourWeeks = Array.from({ length: 28 }, (_, d) => (d % 7 === 0 ? 2 : d % 7 === 3 ? 1 : 0));
    const limits = slotAlignedLimits(talas.groupSlots, fourWeeks, monday);
    expect(limits.firstSessionsPerWeek).toEqual([1, 1, 1, 1]);
    expect(limits.programmes).toBe(2);
    expect(leadsToSlot(talas.groupSlots, thursday, [12, 13, 14, 15, 16])).toBe(true);
  });

  it('is lower than the slot-blind bound when small slots bind, and still above the router', () => {
    const centres = withSlotSize(['osh-ak-jurok'], () => 2);
    const world = buildWorld(generateOrders({ count: 300, seed: 11 }), centres, DEFAULT_SETTINGS);
    const starts = startWeeks(world);
    const slots = solveOptimum(world, 'slot-model', starts);
    const blind = solveOptimum(world, 'sessions-per-centre', starts);
    const router = runOnline(world, 'router');
    expect(placed(router.outcomes)).toBeGreaterThan(0);
    expect(placed(router.outcomes)).toBeLessThanOrEqual(placed(slots.outcomes));
    expect(placed(slots.outcomes)).toBeLessThan(placed(blind.outcomes));
    expectWithinSlotPlaces(world, router.outcomes);
  });

  it('never lets the router place more than the slot bound on random small worlds', () => {
    const random = new Random(5);
    const ids = DEMO_DIRECTORY.filter((c) => c.groupSlots.length > 0).map((c) => c.id);
    for (let run = 0; run < 4; run++) {
      const chosen = ids.filter(() => random.next() < 0.3).slice(0, 3);
      if (chosen.length === 0) chosen.push(ids[random.int(0, ids.length - 1)]);
      const sizes = chosen.flatMap(() => [random.int(1, 10), random.int(1, 10)]);
      const centres = withSlotSize(chosen, (i) => sizes[i % sizes.length]);
      const world = buildWorld(generateOrders({ count: 150, seed: 100 + run }), centres, DEFAULT_SETTINGS);
      const router = runOnline(world, 'router');
      const bound = solveOptimum(world, 'slot-model');
      expect(placed(router.outcomes)).toBeLessThanOrEqual(placed(bound.outcomes));
      expectWithinSlotPlaces(world, router.outcomes);
    }
  });
});

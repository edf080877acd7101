import { DEMO_DIRECTORY } from '../../apps/matching/src/directory/demo/demo-directory';
import { bishkekDayNumber, bishkekInstant, weekdayOfDayNumber } from '../../apps/matching/src/capacity/bishkek-time';
import { CentreBookings } from './bookings';
import { DEFAULT_OPTIONS, runNationalYear } from './national-year';
import { runOnline } from './online-policies';
import { firstDayOfWeek, solveOptimum, startWeeks, weekOfDay } from './optimum';
import { generateOrders } from './orders';
import { sessionsOnDay } from './roster-capacity';
import { buildWorld, centreAnswer, centreReach, DEFAULT_SETTINGS, withinReach } from './world';

const HOUR = 3_600_000;

describe('a small simulated year', () => {
  const orders = generateOrders({ count: 200, seed: 7 });
  // Three small centres, so capacity runs out and the policies part ways.
  const centres = DEMO_DIRECTORY.filter((c) => ['talas-demo', 'naryn-pir-solomon', 'bishkek-shans'].includes(c.id));
  const world = buildWorld(orders, centres, DEFAULT_SETTINGS);
  const router = runOnline(world, 'router');
  const greedy = runOnline(world, 'greedy');
  const starts = startWeeks(world);
  const optimum = solveOptimum(world, 'sessions-per-centre', starts);
  const loose = solveOptimum(world, 'first-sessions-only', starts);
  const placed = (outcomes: { placed: boolean }[]) => outcomes.filter((o) => o.placed).length;

  it('never lets the router or greedy place more than the optimum', () => {
    expect(placed(router.outcomes)).toBeGreaterThan(0);
    expect(placed(router.outcomes)).toBeLessThanOrEqual(placed(optimum.outcomes));
    expect(placed(greedy.outcomes)).toBeLessThanOrEqual(placed(optimum.outcomes));
    expect(placed(optimum.outcomes)).toBeLessThanOrEqual(placed(loose.outcomes));
    // Capacity is short here, so the comparison means something.
    expect(placed(optimum.outcomes)).toBeLessThan(orders.length);
  });

  it('keeps every router placement inside the limits the optimum relaxes', () => {
    const firstSessions = new Map<string, number>();
    const perCentre = new Map<string, number>();
    router.outcomes.forEach((o, i) => {
      if (!o.placed) return;
      const order = orders[i];
      const c = centres.findIndex((x) => x.id === o.centreId);
      const week = weekOfDay(bishkekDayNumber(o.firstSessionAt!));
      // The order's (centre, week) is an edge of the flow network, and the centre accepts it.
      expect(starts[i]).toContainEqual({ centre: c, week });
      expect(centreAnswer(world, order, o.centreId!).kind).toBe('accept');
      expect(o.firstSessionAt!.getTime()).toBeGreaterThanOrEqual(order.issuedAt.getTime() + 24 * HOUR);
      expect(o.lastSessionEndsAt!.getTime()).toBeLessThanOrEqual(order.expiresAt.getTime());
      expect(withinReach(world.travel[i].travel[c])).toBe(true);
      const key = `${c}|${week}`;
      firstSessions.set(key, (firstSessions.get(key) ?? 0) + 1);
      perCentre.set(o.centreId!, (perCentre.get(o.centreId!) ?? 0) + 1);
    });
    for (const [key, n] of firstSessions) {
      const [c, week] = key.split('|').map(Number);
      let sessions = 0;
      for (let d = 0; d < 7; d++) sessions += sessionsOnDay(centres[c], firstDayOfWeek(week) + d);
      expect(n).toBeLessThanOrEqual(sessions);
    }
    for (const limit of optimum.centreLimits) {
      expect(perCentre.get(limit.centreId) ?? 0).toBeLessThanOrEqual(limit.programmeLimit!);
    }
  });

  it('places optimum orders only where they could start, at most once each', () => {
    optimum.outcomes.forEach((o, i) => {
      if (!o.placed) return;
      const c = centres.findIndex((x) => x.id === o.centreId);
      expect(starts[i].some((s) => s.centre === c)).toBe(true);
      expect(o.travelMinutes).toBe(world.travel[i].travel[c].minutes);
    });
  });

  it('gives up on an order after two hand-offs when every centre declines', () => {
    // Bishkek's centres, so the orders within reach of the capital have three centres to be handed between.
    const bishkek = DEMO_DIRECTORY.filter((c) => c.settlementCode === 'bishkek' && c.id !== 'bishkek-sezim');
    const declining = buildWorld(orders.slice(0, 20), bishkek, { ...DEFAULT_SETTINGS, declineRate: 1, missRate: 0 });
    const run = runOnline(declining, 'router');
    for (const o of run.outcomes) {
      expect(o.placed).toBe(false);
      expect(['hand_offs_exhausted', 'no_feasible_centre']).toContain(o.reason);
      expect(o.handOffs).toBeLessThanOrEqual(3);
    }
    expect(run.outcomes.some((o) => o.handOffs === 3)).toBe(true);
    // Every declined plan was given back.
    expect(run.sessions).toEqual({ individual: 0, groups: 0, groupSeats: 0, slotMeetings: 0, slotSeats: 0, womenGroups: 0, womenSeats: 0 });
    expect(placed(runOnline(declining, 'greedy').outcomes)).toBe(0);
  });

  it('reports the three policies side by side for the whole directory', () => {
    const result = runNationalYear({ ...DEFAULT_OPTIONS, orders: 200, seed: 7, shortfallTarget: null }, orders);
    expect(result.router.placed).toBeLessThanOrEqual(result.optimum.placed);
    expect(result.greedy.placed).toBeLessThanOrEqual(result.optimum.placed);
    expect(result.routerShareOfOptimum).toBeLessThanOrEqual(1);
    expect(result.runs.looseBound!.placed).toBeGreaterThanOrEqual(result.optimum.placed);
    const byOblast = Object.values(result.router.coverageByOblast);
    expect(byOblast.reduce((n, r) => n + r.orders, 0)).toBe(200);
    expect(byOblast.reduce((n, r) => n + r.placed, 0)).toBe(result.router.placed);
    const { male, female } = result.router.coverageBySex;
    expect(male.orders + female.orders).toBe(200);
    expect(male.placed + female.placed).toBe(result.router.placed);
    expect(female.share).toBeCloseTo(female.placed / female.orders);
    expect(result.router.escalated! + result.router.placed).toBe(200);
    expect(result.router.travelMinutes.median!).toBeLessThanOrEqual(result.router.travelMinutes.p95!);
  });
});

describe('outreach points in the simulated year', () => {
  // Kerben and Bokonbaevo lie beyond the reach of every centre; Osh Ак-Жүрөк and Karakol Мээрман declare points there.
  const far = generateOrders({ count: 4000, seed: 7 }).filter((o) => o.settlementCode === 'kerben' || o.settlementCode === 'bokonbaevo');
  const hosts = DEMO_DIRECTORY.filter((c) => c.outreachPoints.length > 0);
  const world = buildWorld(far, hosts, { ...DEFAULT_SETTINGS, declineRate: 0, missRate: 0 });
  const run = runOnline(world, 'router');

  it('places orders beyond every centre at a point within reach, on the point\'s day only', () => {
    expect(far.length).toBeGreaterThan(10);
    const atPoints = run.outcomes.filter((o) => o.placed);
    expect(atPoints.length).toBeGreaterThan(0);
    run.outcomes.forEach((o, i) => {
      if (!o.placed) return;
      const j = world.points.findIndex((p) => p.point.id === o.outreachPointId);
      expect(j).not.toBe(-1);
      expect(o.travelMinutes).toBe(world.travel[i].toPoints[j].minutes);
      expect(withinReach(world.travel[i].toPoints[j])).toBe(true);
    });
    for (const days of run.pointDays.values()) for (const day of days.keys()) expect(weekdayOfDayNumber(day)).toBe(2);
    const held = [...run.pointDays.values()].reduce((n, days) => n + [...days.values()].reduce((a, b) => a + b, 0), 0);
    expect(held).toBe(run.sessions.individual + run.sessions.groups);
  });

  it('places none of them without the points, and keeps the optimum a bound with them', () => {
    const without = buildWorld(far, hosts.map((c) => ({ ...c, outreachPoints: [] })), world.settings);
    expect(placed(runOnline(without, 'router').outcomes)).toBe(0);
    expect(placed(run.outcomes)).toBeLessThanOrEqual(placed(solveOptimum(world, 'slot-model').outcomes));
  });
});

describe('roads on each session\'s date', () => {
  it('takes the road open on the issue day and closed for sessions after the pass closes (Kazarman, November)', () => {
    const [template] = generateOrders({ count: 4000, seed: 7 }).filter((o) => o.settlementCode === 'kazarman');
    const issuedAt = bishkekInstant('2027-10-25');
    const order = { ...template, issuedAt, expiresAt: bishkekInstant('2027-11-25'), lengthDays: 31 };
    const naryn = DEMO_DIRECTORY.findIndex((c) => c.id === 'naryn-asylzat');
    const reach = centreReach(buildWorld([order], DEMO_DIRECTORY, DEFAULT_SETTINGS), 0, naryn);
    expect(reach.travel?.source).toBe('road-graph');
    expect(reach.travelOn(bishkekInstant('2027-10-29'))).toEqual(reach.travel);
    expect(reach.travelOn(bishkekInstant('2027-11-05'))).toBeNull();
  });
});

const placed = (outcomes: { placed: boolean }[]) => outcomes.filter((o) => o.placed).length;

describe('CentreBookings', () => {
  const session = (index: 1 | 2 | 3 | 4, kind: 'individual' | 'group', day: number, joins?: string, slot?: string) => ({
    index,
    kind,
    startsAt: new Date(Date.UTC(2027, 0, day, 3)),
    endsAt: new Date(Date.UTC(2027, 0, day, 7)),
    leadFacilitatorId: 'm',
    coFacilitatorId: 'f',
    ...(joins ? { joinsBookedSessionId: joins } : {}),
    ...(slot ? { groupSlotId: slot } : {}),
  });

  it('shares a group between participants and gives sessions back on release', () => {
    const ledger = new CentreBookings('c');
    const first = ledger.book([session(1, 'individual', 4), session(2, 'individual', 11), session(3, 'group', 18), session(4, 'group', 25)], 'ky', 'male');
    const second = ledger.book(
      [session(1, 'individual', 5), session(2, 'individual', 12), session(3, 'group', 18, first[2]), session(4, 'group', 25, first[3])],
      'ky',
      'male',
    );
    expect(ledger.booked.find((s) => s.id === first[2])!.participants).toBe(2);
    expect(ledger.tally).toEqual({ individual: 4, groups: 2, groupSeats: 4, slotMeetings: 0, slotSeats: 0, womenGroups: 0, womenSeats: 0 });
    expect(ledger.activeLoad()).toBe(2);
    ledger.release(first, Date.UTC(2027, 0, 25, 7));
    expect(ledger.booked).toHaveLength(4);
    expect(ledger.booked.find((s) => s.id === second[2])!.participants).toBe(1);
    expect(ledger.activeLoad()).toBe(1);
    ledger.prune(Date.UTC(2027, 0, 13));
    expect(ledger.booked).toHaveLength(2);
  });

  it('counts the meetings of declared slots and their seats apart from groups of a pair\'s own, and women\'s groups of those', () => {
    const ledger = new CentreBookings('c');
    const first = ledger.book([session(1, 'individual', 4), session(2, 'individual', 11), session(3, 'group', 18, undefined, 's1'), session(4, 'group', 25)], 'ky', 'male');
    const second = ledger.book([session(1, 'individual', 5), session(2, 'individual', 12), session(3, 'group', 18, first[2]), session(4, 'group', 26)], 'ky', 'male');
    const woman = ledger.book([session(1, 'individual', 6), session(2, 'individual', 13), session(3, 'group', 20), session(4, 'group', 27)], 'ky', 'female');
    expect(ledger.tally).toEqual({ individual: 6, groups: 5, groupSeats: 6, slotMeetings: 1, slotSeats: 2, womenGroups: 2, womenSeats: 2 });
    ledger.release(first, Date.UTC(2027, 0, 25, 7));
    expect(ledger.tally).toEqual({ individual: 4, groups: 4, groupSeats: 4, slotMeetings: 1, slotSeats: 1, womenGroups: 2, womenSeats: 2 });
    ledger.release(second, Date.UTC(2027, 0, 26, 7));
    ledger.release(woman, Date.UTC(2027, 0, 27, 7));
    expect(ledger.tally).toEqual({ individual: 0, groups: 0, groupSeats: 0, slotMeetings: 0, slotSeats: 0, womenGroups: 0, womenSeats: 0 });
  });
});

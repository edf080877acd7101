import { DirectoryCentre, demoCentreCapacity } from '../../apps/matching/src/directory/demo/demo-directory';
import { capacityAtPoint } from '../../apps/matching/src/capacity/outreach-points';
import { bishkekDayNumber, fromBishkekMinutes, toBishkekMinutes, weekdayOfDayNumber } from '../../apps/matching/src/capacity/bishkek-time';
import { assessFeasibility } from '../../apps/matching/src/capacity/feasibility';
import { CentreCapacity, GroupSlot, MANDATORY_PROGRAMME, ProgrammeRequest } from '../../apps/matching/src/capacity/capacity-types';
import { slotHoursByFacilitator } from '../../apps/matching/src/capacity/group-slots';
import { MinCostFlow } from './min-cost-flow';
import { sessionsOnDay } from './roster-capacity';
import type { OrderOutcome } from './online-policies';
import type { SimOrder } from './orders';
import { centreAnswer, withinReach, World } from './world';

/**
 * The offline optimum with hindsight, as a min-cost max-flow:
 *
 *   source -> order (1) -> (centre, week of first session) -> centre -> sink
 *
 * maximising orders placed, then minimising their total travel. It is a RELAXATION, so an upper bound
 * on what any online router can place:
 * - an order may start at (centre, week) when the centre could run the whole programme for it, in its
 *   language, with a man and a woman, 6-8 days apart and finishing before expiry, on an EMPTY calendar
 *   starting that week (feasibility checked by the product's own rules);
 * - (centre, week) admits at most as many first sessions as the centre can run sessions that week:
 *   per day, the fewer of the men's and the women's disjoint 4-hour slots, each counted only where
 *   someone of the other sex is on duty;
 * - the centre admits at most n orders over the year, where 2n individual sessions plus the
 *   ceil(2n / group capacity) group sessions they need at the least fit in the sessions it can run
 *   from the first possible start to the last expiry.
 * What it ignores: exact times and who runs which session, that groups fill only with people whose
 * sessions line up, and that orders arrive one by one. It knows which centres would decline or miss
 * the deadline and avoids them. Every real schedule satisfies these limits, so the router's count can
 * never exceed it.
 *
 * The 'slot-model' also knows that a centre declaring weekly group slots for a sex and language holds
 * those groups only there (`slotPlaces`), so the flow runs
 *
 *   order -> (centre, sex and language, week) -> (centre, sex and language) -> (centre, slots or own groups) -> centre
 *
 * - (centre, class, week) admits at most the sessions the centre can run that week, and for a class with
 *   slots at most half the slot places between 12 and 30 days after that Monday, where its group sessions fall;
 * - (centre, class) with slots admits at most half the slot places of the span: two group sessions each;
 * - for a class with slots, individual sessions count only on days a slot meeting can follow at the programme's
 *   spacing (`slotAlignedLimits`): with a Thursday slot, the last one on Wednesday to Friday, the first within
 *   two days of Thursday, so a facilitator's Monday serves that class nobody;
 * - sessions are counted outside the hours the slots' pairs keep for them, as routing books them: individual
 *   sessions and groups of a pair's own never go there, and slot meetings may lie outside the rosters;
 * - the classes without slots share today's per-centre programme limit;
 * - the centre admits at most half its sessions, the two individual sessions of every order.
 */
export interface OptimumRun {
  policy: 'optimum';
  model: OptimumModel;
  outcomes: OrderOutcome[];
  network: { nodes: number; edges: number; orderWeekEdges: number; phases: number; solveMs: number };
  /**
   * Per centre: sessions per ordinary week and the programme limit over the whole span; in the slot model
   * sessions outside the hours kept for slots, whose meetings are counted apart.
   */
  centreLimits: Array<{
    centreId: string;
    sessionsPerWeek: number;
    sessionsInSpan: number;
    slotMeetingsInSpan: number;
    programmeLimit: number | null;
  }>;
}

/**
 * 'sessions-per-centre' is the model above, blind to declared slots; 'slot-model' adds the slot limits;
 * 'first-sessions-only' drops the per-centre limit (each order then counts one session only) and is looser still.
 */
export type OptimumModel = 'slot-model' | 'sessions-per-centre' | 'first-sessions-only';

/** Day 4 (1970-01-05) was a Monday. */
export const weekOfDay = (day: number): number => Math.floor((day - 4) / 7);
export const firstDayOfWeek = (week: number): number => week * 7 + 4;
const MINUTES_PER_DAY = 1440;
/**
 * Travel is costed in whole minutes: costs must be integers, and every distinct path cost is one more
 * Dijkstra run, so finer units cost time. The total is off by at most half a minute per order.
 */
const COST_PER_MINUTE = 1;

export interface StartWeek {
  centre: number;
  week: number;
}

const placesWorlds = new WeakMap<World, World>();

/**
 * The flow's places: every centre, then each outreach point as a place of its own, run by its pair in its
 * windows only (the service's `capacityAtPoint`), at the travel to the point, answering as its centre does.
 * The centre keeps its whole roster, the pair's outreach weekday included, which can only loosen the bound.
 */
export function placesWorld(world: World): World {
  if (world.points.length === 0) return world;
  let places = placesWorlds.get(world);
  if (places) return places;
  const atPoints: DirectoryCentre[] = world.points.map(({ centre, point }) => {
    const host = world.centres[centre];
    const at = capacityAtPoint(demoCentreCapacity(host), point);
    const named = new Map(host.facilitators.map((f) => [f.id, f.displayName]));
    return {
      ...host,
      facilitators: at.facilitators.map((f) => ({ ...f, displayName: named.get(f.id)! })),
      groupSlots: at.groupSlots,
      outreachPoints: [],
    };
  });
  const centres = [...world.centres, ...atPoints];
  places = {
    ...world,
    centres,
    points: [],
    pointsOf: centres.map(() => []),
    travel: world.travel.map((row) => ({
      travel: [...row.travel, ...row.toPoints],
      straight: [...row.straight, ...row.straightToPoints],
      toPoints: [],
      straightToPoints: [],
      // The bound takes the roads of the issue day only: a road closed for a later session can only loosen it.
      byMonth: new Map(),
    })),
  };
  placesWorlds.set(world, places);
  return places;
}

/** Weeks in which each order could start its programme at each place (centre or outreach point) that would accept it. */
export function startWeeks(given: World): StartWeek[][] {
  const world = placesWorld(given);
  const empty = world.centres.map((c) => demoCentreCapacity(c, []));
  const cache = new Map<string, number>();
  const marginMs = world.settings.firstSessionMarginHours * 3_600_000;

  // Starts fall on whole hours, so rounding the window in to whole hours changes no verdict.
  const earliestWeek = (centre: number, capacity: CentreCapacity, request: ProgrammeRequest): number => {
    const from = Math.ceil(toBishkekMinutes(request.notBefore) / 60) * 60;
    const until = Math.floor(toBishkekMinutes(request.mustFinishBy) / 60) * 60;
    const key = `${centre}|${request.participantSex}|${request.language}|${from}|${until}`;
    let week = cache.get(key);
    if (week === undefined) {
      const verdict = assessFeasibility(capacity, request);
      week = verdict.feasible ? weekOfDay(bishkekDayNumber(verdict.plan.firstSessionAt)) : -1;
      cache.set(key, week);
    }
    return week;
  };

  return world.orders.map((order, i) => {
    const starts: StartWeek[] = [];
    world.centres.forEach((centre, c) => {
      if (centre.status !== 'open' || !withinReach(world.travel[i].travel[c])) return;
      if (centreAnswer(world, order, centre.id).kind !== 'accept') return;
      let notBefore = new Date(order.issuedAt.getTime() + marginMs);
      for (;;) {
        const request: ProgrammeRequest = {
          participantSex: order.sex,
          language: order.language,
          notBefore,
          mustFinishBy: order.expiresAt,
        };
        const week = earliestWeek(c, empty[c], request);
        if (week === -1) break;
        starts.push({ centre: c, week });
        notBefore = fromBishkekMinutes(firstDayOfWeek(week + 1) * MINUTES_PER_DAY);
      }
    });
    return starts;
  });
}

/**
 * Group sessions of a programme started in the week of `monday` fall this many days after it: the first
 * session is in that week, each later one 6 to 8 days after the one before.
 */
const GROUPS_FROM_DAY = MANDATORY_PROGRAMME.individualSessions * MANDATORY_PROGRAMME.minDaysBetween;
const GROUPS_UNTIL_DAY = 6 + (MANDATORY_PROGRAMME.sessionCount - 1) * MANDATORY_PROGRAMME.maxDaysBetween;

/**
 * Seats in the meetings of `slots` from day `from` to day `until`, counting only slots long enough for a
 * session; with `seats` giving 1, the meetings.
 */
export function slotPlaces(
  slots: readonly GroupSlot[],
  from: number,
  until: number,
  seats: (slot: GroupSlot) => number = (s) => s.maxParticipants,
): number {
  let places = 0;
  for (let day = from; day <= until; day++) {
    const weekday = weekdayOfDayNumber(day);
    for (const s of slots) if (s.weekday === weekday && s.minutes >= MANDATORY_PROGRAMME.sessionHours * 60) places += seats(s);
  }
  return places;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * For each individual session, last first, the days after it on which the first group session can fall: the
 * last individual session is 6-8 days before it, the one before that 12-16 days.
 */
const DAYS_TO_FIRST_GROUP: number[][] = Array.from({ length: MANDATORY_PROGRAMME.individualSessions }, (_, i) =>
  Array.from(
    { length: (i + 1) * (MANDATORY_PROGRAMME.maxDaysBetween - MANDATORY_PROGRAMME.minDaysBetween) + 1 },
    (_, k) => (i + 1) * MANDATORY_PROGRAMME.minDaysBetween + k,
  ),
);

/**
 * Whether an individual session on `day` can be followed, `daysToGroup` later, by a meeting of one of `slots`.
 * Where groups meet only at declared slots, individual sessions on other weekdays (a Monday when the slot
 * is on Thursday) serve nobody of that sex and language.
 */
export function leadsToSlot(slots: readonly GroupSlot[], day: number, daysToGroup: readonly number[]): boolean {
  return daysToGroup.some((after) => slots.some((s) => s.weekday === weekdayOfDayNumber(day + after)));
}

/**
 * Limits on the programmes of one sex and language at a centre with slots, from the sessions on days that can
 * lead to a slot meeting: per week, first sessions; over the span, every programme holds each of its
 * individual sessions on a day that leads to a meeting, so at most the sessions on the days each of them may
 * fall, and half those on any day one may fall.
 */
export function slotAlignedLimits(
  slots: readonly GroupSlot[],
  daySessions: readonly number[],
  firstDay: number,
): { firstSessionsPerWeek: number[]; programmes: number } {
  const onDays = (daysToGroup: readonly number[]) => daySessions.map((n, d) => (leadsToSlot(slots, firstDay + d, daysToGroup) ? n : 0));
  const each = DAYS_TO_FIRST_GROUP.map(onDays);
  const first = each[each.length - 1];
  const any = daySessions.map((_, d) => Math.max(...each.map((e) => e[d])));
  return {
    firstSessionsPerWeek: Array.from({ length: Math.ceil(first.length / 7) }, (_, w) => sum(first.slice(w * 7, w * 7 + 7))),
    programmes: Math.min(...each.map(sum), Math.floor(sum(any) / MANDATORY_PROGRAMME.individualSessions)),
  };
}

/** Most programmes whose 2 individual and shared group sessions fit in `sessions`. */
export function programmeLimit(sessions: number, groupCapacity: number): number {
  let n = Math.floor(sessions / 2);
  while (n > 0 && 2 * n + Math.ceil((2 * n) / groupCapacity) > sessions) n--;
  return n;
}

export function solveOptimum(given: World, model: OptimumModel, starts: StartWeek[][] = startWeeks(given)): OptimumRun {
  const world = placesWorld(given);
  const { orders, centres } = world;
  // The span every programme of the year can fall in, from the first possible start to the last expiry.
  let firstWeek = Infinity;
  let lastWeek = -Infinity;
  for (const s of starts) for (const { week } of s) firstWeek = Math.min(firstWeek, week);
  for (const o of orders) lastWeek = Math.max(lastWeek, weekOfDay(bishkekDayNumber(o.expiresAt)));
  if (firstWeek === Infinity) firstWeek = lastWeek = 0;
  const weekCount = lastWeek - firstWeek + 1;

  // Sessions each centre can run on each day of the span, from its first Monday.
  const daySessions = centres.map((centre) => {
    const kept = model === 'slot-model' ? slotHoursByFacilitator(centre.groupSlots) : undefined;
    return Array.from({ length: weekCount * 7 }, (_, d) => sessionsOnDay(centre, firstDayOfWeek(firstWeek) + d, kept));
  });
  const weekSessions = daySessions.map((days) => Array.from({ length: weekCount }, (_, w) => sum(days.slice(w * 7, w * 7 + 7))));
  const sessionsInSpan = weekSessions.map(sum);
  const limits = centres.map((c, i) =>
    model === 'first-sessions-only' ? null : programmeLimit(sessionsInSpan[i], c.groupCapacity),
  );
  const spanFirstDay = firstDayOfWeek(firstWeek);
  const spanLastDay = firstDayOfWeek(lastWeek) + 6;
  const alignedLimits = new Map<string, ReturnType<typeof slotAlignedLimits>>();

  /** The nodes an order's unit passes from its (centre, week) to the sink, each with its capacity. */
  const route = (order: SimOrder, c: number, week: number): Array<[string, number]> => {
    const sessions = weekSessions[c][week - firstWeek];
    if (model !== 'slot-model') return [[`${c}|${week}`, sessions], [`${c}`, limits[c] ?? Infinity]];
    const { sex, language } = order;
    const slots = centres[c].groupSlots.filter((s) => s.sex === sex && s.language === language);
    const centreCap: [string, number] = [`${c}`, Math.floor(sessionsInSpan[c] / 2)];
    if (slots.length === 0) {
      return [[`${c}|${sex}|${language}|${week}`, sessions], [`${c}|own`, limits[c]!], centreCap];
    }
    const monday = firstDayOfWeek(week);
    const inWeeks = Math.floor(slotPlaces(slots, monday + GROUPS_FROM_DAY, monday + GROUPS_UNTIL_DAY) / 2);
    const inSpan = Math.floor(slotPlaces(slots, spanFirstDay, spanLastDay) / 2);
    const key = `${c}|${sex}|${language}`;
    let aligned = alignedLimits.get(key);
    if (!aligned) alignedLimits.set(key, (aligned = slotAlignedLimits(slots, daySessions[c], spanFirstDay)));
    return [
      [`${c}|${sex}|${language}|${week}`, Math.min(aligned.firstSessionsPerWeek[week - firstWeek], inWeeks)],
      [`${c}|${sex}|${language}`, Math.min(inSpan, aligned.programmes)],
      centreCap,
    ];
  };

  // Nodes: source, orders, then the nodes of the routes as first met, then the sink; each route node has
  // one edge out, to the next node of its route.
  const source = 0;
  const orderNode = (i: number) => 1 + i;
  const routeNodes = new Map<string, number>();
  const routeEdges: Array<{ from: number; to: string | null; capacity: number }> = [];
  let nodes = 1 + orders.length;
  const entry = starts.map((s, i) =>
    s.map(({ centre, week }) => {
      const path = route(orders[i], centre, week);
      path.forEach(([key, capacity], k) => {
        if (routeNodes.has(key)) return;
        routeNodes.set(key, nodes++);
        routeEdges.push({ from: nodes - 1, to: k + 1 < path.length ? path[k + 1][0] : null, capacity });
      });
      return routeNodes.get(path[0][0])!;
    }),
  );
  const sink = nodes;
  const network = new MinCostFlow(sink + 1);

  const orderEdges: Array<Array<{ edge: number; centre: number }>> = [];
  let orderWeekEdges = 0;
  orders.forEach((_, i) => {
    network.addEdge(source, orderNode(i), 1, 0);
    const travel = world.travel[i].travel;
    orderEdges.push(
      starts[i].map(({ centre }, k) => {
        orderWeekEdges++;
        return { edge: network.addEdge(orderNode(i), entry[i][k], 1, Math.round(travel[centre].minutes * COST_PER_MINUTE)), centre };
      }),
    );
  });
  for (const { from, to, capacity } of routeEdges) network.addEdge(from, to === null ? sink : routeNodes.get(to)!, capacity, 0);

  const started = performance.now();
  const result = network.solve(source, sink);
  const solveMs = performance.now() - started;

  const outcomes: OrderOutcome[] = orders.map((_, i) => {
    const used = orderEdges[i].find((e) => network.flowOn(e.edge) > 0);
    const travel = used ? world.travel[i].travel[used.centre].minutes : null;
    return {
      placed: used !== undefined,
      centreId: used ? centres[used.centre].id : null,
      travelMinutes: travel,
      firstSessionAt: null,
      lastSessionEndsAt: null,
      reason: used ? null : 'not_assigned',
      handOffs: 0,
      fromQueue: false,
      outreachPointId: null,
    };
  });
  return {
    policy: 'optimum',
    model,
    outcomes,
    network: { nodes: sink + 1, edges: network.edgeCount, orderWeekEdges, phases: result.phases, solveMs },
    centreLimits: centres.map((c, i) => ({
      centreId: c.id,
      sessionsPerWeek: Math.max(...weekSessions[i]),
      sessionsInSpan: sessionsInSpan[i],
      slotMeetingsInSpan: model === 'slot-model' ? slotPlaces(c.groupSlots, spanFirstDay, spanLastDay, () => 1) : 0,
      programmeLimit: model === 'slot-model' ? Math.floor(sessionsInSpan[i] / 2) : limits[i],
    })),
  };
}

import { demoCentreCapacity } from '../../apps/matching/src/directory/demo/demo-directory';
import { assessPlaces, PlaceVerdict } from '../../apps/matching/src/capacity/candidates';
import { MANDATORY_PROGRAMME, ProgrammePlan, ProgrammeRequest } from '../../apps/matching/src/capacity/capacity-types';
import { CentreCandidate, rankCentres, TRAVEL_TIE_MINUTES } from '../../apps/matching/src/capacity/ranking';
import type { TravelEstimate } from '../../apps/matching/src/travel/travel-time';
import { servingOrder } from '../../apps/matching/src/referrals/waiting-queue';
import { CentreBookings } from './bookings';
import type { SimOrder } from './orders';
import { centreAnswer, centreReach, nearestPlaceMinutes, withinReach, World } from './world';

export type PolicyName = 'router' | 'greedy' | 'optimum';

export type UnplacedReason =
  /** Router: no open centre within reach could deliver in time, and no capacity freed in time while it waited. */
  | 'no_feasible_centre'
  /** Router: declined or missed by every centre it was handed to. */
  | 'hand_offs_exhausted'
  /** Greedy: no open centre within reach could deliver in time. */
  | 'no_centre_can_deliver'
  /** Greedy: the centre chosen declined or missed the deadline. */
  | 'declined_or_missed'
  /** Optimum: left out of the best assignment. */
  | 'not_assigned';

export interface OrderOutcome {
  placed: boolean;
  centreId: string | null;
  travelMinutes: number | null;
  firstSessionAt: Date | null;
  lastSessionEndsAt: Date | null;
  reason: UnplacedReason | null;
  /** Centres the order was proposed to and that declined or missed. */
  handOffs: number;
  /** Placed from the waiting queue when a decline or a missed deadline freed capacity. */
  fromQueue: boolean;
  /** The centre's outreach point the sessions are held at; null at the centre or when not placed. */
  outreachPointId: string | null;
}

export interface OnlineRun {
  policy: 'router' | 'greedy';
  outcomes: OrderOutcome[];
  feasibilityChecks: number;
  /** Most sessions ever held at once by one centre after pruning, a check that pruning works. */
  peakBookedSessions: number;
  /** Sessions the placed orders hold, over all centres; slot meetings and their seats are among the groups. */
  sessions: CentreBookings['tally'];
  /** Sessions held at each outreach point, by Bishkek day number: the days a pair went there. */
  pointDays: Map<string, Map<number, number>>;
  /** The run gave up once more orders than asked were left unplaced; later orders are not played. */
  stoppedEarly: boolean;
}

export interface OnlineOptions {
  /** Stop as soon as this many orders are left unplaced: a search only needs to know it failed. */
  stopAfterUnplaced?: number;
}

interface Choice {
  centre: number;
  plan: ProgrammePlan;
  travel: TravelEstimate;
}

type Chooser = (order: SimOrder, request: ProgrammeRequest, excluded: ReadonlySet<number>) => Choice | null;

interface Pending {
  at: number;
  seq: number;
  order: SimOrder;
  attempt: number;
  excluded: Set<number>;
  /** Set when this event is a decline or a missed deadline coming due. */
  held?: { centre: number; ids: string[]; lastEnd: number };
}

/** Binary heap on (time, sequence): events at the same instant keep their creation order. */
class EventQueue {
  private readonly heap: Pending[] = [];

  get length(): number {
    return this.heap.length;
  }

  push(e: Pending): void {
    const h = this.heap;
    h.push(e);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  pop(): Pending {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r < h.length && before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

/** The mandatory programme's shortest span: sessions at least the minimum days apart, then the last session. */
const SHORTEST_PROGRAMME_MS =
  ((MANDATORY_PROGRAMME.sessionCount - 1) * MANDATORY_PROGRAMME.minDaysBetween * 24 + MANDATORY_PROGRAMME.sessionHours) * 3_600_000;

/** Straight-line km to a place, when the place is within reach by road. */
const withinReachKm = (travel: TravelEstimate, km: number): number => (withinReach(travel) ? km : Infinity);

const before = (a: Pending, b: Pending) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
const HOUR_MS = 3_600_000;

/**
 * Plays the orders in time order against one policy. Each centre keeps the sessions this policy booked,
 * so capacity used in March is not there for April's orders; declines and missed deadlines give the
 * sessions back when they happen.
 */
export function runOnline(world: World, policy: 'router' | 'greedy', options: OnlineOptions = {}): OnlineRun {
  const { centres, orders, settings } = world;
  const ledgers = centres.map((c) => new CentreBookings(c.id));
  const outcomes: OrderOutcome[] = orders.map(() => ({
    placed: false,
    centreId: null,
    travelMinutes: null,
    firstSessionAt: null,
    lastSessionEndsAt: null,
    reason: null,
    handOffs: 0,
    fromQueue: false,
    outreachPointId: null,
  }));
  const positionOf = new Map(orders.map((o, i) => [o, i]));
  let feasibilityChecks = 0;
  let peakBookedSessions = 0;

  /** As the service weighs a centre: at itself or at one of its outreach points, the nearest within reach that can deliver. */
  const assess = (position: number, centre: number, request: ProgrammeRequest): PlaceVerdict => {
    feasibilityChecks++;
    return assessPlaces(demoCentreCapacity(centres[centre], ledgers[centre].booked), request, centreReach(world, position, centre));
  };

  // Per order, the open centres with a place within reach (the centre or a point), nearest place first, computed once.
  const nearest = world.travel.map((_, position) => centres.map((_, i) => nearestPlaceMinutes(world, position, i)));
  const byTravel = nearest.map((minutes) =>
    centres
      .map((_, i) => i)
      .filter((i) => centres[i].status === 'open' && minutes[i] !== Infinity)
      .sort((a, b) => minutes[a] - minutes[b] || (centres[a].id < centres[b].id ? -1 : 1)),
  );

  /**
   * Checks centres by their nearest place within reach and stops once the nearest feasible one and every
   * centre within the travel tie of it are known: a centre's candidate travel is never nearer than its nearest
   * place, so rankCentres picks the same centre as when every centre is checked. As the service does, a place
   * farther than the reach, or reached only by a straight-line guess (the road graph knows no open road that
   * month), is not a candidate.
   */
  const router: Chooser = (order, request, excluded) => {
    const position = positionOf.get(order)!;
    const minutes = nearest[position];
    const candidates: CentreCandidate[] = [];
    let tieLimit = Infinity;
    for (const i of byTravel[position]) {
      if (minutes[i] > tieLimit) break;
      if (excluded.has(i)) continue;
      const { verdict, travel } = assess(position, i, request);
      candidates.push({ centreId: centres[i].id, travel, verdict, activeReferrals: ledgers[i].activeLoad() });
      if (verdict.feasible && travel) tieLimit = Math.min(tieLimit, travel.minutes + TRAVEL_TIE_MINUTES);
    }
    const best = rankCentres(candidates)[0];
    if (!best) return null;
    const index = centres.findIndex((c) => c.id === best.centreId);
    return { centre: index, plan: best.plan, travel: best.travel };
  };

  /**
   * Greedy: the open centres with a place within reach, nearest place by straight line first (at one
   * distance, the one with fewer people in a programme, then by id), and the first that can deliver in time;
   * no ranking, no waiting.
   */
  const greedy: Chooser = (order, request) => {
    const position = positionOf.get(order)!;
    const { straight, straightToPoints, travel, toPoints } = world.travel[position];
    // Within reach, as the router: a place nobody can attend is no placement.
    const km = (i: number) =>
      Math.min(
        withinReachKm(travel[i], straight[i].km),
        ...world.pointsOf[i].map((j) => withinReachKm(toPoints[j], straightToPoints[j].km)),
      );
    const reachable = byTravel[position].slice();
    const kmTo = new Map(reachable.map((i) => [i, km(i)]));
    reachable.sort(
      (a, b) =>
        (Math.abs(kmTo.get(a)! - kmTo.get(b)!) <= 1e-9 ? 0 : kmTo.get(a)! - kmTo.get(b)!) ||
        ledgers[a].activeLoad() - ledgers[b].activeLoad() ||
        (centres[a].id < centres[b].id ? -1 : 1),
    );
    for (const i of reachable) {
      const { verdict, travel: at } = assess(position, i, request);
      if (verdict.feasible && at) return { centre: i, plan: verdict.plan, travel: at };
    }
    return null;
  };

  const choose = policy === 'router' ? router : greedy;
  const handOffLimit = policy === 'router' ? settings.handOffLimit : 0;
  const marginMs = settings.firstSessionMarginHours * HOUR_MS;
  const queue = new EventQueue();
  let seq = 0;
  for (const order of orders) queue.push({ at: order.issuedAt.getTime(), seq: seq++, order, attempt: 0, excluded: new Set() });

  const stopAfter = options.stopAfterUnplaced ?? Infinity;
  let unplaced = 0;
  let prunedAt = -Infinity;
  /** Router orders no centre could take, waiting for capacity (the service's waiting queue). */
  let waiting: Array<{ referralNumber: string; priority: SimOrder['priority']; expiresAt: string; event: Pending }> = [];

  /** The freed centre alone: capacity appeared nowhere else. */
  const atCentre =
    (centre: number): Chooser =>
    (order, request, excluded) => {
      const position = positionOf.get(order)!;
      if (excluded.has(centre) || centres[centre].status !== 'open' || nearest[position][centre] === Infinity) return null;
      const { verdict, travel } = assess(position, centre, request);
      return verdict.feasible && travel ? { centre, plan: verdict.plan, travel } : null;
    };

  /** Proposes the order to the chosen centre; false when no centre can take it now. */
  const propose = (event: Pending, now: number, chooser: Chooser = choose): boolean => {
    const order = event.order;
    const outcome = outcomes[positionOf.get(order)!];
    const request: ProgrammeRequest = {
      participantSex: order.sex,
      language: order.language,
      notBefore: new Date(now + marginMs),
      mustFinishBy: order.expiresAt,
    };
    const choice = chooser(order, request, event.excluded);
    if (!choice) return false;
    const centreId = centres[choice.centre].id;
    const ids = ledgers[choice.centre].book(choice.plan.sessions, order.language, order.sex, choice.plan.outreachPoint?.id);
    peakBookedSessions = Math.max(peakBookedSessions, ledgers[choice.centre].size);
    const answer = centreAnswer(world, order, centreId);
    if (answer.kind === 'accept') {
      Object.assign(outcome, {
        placed: true,
        centreId,
        travelMinutes: choice.travel.minutes,
        firstSessionAt: choice.plan.firstSessionAt,
        lastSessionEndsAt: choice.plan.lastSessionEndsAt,
        reason: null,
        outreachPointId: choice.plan.outreachPoint?.id ?? null,
      });
      return true;
    }
    queue.push({
      ...event,
      at: now + answer.afterMs,
      seq: seq++,
      held: { centre: choice.centre, ids, lastEnd: choice.plan.lastSessionEndsAt.getTime() },
    });
    return true;
  };

  /**
   * Capacity freed at `centre` goes to the waiting orders, highest priority first, then the soonest to expire.
   * A release frees one programme's sessions, so the first order placed takes them. Orders whose window is now
   * too short for the programme leave the queue.
   */
  const serveWaiting = (now: number, centre: number): void => {
    waiting = servingOrder(waiting, new Date(now + marginMs + SHORTEST_PROGRAMME_MS));
    const index = waiting.findIndex((w) => propose(w.event, now, atCentre(centre)));
    if (index === -1) return;
    const [served] = waiting.splice(index, 1);
    const outcome = outcomes[positionOf.get(served.event.order)!];
    outcome.fromQueue = true;
    if (outcome.placed) outcome.reason = null;
    unplaced--;
  };

  while (queue.length > 0 && unplaced <= stopAfter) {
    const event = queue.pop();
    const now = event.at;
    if (now - prunedAt >= HOUR_MS) {
      for (const ledger of ledgers) ledger.prune(now);
      prunedAt = now;
    }
    const outcome = outcomes[positionOf.get(event.order)!];

    if (event.held) {
      const { centre, ids, lastEnd } = event.held;
      ledgers[centre].release(ids, lastEnd);
      event.excluded.add(centre);
      outcome.handOffs++;
      if (policy === 'router' && waiting.length > 0) serveWaiting(now, centre);
      if (event.attempt >= handOffLimit) {
        outcome.reason = policy === 'router' ? 'hand_offs_exhausted' : 'declined_or_missed';
        unplaced++;
        continue;
      }
      event.attempt++;
    }

    if (propose(event, now)) continue;
    outcome.reason = policy === 'router' ? 'no_feasible_centre' : 'no_centre_can_deliver';
    unplaced++;
    if (policy === 'router') {
      const { order } = event;
      waiting.push({ referralNumber: order.id, priority: order.priority, expiresAt: order.expiresAt.toISOString(), event });
    }
  }
  const sessions = { individual: 0, groups: 0, groupSeats: 0, slotMeetings: 0, slotSeats: 0, womenGroups: 0, womenSeats: 0 };
  for (const { tally } of ledgers) for (const key of Object.keys(sessions) as Array<keyof typeof sessions>) sessions[key] += tally[key];
  const pointDays = new Map(ledgers.flatMap((l) => [...l.pointDays]));
  return { policy, outcomes, feasibilityChecks, peakBookedSessions, sessions, pointDays, stoppedEarly: queue.length > 0 };
}

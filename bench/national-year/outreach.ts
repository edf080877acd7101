import { DirectoryCentre, Weekday, windows } from '../../apps/matching/src/directory/demo/demo-directory';
import { outreachPointProblems } from '../../apps/matching/src/directory/directory-rules';
import { bishkekMonth, fromBishkekMinutes, MINUTES_PER_DAY } from '../../apps/matching/src/capacity/bishkek-time';
import type { Language } from '../../apps/matching/src/capacity/capacity-types';
import { weeklyIntervals } from '../../apps/matching/src/capacity/weekly-window';
import { Oblast, SettlementCode, settlementByCode } from '../../apps/matching/src/travel/kg-gazetteer';
import { StraightLineTravelTimes } from '../../apps/matching/src/travel/straight-line-travel-times';
import { OnlineRun, runOnline, OrderOutcome } from './online-policies';
import { OBLASTS, SimOrder } from './orders';
import { outreachHours, OutreachTrip, Price, priced, rosteredHours } from './outreach-cost';
import { OblastShortfall, TYPICAL_WEEK, WEEKS_PER_YEAR } from './shortfall';
import { CentreTravel, directRoadGraph } from './travel';
import { buildWorld, nearestPlaceMinutes, SimSettings, withinReach, World } from './world';

/** At most this many points an oblast, each at a settlement that has this many unreached orders in reach a year. */
const MAX_POINTS = 3;
const MIN_ORDERS_PER_POINT = 12;
/** Settlements weighed as places, the busiest first. */
const CANDIDATE_SETTLEMENTS = 6;
/**
 * Above this many unreached orders a year in reach, a point gets a second day a week: one four-hour session a week
 * holds 52 sessions a year, about 17 programmes of two individual and one or two shared group sessions each.
 */
const ORDERS_FOR_A_SECOND_DAY = 17;
/** A pair rides at most this far to a point, one way (Kerben is about five hours from Osh). */
const MAX_ROAD_MINUTES = 360;
/** Hours at the place: one four-hour session, with room to start it later when the road is slow. */
const POINT_HOURS = { start: '10:00', end: '16:00' } as const;
const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5];

export interface ProposedPoint {
  centreId: string;
  settlementCode: SettlementCode;
  weekdays: Weekday[];
  /** The man and the woman of the centre who go. */
  facilitatorIds: [string, string];
  /** Unreached orders of the year within reach of the place. */
  unreachedInReach: number;
  /** Road from the centre, one way, in the middle of the year. */
  roadMinutes: number;
}

export interface OblastOutreach {
  oblast: Oblast;
  /** Orders the national run placed nowhere because no centre, nor any of its points, is within reach. */
  unreached: number;
  points: ProposedPoint[];
  /** The oblast's orders placed against the directory's centres, without and with the proposed points (no declines). */
  placedWithout: number;
  placedWith: number;
  newlyPlaced: number;
  /** Days a pair went to a proposed point, and the sessions held there. */
  trips: number;
  sessions: number;
  price: Price;
  /** The shortfall's added facilitators, priced by their rostered hours against what they newly place. */
  facilitators: { added: number; newlyPlaced: number; reached: boolean; price: Price } | null;
}

/**
 * Every proposed point at once, over all the year's orders: a pair away at a point is away from its centre, whose
 * own oblast's orders may lose the sessions it no longer holds there, which a run on the point's oblast alone
 * cannot see.
 */
export interface NationalOutreach {
  /** All orders placed by the router (no declines) against the directory, without and with every proposed point. */
  placedWithout: number;
  placedWith: number;
  /** Per oblast, placed with the points less placed without. */
  changeByOblast: Partial<Record<Oblast, number>>;
  /** Every point's trips in the national run, against the net change. */
  price: Price;
}

export interface OutreachOption {
  oblasts: OblastOutreach[];
  /** Null when no oblast got a point. */
  national: NationalOutreach | null;
}

/**
 * The outreach option of each oblast: for its orders placed nowhere because no centre is within reach, points of
 * existing centres at the busiest unreached settlements, one or two days a week by a pair of the nearest centre by
 * road (the oblast's own, or any where it has none); the router is re-run on the oblast's orders against the
 * directory's centres with and without them (no declines, as the shortfall is sized), and the points are priced
 * by the sessions held there plus the road both ways, for both of the pair. Oblasts are taken in turn, each seeing
 * the points proposed before it, so that no pair is sent to two places on one day. Beside it, the shortfall's new
 * facilitators priced by their rostered hours; last, every point at once over the whole country.
 */
export function outreachOption(
  world: World,
  outcomes: readonly OrderOutcome[],
  shortfall: readonly OblastShortfall[],
  settings: SimSettings,
): OutreachOption {
  const quiet: SimSettings = { ...settings, declineRate: 0, missRate: 0 };
  const open = world.centres.map((c, i) => i).filter((i) => world.centres[i].status === 'open');
  const bySize = new Map(shortfall.map((s) => [s.oblast, s]));
  const results: OblastOutreach[] = [];
  let directory: readonly DirectoryCentre[] = world.centres;

  for (const oblast of OBLASTS) {
    const own = world.orders.filter((o) => o.oblast === oblast);
    if (own.length === 0) continue;
    const unreached = world.orders.flatMap((o, i) =>
      o.oblast === oblast && !outcomes[i].placed && open.every((c) => nearestPlaceMinutes(world, i, c) === Infinity) ? [o] : [],
    );
    const s = bySize.get(oblast);
    const facilitators = s
      ? {
          added: s.addMen + s.addWomen,
          newlyPlaced: s.placed - s.placedWithout,
          reached: s.reached,
          price: priced(rosteredHours(s.addMen + s.addWomen, TYPICAL_WEEK, WEEKS_PER_YEAR), s.placed - s.placedWithout),
        }
      : null;
    const row: OblastOutreach = {
      oblast,
      unreached: unreached.length,
      points: [],
      placedWithout: 0,
      placedWith: 0,
      newlyPlaced: 0,
      trips: 0,
      sessions: 0,
      price: priced(0, 0),
      facilitators,
    };
    results.push(row);
    if (unreached.length === 0) continue;

    const openCentres = open.map((i) => world.centres[i]);
    const local = openCentres.filter((c) => c.oblast === oblast);
    const hosts = new Set((local.length > 0 ? local : openCentres).map((c) => c.id));
    const midYear = own[Math.floor(own.length / 2)].issuedAt;
    const { centres, points } = proposePoints(directory, hosts, unreached, midYear);
    row.points = points;
    if (points.length === 0) continue;

    row.placedWithout = placed(runOnline(buildWorld(own, directory, quiet), 'router'));
    const run = runOnline(buildWorld(own, centres, quiet), 'router');
    row.placedWith = placed(run);
    row.newlyPlaced = row.placedWith - row.placedWithout;
    directory = centres;

    const trips = tripsTo(points, centres, run);
    row.trips = trips.length;
    row.sessions = trips.reduce((n, t) => n + t.sessions, 0);
    row.price = priced(outreachHours(trips), row.newlyPlaced);
  }
  const proposed = results.flatMap((row) => row.points);
  if (proposed.length === 0) return { oblasts: results, national: null };
  const without = runOnline(buildWorld(world.orders, world.centres, quiet), 'router');
  const withPoints = runOnline(buildWorld(world.orders, directory, quiet), 'router');
  const changeByOblast: NationalOutreach['changeByOblast'] = {};
  world.orders.forEach((order, i) => {
    const change = Number(withPoints.outcomes[i].placed) - Number(without.outcomes[i].placed);
    if (change !== 0) changeByOblast[order.oblast] = (changeByOblast[order.oblast] ?? 0) + change;
  });
  const national = {
    placedWithout: placed(without),
    placedWith: placed(withPoints),
    changeByOblast,
    price: priced(outreachHours(tripsTo(proposed, directory, withPoints)), placed(withPoints) - placed(without)),
  };
  return { oblasts: results, national };
}

const placed = (run: { outcomes: readonly OrderOutcome[] }) => run.outcomes.filter((o) => o.placed).length;

/** The days a run sent a pair to one of the proposed points, each with its sessions and the road one way. */
function tripsTo(points: readonly ProposedPoint[], centres: readonly DirectoryCentre[], run: OnlineRun): OutreachTrip[] {
  const trips: OutreachTrip[] = [];
  const road = new RoadBetween();
  for (const point of points) {
    const host = centres.find((c) => c.id === point.centreId)!;
    const declared = host.outreachPoints.find((p) => p.settlementCode === point.settlementCode)!;
    for (const [day, sessions] of run.pointDays.get(declared.id) ?? []) {
      const noon = fromBishkekMinutes(day * MINUTES_PER_DAY + 12 * 60);
      trips.push({ sessions, travelMinutesOneWay: road.minutes(host, point.settlementCode, noon) });
    }
  }
  return trips;
}

function busiestOf(orders: readonly SimOrder[]): Array<[SettlementCode, number]> {
  const counts = new Map<SettlementCode, number>();
  for (const o of orders) counts.set(o.settlementCode, (counts.get(o.settlementCode) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/**
 * Points at the settlements that bring the most unreached orders within reach, each from the nearest of the `hosts`
 * by road, at most MAX_ROAD_MINUTES away, that has a free pair (see `pairAndDays`); the centres returned carry
 * them, checked by the directory's rules.
 */
function proposePoints(
  directory: readonly DirectoryCentre[],
  hosts: ReadonlySet<string>,
  unreached: readonly SimOrder[],
  midYear: Date,
): { centres: DirectoryCentre[]; points: ProposedPoint[] } {
  const candidates = busiestOf(unreached)
    .slice(0, CANDIDATE_SETTLEMENTS)
    .map(([code]) => code);
  const travel = new CentreTravel(candidates.map(settlementByCode));
  const inReach = unreached.map((o) => travel.forOrder(o.location, o.issuedAt).travel.map(withinReach));
  const covered = unreached.map(() => false);
  const centres = directory.map((c) => ({ ...c, outreachPoints: [...c.outreachPoints] }));
  const points: ProposedPoint[] = [];
  const road = new RoadBetween();

  while (points.length < MAX_POINTS) {
    const gains = candidates.map((_, k) => inReach.filter((row, i) => row[k] && !covered[i]).length);
    const k = gains.indexOf(Math.max(...gains));
    if (gains[k] < MIN_ORDERS_PER_POINT) break;
    const code = candidates[k];
    const days = gains[k] > ORDERS_FOR_A_SECOND_DAY ? 2 : 1;
    const byRoad = centres
      .filter((c) => hosts.has(c.id) && road.minutes(c, code, midYear) <= MAX_ROAD_MINUTES)
      .sort((a, b) => road.minutes(a, code, midYear) - road.minutes(b, code, midYear) || (a.id < b.id ? -1 : 1));
    const [chosen] = byRoad.flatMap((host) => {
      const plan = pairAndDays(host, days);
      return plan ? [{ host, plan }] : [];
    });
    inReach.forEach((row, i) => {
      if (row[k]) covered[i] = true;
    });
    if (!chosen) continue;
    const { host, plan } = chosen;
    const point = {
      id: `${host.id}-point-${host.outreachPoints.length + 1}`,
      settlementCode: code,
      facilitatorIds: plan.pair,
      windows: windows(plan.weekdays, POINT_HOURS.start, POINT_HOURS.end),
    };
    const problems = outreachPointProblems(
      [...host.outreachPoints, point],
      new Map(host.facilitators.map((f) => [f.id, f])),
      host.groupSlots,
    );
    if (problems.length > 0) throw new Error(`proposed outreach point at ${code} breaks the directory's rules: ${problems.join('; ')}`);
    host.outreachPoints.push(point);
    points.push({
      centreId: host.id,
      settlementCode: code,
      weekdays: plan.weekdays,
      facilitatorIds: plan.pair,
      unreachedInReach: gains[k],
      roadMinutes: road.minutes(host, code, midYear),
    });
  }
  return { centres, points };
}

/**
 * A man and a woman of the centre, certified and active, speaking the most languages together, and the weekdays
 * (Monday to Friday) neither is due at a group slot or another point, those costing the pair the fewest hours
 * at the centre first; null when no pair has that many free days.
 */
function pairAndDays(centre: DirectoryCentre, days: number): { pair: [string, string]; weekdays: Weekday[] } | null {
  const staff = centre.facilitators.filter((f) => f.active && f.certifiedOn !== null);
  const due = new Set<string>();
  for (const s of centre.groupSlots) for (const id of [s.leadFacilitatorId, s.coFacilitatorId]) due.add(`${id}@${s.weekday}`);
  for (const p of centre.outreachPoints) for (const id of p.facilitatorIds) for (const w of p.windows) due.add(`${id}@${w.weekday}`);
  const atCentre = new Map(staff.map((f) => [f.id, weeklyIntervals(f.weekly, f.id).map((day) => day.reduce((n, i) => n + i.end - i.start, 0))]));
  let best: { pair: [string, string]; weekdays: Weekday[]; languages: number; lost: number } | null = null;
  for (const man of staff.filter((f) => f.sex === 'male')) {
    for (const woman of staff.filter((f) => f.sex === 'female')) {
      const languages = man.languages.filter((l: Language) => woman.languages.includes(l)).length;
      if (languages === 0) continue;
      const lost = (d: Weekday) => atCentre.get(man.id)![d] + atCentre.get(woman.id)![d];
      const free = WEEKDAYS.filter((d) => !due.has(`${man.id}@${d}`) && !due.has(`${woman.id}@${d}`));
      if (free.length < days) continue;
      const weekdays = [...free].sort((a, b) => lost(a) - lost(b) || a - b).slice(0, days).sort((a, b) => a - b);
      const total = weekdays.reduce((n, d) => n + lost(d), 0);
      if (!best || languages > best.languages || (languages === best.languages && total < best.lost)) {
        best = { pair: [man.id, woman.id], weekdays, languages, lost: total };
      }
    }
  }
  return best && { pair: best.pair, weekdays: best.weekdays };
}

/** Road minutes from a centre to a settlement in the month of `at`, a straight-line guess where no road is open. */
class RoadBetween {
  private readonly graph = directRoadGraph();
  private readonly straightLine = new StraightLineTravelTimes();
  private readonly known = new Map<string, number>();

  minutes(centre: DirectoryCentre, code: SettlementCode, at: Date): number {
    const key = `${centre.settlementCode}|${code}|${bishkekMonth(at)}`;
    let minutes = this.known.get(key);
    if (minutes === undefined) {
      const place = settlementByCode(code);
      minutes = this.graph.estimateNow(centre, [place], at)[0]?.minutes ?? this.straightLine.between(centre, place).minutes;
      this.known.set(key, minutes);
    }
    return minutes;
  }
}

import type { DirectoryCentre } from '../../apps/matching/src/directory/demo/demo-directory';
import type { SimOrder } from './orders';
import { hashUniform } from '../seeded-random';
import { CentreTravel } from './travel';
import { CentreReach, DEFAULT_MAX_TRAVEL_MINUTES, PlaceTravel } from '../../apps/matching/src/capacity/candidates';
import type { OutreachPoint } from '../../apps/matching/src/capacity/capacity-types';
import { bishkekMonth, monthStartsBetween } from '../../apps/matching/src/capacity/bishkek-time';
import { isSettlementCode, settlementByCode } from '../../apps/matching/src/travel/kg-gazetteer';
import type { TravelEstimate } from '../../apps/matching/src/travel/travel-time';

export interface SimSettings {
  seed: number;
  /** Chance that a centre declines a proposed order. */
  declineRate: number;
  /** Chance that a centre lets the acknowledgement deadline pass. */
  missRate: number;
  /** Re-routings after a decline or a missed deadline before a coordinator takes over. */
  handOffLimit: number;
  firstSessionMarginHours: number;
}

export const DEFAULT_SETTINGS: SimSettings = {
  seed: 1,
  declineRate: 0.1,
  missRate: 0.05,
  handOffLimit: 2,
  firstSessionMarginHours: 24,
};

/** Acknowledgement windows of the default risk policy, by priority. */
export const ACK_HOURS = { urgent: 1, high: 4, standard: 24 } as const;

/** One centre's outreach point, as the simulation keeps it. */
export interface SimPoint {
  centre: number;
  point: OutreachPoint;
}

/** Travel from one order to the centres and to their outreach points. */
export interface WorldTravel extends MonthTravel {
  /** By centre, straight line only: what the greedy baseline chooses by. */
  straight: TravelEstimate[];
  straightToPoints: TravelEstimate[];
  /** As `travel` and `toPoints` in each month (1-12) the programme may run in: winter closes passes for months. */
  byMonth: ReadonlyMap<number, MonthTravel>;
}

/** Travel by road as in one month, on the order's issue day unless read from `byMonth`. */
export interface MonthTravel {
  /** By centre: road graph, straight line where the graph has no route; what the router ranks by. */
  travel: TravelEstimate[];
  /** By outreach point (in the order of `World.points`), as `travel` and `straight`. */
  toPoints: TravelEstimate[];
}

export interface World {
  orders: readonly SimOrder[];
  centres: readonly DirectoryCentre[];
  /** Every centre's outreach points; those of a centre are listed in `pointsOf`. */
  points: readonly SimPoint[];
  pointsOf: ReadonlyArray<readonly number[]>;
  /** Aligned with `orders`. */
  travel: readonly WorldTravel[];
  settings: SimSettings;
}

export function buildWorld(orders: readonly SimOrder[], centres: readonly DirectoryCentre[], settings: SimSettings): World {
  const rates = [settings.declineRate, settings.missRate];
  if (rates.some((r) => !(r >= 0 && r <= 1)) || settings.declineRate + settings.missRate > 1) {
    throw new RangeError('decline and miss rates must be shares that add up to at most 1');
  }
  const points = centres.flatMap((c, centre) => c.outreachPoints.map((point) => ({ centre, point })));
  const pointsOf = centres.map((_, c) => points.flatMap((p, j) => (p.centre === c ? [j] : [])));
  // Travel to the points is asked with the centres', from the same road graph.
  const centreTravel = new CentreTravel([...centres, ...points.map((p) => placeOf(p.point.settlementCode))]);
  const n = centres.length;
  const travel = orders.map((o): WorldTravel => {
    const row = centreTravel.forOrder(o.location, o.issuedAt);
    const issued = { travel: row.travel.slice(0, n), toPoints: row.travel.slice(n) };
    const byMonth = new Map([[bishkekMonth(o.issuedAt), issued]]);
    for (const at of monthStartsBetween(o.issuedAt, o.expiresAt).slice(1)) {
      const later = centreTravel.forOrder(o.location, at).travel;
      byMonth.set(bishkekMonth(at), { travel: later.slice(0, n), toPoints: later.slice(n) });
    }
    return { ...issued, straight: row.straight.slice(0, n), straightToPoints: row.straight.slice(n), byMonth };
  });
  return { orders, centres, points, pointsOf, travel, settings };
}

function placeOf(code: string) {
  if (!isSettlementCode(code)) throw new RangeError(`outreach point at ${code}, which the gazetteer does not know`);
  return settlementByCode(code);
}

/**
 * Could the participant attend there, as the service decides: by road (a straight-line guess means the road
 * graph knows no open road that month) and no farther than the reach.
 */
export const withinReach = (travel: TravelEstimate): boolean =>
  travel.source === 'road-graph' && travel.minutes <= DEFAULT_MAX_TRAVEL_MINUTES;

/** Travel to the nearest place of a centre within reach, itself or one of its points; Infinity when none is. */
export function nearestPlaceMinutes(world: World, position: number, centre: number): number {
  const row = world.travel[position];
  let minutes = withinReach(row.travel[centre]) ? row.travel[centre].minutes : Infinity;
  for (const j of world.pointsOf[centre]) if (withinReach(row.toPoints[j])) minutes = Math.min(minutes, row.toPoints[j].minutes);
  return minutes;
}

/** The travel the matching rules weigh: a straight-line guess is no road. */
const byRoad = (travel: TravelEstimate | undefined): TravelEstimate | null => (travel?.source === 'road-graph' ? travel : null);

/**
 * How far one order is from a centre and its outreach points, as the service's `assessPlaces` takes it: ranked
 * by the travel on the order's issue day, and each session checked against the roads of its own month.
 */
export function centreReach(world: World, position: number, centre: number): CentreReach {
  const row = world.travel[position];
  const place = (pick: (month: MonthTravel) => TravelEstimate): PlaceTravel => ({
    travel: byRoad(pick(row)),
    travelOn: (date) => {
      const month = row.byMonth.get(bishkekMonth(date));
      return month ? byRoad(pick(month)) : null;
    },
  });
  const own = world.pointsOf[centre];
  return {
    ...place((m) => m.travel[centre]),
    maxTravelMinutes: DEFAULT_MAX_TRAVEL_MINUTES,
    ...(own.length > 0 ? { toOutreachPoints: new Map(own.map((j) => [world.points[j].point.id, place((m) => m.toPoints[j])])) } : {}),
  };
}

export type CentreAnswer = { kind: 'accept' } | { kind: 'decline' | 'miss'; afterMs: number };

const idHashes = new Map<string, number>();
/** FNV-1a, so an added centre does not change the answers of the others. */
function idHash(id: string): number {
  let h = idHashes.get(id);
  if (h !== undefined) return h;
  h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  idHashes.set(id, h);
  return h;
}

/**
 * What a centre does with a proposed order. Fixed per (order, centre) by the seed, so every policy
 * meets the same answers and hindsight can know them.
 */
export function centreAnswer(world: World, order: SimOrder, centreId: string): CentreAnswer {
  const { seed, declineRate, missRate } = world.settings;
  const draw = hashUniform(seed, order.index, idHash(centreId), 1);
  const ackMs = ACK_HOURS[order.priority] * 3_600_000;
  if (draw < declineRate) {
    // Declines come some time inside the window; a miss is only known when it closes.
    return { kind: 'decline', afterMs: Math.max(60_000, hashUniform(seed, order.index, idHash(centreId), 2) * ackMs) };
  }
  if (draw < declineRate + missRate) return { kind: 'miss', afterMs: ackMs };
  return { kind: 'accept' };
}

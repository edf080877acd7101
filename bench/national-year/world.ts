import type { DirectoryCentre } from '../../apps/matching/src/directory/demo/demo-directory';
import type { SimOrder } from './orders';
import { hashUniform } from '../seeded-random';
import { CentreTravel, OrderTravel } from './travel';
import { DEFAULT_MAX_TRAVEL_MINUTES } from '../../apps/matching/src/capacity/candidates';
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

export interface World {
  orders: readonly SimOrder[];
  centres: readonly DirectoryCentre[];
  /** Aligned with `orders`, one estimate per centre. */
  travel: readonly OrderTravel[];
  settings: SimSettings;
}

export function buildWorld(orders: readonly SimOrder[], centres: readonly DirectoryCentre[], settings: SimSettings): World {
  const rates = [settings.declineRate, settings.missRate];
  if (rates.some((r) => !(r >= 0 && r <= 1)) || settings.declineRate + settings.missRate > 1) {
    throw new RangeError('decline and miss rates must be shares that add up to at most 1');
  }
  const centreTravel = new CentreTravel(centres);
  const travel = orders.map((o) => centreTravel.forOrder(o.location, o.issuedAt));
  return { orders, centres, travel, settings };
}

/**
 * Could the participant attend there, as the service decides: by road (a straight-line guess means the road
 * graph knows no open road that month) and no farther than the reach.
 */
export const withinReach = (travel: TravelEstimate): boolean =>
  travel.source === 'road-graph' && travel.minutes <= DEFAULT_MAX_TRAVEL_MINUTES;

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

import { bishkekMonth } from '../../apps/matching/src/capacity/bishkek-time';
import { GeoPoint, haversineKm } from '../../apps/matching/src/travel/geo';
import { KG_SETTLEMENTS } from '../../apps/matching/src/travel/kg-gazetteer';
import { RoadGraphTravelTimes } from '../../apps/matching/src/travel/road-graph-travel-times';
import { StraightLineTravelTimes } from '../../apps/matching/src/travel/straight-line-travel-times';
import type { TravelEstimate } from '../../apps/matching/src/travel/travel-time';

export interface OrderTravel {
  /** Road graph, straight line where the graph has no route (winter closures): what the router ranks by. */
  travel: TravelEstimate[];
  /** Straight line only: what the greedy baseline chooses by. */
  straight: TravelEstimate[];
}

// Passed to the road graph explicitly, so the access leg added here is the one it would compute.
const ACCESS_DETOUR_FACTOR = 1.4;
const ACCESS_SPEED_KMH = 40;
const MAX_SNAP_KM = 60;

/**
 * Travel from orders to the centres, one row per order. The road part depends only on the month and
 * the settlement the order snaps to, so it is computed once per (month, settlement) and the order's own
 * access leg is added on top: the same figures as asking the road graph order by order, for centres that
 * sit on a settlement (all of them here).
 */
export class CentreTravel {
  private readonly roadGraph = new RoadGraphTravelTimes({
    accessDetourFactor: ACCESS_DETOUR_FACTOR,
    accessSpeedKmh: ACCESS_SPEED_KMH,
    maxSnapKm: MAX_SNAP_KM,
  });
  private readonly straightLine = new StraightLineTravelTimes();
  private readonly bySettlement = new Map<number, Array<TravelEstimate | null>>();

  constructor(private readonly centres: readonly GeoPoint[]) {}

  forOrder(origin: GeoPoint, at: Date): OrderTravel {
    const straight = this.centres.map((c) => this.straightLine.between(origin, c));
    const snapped = this.snap(origin);
    if (snapped === null) return { travel: straight, straight };
    const month = bishkekMonth(at);
    const key = month * KG_SETTLEMENTS.length + snapped.index;
    let road = this.bySettlement.get(key);
    if (!road) {
      road = this.roadGraph.estimateNow(KG_SETTLEMENTS[snapped.index], this.centres, at);
      this.bySettlement.set(key, road);
    }
    const accessKm = snapped.km * ACCESS_DETOUR_FACTOR;
    const accessMinutes = (accessKm / ACCESS_SPEED_KMH) * 60;
    const travel = road.map((r, i) =>
      r === null ? straight[i] : { minutes: r.minutes + accessMinutes, km: r.km + accessKm, source: r.source },
    );
    return { travel, straight };
  }

  /** Nearest settlement, first one on ties, as the road graph snaps. */
  private snap(point: GeoPoint): { index: number; km: number } | null {
    let index = -1;
    let km = Infinity;
    for (let i = 0; i < KG_SETTLEMENTS.length; i++) {
      const d = haversineKm(point, KG_SETTLEMENTS[i]);
      if (d < km) {
        index = i;
        km = d;
      }
    }
    return index !== -1 && km <= MAX_SNAP_KM ? { index, km } : null;
  }
}

/** Exposed for the check that the cache agrees with the road graph asked directly. */
export function directRoadGraph(): RoadGraphTravelTimes {
  return new RoadGraphTravelTimes({
    accessDetourFactor: ACCESS_DETOUR_FACTOR,
    accessSpeedKmh: ACCESS_SPEED_KMH,
    maxSnapKm: MAX_SNAP_KM,
  });
}

import { bishkekMonth } from '../capacity/bishkek-time';
import { GeoPoint, haversineKm } from './geo';
import { KG_SETTLEMENTS } from './kg-gazetteer';
import { KG_ROADS, RoadClass, RoadLink } from './kg-roads';
import type { TravelEstimate, TravelTimeProvider } from './travel-time';

export interface RoadGraphSettlement extends GeoPoint {
  readonly code: string;
}

export interface RoadGraphOptions {
  settlements?: readonly RoadGraphSettlement[];
  roads?: readonly RoadLink[];
  speedsKmh?: Partial<Record<RoadClass, number>>;
  /** A point farther than this from every settlement is outside what the graph can say. */
  maxSnapKm?: number;
  accessDetourFactor?: number;
  accessSpeedKmh?: number;
}

export interface RoadRoute {
  km: number;
  minutes: number;
  /** Settlement codes from start to end, both included. */
  via: string[];
}

const DEFAULT_SPEEDS_KMH: Record<RoadClass, number> = { highway: 60, regional: 45, unpaved: 30 };

interface Edge {
  to: number;
  km: number;
  minutes: number;
  closedMonths: ReadonlySet<number>;
}

interface ShortestPathTree {
  minutes: Float64Array;
  km: Float64Array;
  previous: Int32Array;
}

interface Snap {
  node: number;
  straightKm: number;
}

/**
 * Travel over the settlement road graph: Dijkstra on driving minutes, skipping links closed by snow
 * in the Bishkek-calendar month of the trip. Points are snapped to their nearest settlement and the
 * access leg is driven on local roads.
 */
export class RoadGraphTravelTimes implements TravelTimeProvider {
  readonly source = 'road-graph' as const;
  private readonly nodes: readonly RoadGraphSettlement[];
  private readonly indexByCode = new Map<string, number>();
  private readonly adjacency: Edge[][];
  private readonly maxSnapKm: number;
  private readonly accessDetourFactor: number;
  private readonly accessSpeedKmh: number;
  // Keyed by month and start node: the graph is small and trees are reused across requests.
  private readonly trees = new Map<number, ShortestPathTree>();

  constructor(options: RoadGraphOptions = {}) {
    this.nodes = options.settlements ?? KG_SETTLEMENTS;
    const roads = options.roads ?? KG_ROADS;
    const speeds = { ...DEFAULT_SPEEDS_KMH, ...options.speedsKmh };
    this.maxSnapKm = options.maxSnapKm ?? 60;
    this.accessDetourFactor = options.accessDetourFactor ?? 1.4;
    this.accessSpeedKmh = options.accessSpeedKmh ?? 40;
    if (!(this.accessSpeedKmh > 0) || !(this.accessDetourFactor >= 1) || !(this.maxSnapKm >= 0)) {
      throw new RangeError('invalid road graph options');
    }

    this.nodes.forEach((node, i) => {
      if (this.indexByCode.has(node.code)) throw new RangeError(`duplicate settlement ${node.code}`);
      this.indexByCode.set(node.code, i);
    });
    this.adjacency = this.nodes.map(() => []);
    for (const road of roads) {
      const a = this.indexOf(road.from);
      const b = this.indexOf(road.to);
      const speed = speeds[road.roadClass];
      if (!(speed > 0) || !(road.km > 0)) throw new RangeError(`invalid road ${road.from}-${road.to}`);
      const minutes = (road.km / speed) * 60;
      const closedMonths = new Set(road.closedMonths);
      this.adjacency[a].push({ to: b, km: road.km, minutes, closedMonths });
      this.adjacency[b].push({ to: a, km: road.km, minutes, closedMonths });
    }
  }

  estimate(origin: GeoPoint, destinations: GeoPoint[], at: Date): Promise<Array<TravelEstimate | null>> {
    return Promise.resolve(this.estimateNow(origin, destinations, at));
  }

  estimateNow(origin: GeoPoint, destinations: readonly GeoPoint[], at: Date): Array<TravelEstimate | null> {
    const from = this.snap(origin);
    if (!from) return destinations.map(() => null);
    const tree = this.treeFrom(from.node, bishkekMonth(at));
    return destinations.map((destination) => {
      const to = this.snap(destination);
      if (!to) return null;
      if (to.node === from.node) {
        // Both ends hang off the same settlement: the direct local road is never longer.
        return this.localLeg(haversineKm(origin, destination));
      }
      if (!Number.isFinite(tree.minutes[to.node])) return null;
      const first = this.localLeg(from.straightKm);
      const last = this.localLeg(to.straightKm);
      return {
        minutes: first.minutes + tree.minutes[to.node] + last.minutes,
        km: first.km + tree.km[to.node] + last.km,
        source: this.source,
      };
    });
  }

  /** Shortest route between two settlements on the date given, or null when cut off. */
  routeBetween(fromCode: string, toCode: string, at: Date): RoadRoute | null {
    const from = this.indexOf(fromCode);
    const to = this.indexOf(toCode);
    const tree = this.treeFrom(from, bishkekMonth(at));
    if (!Number.isFinite(tree.minutes[to])) return null;
    const via: string[] = [];
    for (let node = to; node !== -1; node = tree.previous[node]) via.unshift(this.nodes[node].code);
    return { km: tree.km[to], minutes: tree.minutes[to], via };
  }

  private indexOf(code: string): number {
    const index = this.indexByCode.get(code);
    if (index === undefined) throw new RangeError(`unknown settlement ${code}`);
    return index;
  }

  private localLeg(straightKm: number): TravelEstimate {
    const km = straightKm * this.accessDetourFactor;
    return { km, minutes: (km / this.accessSpeedKmh) * 60, source: this.source };
  }

  private snap(point: GeoPoint): Snap | null {
    let node = -1;
    let straightKm = Infinity;
    for (let i = 0; i < this.nodes.length; i++) {
      const km = haversineKm(point, this.nodes[i]);
      if (km < straightKm) {
        node = i;
        straightKm = km;
      }
    }
    return node !== -1 && straightKm <= this.maxSnapKm ? { node, straightKm } : null;
  }

  private treeFrom(start: number, month: number): ShortestPathTree {
    const key = month * this.nodes.length + start;
    const cached = this.trees.get(key);
    if (cached) return cached;

    const n = this.nodes.length;
    const minutes = new Float64Array(n).fill(Infinity);
    const km = new Float64Array(n).fill(Infinity);
    const previous = new Int32Array(n).fill(-1);
    const done = new Uint8Array(n);
    minutes[start] = 0;
    km[start] = 0;
    // O(V²) Dijkstra: a few dozen nodes, a heap would cost more than it saves.
    for (;;) {
      let u = -1;
      for (let i = 0; i < n; i++) {
        if (!done[i] && Number.isFinite(minutes[i]) && (u === -1 || minutes[i] < minutes[u])) u = i;
      }
      if (u === -1) break;
      done[u] = 1;
      for (const edge of this.adjacency[u]) {
        if (done[edge.to] || edge.closedMonths.has(month)) continue;
        const viaMinutes = minutes[u] + edge.minutes;
        const viaKm = km[u] + edge.km;
        if (viaMinutes < minutes[edge.to] || (viaMinutes === minutes[edge.to] && viaKm < km[edge.to])) {
          minutes[edge.to] = viaMinutes;
          km[edge.to] = viaKm;
          previous[edge.to] = u;
        }
      }
    }
    const tree = { minutes, km, previous };
    this.trees.set(key, tree);
    return tree;
  }
}

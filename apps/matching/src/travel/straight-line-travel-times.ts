import { GeoPoint, haversineKm } from './geo';
import type { TravelEstimate, TravelTimeProvider } from './travel-time';

export interface StraightLineOptions {
  /** Road length over straight line; 1.4 is a common average for mixed terrain. */
  detourFactor?: number;
  speedKmh?: number;
}

/** Last resort: always answers, ignores mountains and closures. */
export class StraightLineTravelTimes implements TravelTimeProvider {
  readonly source = 'straight-line' as const;
  private readonly detourFactor: number;
  private readonly speedKmh: number;

  constructor(options: StraightLineOptions = {}) {
    this.detourFactor = options.detourFactor ?? 1.4;
    this.speedKmh = options.speedKmh ?? 50;
    if (!(this.detourFactor >= 1) || !(this.speedKmh > 0)) throw new RangeError('invalid straight-line options');
  }

  estimate(origin: GeoPoint, destinations: GeoPoint[], _at: Date): Promise<Array<TravelEstimate | null>> {
    return Promise.resolve(destinations.map((d) => this.between(origin, d)));
  }

  between(origin: GeoPoint, destination: GeoPoint): TravelEstimate {
    const km = haversineKm(origin, destination) * this.detourFactor;
    return { km, minutes: (km / this.speedKmh) * 60, source: this.source };
  }
}

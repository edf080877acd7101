import type { GeoPoint } from './geo';

export type TravelSource = 'osrm' | 'road-graph' | 'straight-line';

export interface TravelEstimate {
  minutes: number;
  km: number;
  source: TravelSource;
}

export interface TravelTimeProvider {
  readonly source: TravelSource;
  /** One entry per destination, in order; null when this provider has no answer for it. */
  estimate(origin: GeoPoint, destinations: GeoPoint[], at: Date): Promise<Array<TravelEstimate | null>>;
}

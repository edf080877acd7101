import CircuitBreaker from 'opossum';
import type { GeoPoint } from './geo';
import type { TravelEstimate, TravelTimeProvider } from './travel-time';

export type BreakerState = 'closed' | 'open' | 'halfOpen';

export interface OsrmOptions {
  /** e.g. http://osrm:5000 */
  baseUrl: string;
  profile?: string;
  /** Milliseconds before a table call counts as failed. */
  timeout?: number;
  errorThresholdPercentage?: number;
  /** Milliseconds the breaker stays open before letting one trial call through. */
  resetTimeout?: number;
  /** Calls within the rolling window before the error percentage can open the breaker. */
  volumeThreshold?: number;
  rollingCountTimeout?: number;
  onStateChange?: (state: BreakerState) => void;
}

interface OsrmTable {
  durations: Array<Array<number | null>>;
  distances?: Array<Array<number | null>>;
}

/**
 * Driving times from an OSRM table service. The engine has no time of day or season, so `at` is
 * not used. Every failure, timeout or open breaker yields all-null so a fallback provider answers.
 */
export class OsrmTravelTimes implements TravelTimeProvider {
  readonly source = 'osrm' as const;
  private readonly baseUrl: string;
  private readonly profile: string;
  private readonly breaker: CircuitBreaker<[string], OsrmTable>;

  constructor(options: OsrmOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.profile = options.profile ?? 'driving';
    const timeout = options.timeout ?? 2000;
    this.breaker = new CircuitBreaker((url: string) => fetchTable(url, timeout), {
      timeout,
      errorThresholdPercentage: options.errorThresholdPercentage ?? 50,
      resetTimeout: options.resetTimeout ?? 30_000,
      volumeThreshold: options.volumeThreshold ?? 5,
      rollingCountTimeout: options.rollingCountTimeout ?? 10_000,
      name: 'osrm-table',
    });
    const notify = options.onStateChange;
    if (notify) {
      this.breaker.on('open', () => notify('open'));
      this.breaker.on('halfOpen', () => notify('halfOpen'));
      this.breaker.on('close', () => notify('closed'));
    }
  }

  async estimate(origin: GeoPoint, destinations: GeoPoint[], _at: Date): Promise<Array<TravelEstimate | null>> {
    if (destinations.length === 0) return [];
    const coordinates = [origin, ...destinations].map((p) => `${p.lng.toFixed(6)},${p.lat.toFixed(6)}`).join(';');
    const url = `${this.baseUrl}/table/v1/${this.profile}/${coordinates}?sources=0&annotations=duration,distance`;
    let table: OsrmTable;
    try {
      table = await this.breaker.fire(url);
    } catch {
      return destinations.map(() => null);
    }
    // Row 0 starts with origin→origin, so destination i is column i + 1.
    const durations = table.durations[0];
    const distances = table.distances?.[0];
    return destinations.map((_, i) => {
      const seconds = durations?.[i + 1];
      const metres = distances?.[i + 1];
      if (typeof seconds !== 'number' || typeof metres !== 'number') return null;
      return { minutes: seconds / 60, km: metres / 1000, source: this.source };
    });
  }

  /** A shut-down breaker lets nothing through, so it reads as open. */
  breakerState(): BreakerState {
    if (this.breaker.halfOpen) return 'halfOpen';
    if (this.breaker.closed) return 'closed';
    return 'open';
  }

  shutdown(): void {
    this.breaker.shutdown();
  }
}

async function fetchTable(url: string, timeoutMs: number): Promise<OsrmTable> {
  // The breaker gives up at its timeout; the signal also frees the socket.
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`OSRM table answered HTTP ${response.status}`);
  const body = (await response.json()) as { code?: string; message?: string } & Partial<OsrmTable>;
  if (body.code !== 'Ok' || !Array.isArray(body.durations)) {
    throw new Error(`OSRM table failed: ${body.code ?? 'no code'} ${body.message ?? ''}`.trim());
  }
  return { durations: body.durations, distances: body.distances };
}

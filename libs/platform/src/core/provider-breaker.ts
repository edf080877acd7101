import CircuitBreaker from 'opossum';
import { Counter, Gauge, Registry } from 'prom-client';

/** One spelling of a breaker's state everywhere: logs, /health and /metrics. */
export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerSettings {
  /** Milliseconds before a call counts as failed. */
  timeoutMs: number;
  errorThresholdPercent: number;
  /** Milliseconds the breaker stays open before letting one trial call through. */
  resetMs: number;
  /** Calls within the rolling window before the error percentage can open the breaker. */
  volumeThreshold: number;
}

export interface BreakerOptions {
  /** Errors that say nothing about the provider's health (a refused message) and must not open it. */
  ignore?: (error: unknown) => boolean;
  onStateChange?: (state: BreakerState) => void;
}

export interface BreakerCounts {
  fires: number;
  successes: number;
  failures: number;
  timeouts: number;
  rejects: number;
}

const STATE_VALUE: Record<BreakerState, number> = { closed: 0, half_open: 1, open: 2 };
const COUNTED_EVENTS = ['fire', 'success', 'failure', 'timeout', 'reject', 'open', 'halfOpen', 'close'] as const;

/** What /metrics and /health read of a breaker, whatever it guards. */
export interface ObservableBreaker {
  readonly name: string;
  readonly state: BreakerState;
  countEventsIn(events: Counter<'breaker' | 'event'>): void;
}

/** An outbound provider behind opossum: every call to SMTP, SMS, Telegram or OSRM goes through one of these. */
export class ProviderBreaker<A extends unknown[], R> implements ObservableBreaker {
  private readonly breaker: CircuitBreaker<A, R>;

  constructor(
    readonly name: string,
    action: (...args: A) => Promise<R>,
    settings: BreakerSettings,
    options: BreakerOptions = {},
  ) {
    this.breaker = new CircuitBreaker(action, {
      name,
      timeout: settings.timeoutMs,
      errorThresholdPercentage: settings.errorThresholdPercent,
      resetTimeout: settings.resetMs,
      volumeThreshold: settings.volumeThreshold,
      ...(options.ignore ? { errorFilter: options.ignore } : {}),
    });
    const notify = options.onStateChange;
    if (notify) {
      this.breaker.on('open', () => notify('open'));
      this.breaker.on('halfOpen', () => notify('half_open'));
      this.breaker.on('close', () => notify('closed'));
    }
  }

  fire(...args: A): Promise<R> {
    return this.breaker.fire(...args);
  }

  /** A shut-down breaker lets nothing through, so it reads as open. */
  get state(): BreakerState {
    if (this.breaker.halfOpen) return 'half_open';
    if (this.breaker.closed) return 'closed';
    return 'open';
  }

  counts(): BreakerCounts {
    const { fires, successes, failures, timeouts, rejects } = this.breaker.stats;
    return { fires, successes, failures, timeouts, rejects };
  }

  snapshot(): { state: BreakerState; counts: BreakerCounts } {
    return { state: this.state, counts: this.counts() };
  }

  /** Counts each breaker event under `korgoo_breaker_events_total`, labelled with this breaker's name. */
  countEventsIn(events: Counter<'breaker' | 'event'>): void {
    for (const event of COUNTED_EVENTS) {
      events.inc({ breaker: this.name, event }, 0);
      (this.breaker as unknown as NodeJS.EventEmitter).on(event, () => events.inc({ breaker: this.name, event }));
    }
  }

  shutdown(): void {
    this.breaker.shutdown();
  }
}

/**
 * Exports every breaker's state (0 closed, 1 half-open, 2 open) and event counts to a service's registry;
 * `/health` reads the same `state` through `snapshot()`.
 */
export function exportBreakers(registry: Registry, breakers: readonly ObservableBreaker[]): void {
  const events = new Counter({
    name: 'korgoo_breaker_events_total',
    help: 'Circuit breaker events per outbound provider (fire, success, failure, timeout, reject, open, halfOpen, close)',
    labelNames: ['breaker', 'event'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'korgoo_breaker_state',
    help: 'Circuit breaker state per outbound provider: 0 closed, 1 half-open, 2 open',
    labelNames: ['breaker'] as const,
    registers: [registry],
    collect() {
      for (const breaker of breakers) this.set({ breaker: breaker.name }, STATE_VALUE[breaker.state]);
    },
  });
  for (const breaker of breakers) breaker.countEventsIn(events);
}

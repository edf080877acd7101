import CircuitBreaker from 'opossum';
import { Counter, Gauge, Registry } from 'prom-client';
import { ExternalChannel } from '@korgoo/contracts';
import { ChannelProvider, OutboundMessage, ProviderReceipt, ProviderRejected } from './channel-provider';

export interface BreakerSettings {
  timeoutMs: number;
  errorThresholdPercent: number;
  resetMs: number;
  volumeThreshold: number;
}

export type BreakerState = 'closed' | 'open' | 'half_open';

const STATE_VALUE: Record<BreakerState, number> = { closed: 0, half_open: 1, open: 2 };
const COUNTED_EVENTS = ['fire', 'success', 'failure', 'timeout', 'reject', 'open', 'halfOpen', 'close'] as const;

/** A provider behind its own circuit breaker: a failing SMS gateway never slows e-mail or Telegram down. */
export class GuardedProvider {
  readonly breaker: CircuitBreaker<[OutboundMessage, AbortSignal], ProviderReceipt>;

  constructor(
    readonly provider: ChannelProvider,
    private readonly settings: BreakerSettings,
  ) {
    this.breaker = new CircuitBreaker((message: OutboundMessage, signal: AbortSignal) => provider.send(message, signal), {
      name: provider.name,
      timeout: settings.timeoutMs,
      errorThresholdPercentage: settings.errorThresholdPercent,
      resetTimeout: settings.resetMs,
      volumeThreshold: settings.volumeThreshold,
      // A refused message says nothing about the provider's health.
      errorFilter: (error: unknown) => error instanceof ProviderRejected,
    });
  }

  /** Sends through the breaker; the request itself is aborted when the breaker's timeout gives up on it. */
  send(message: OutboundMessage): Promise<ProviderReceipt> {
    return this.breaker.fire(message, AbortSignal.timeout(this.settings.timeoutMs));
  }

  get state(): BreakerState {
    if (this.breaker.opened) return 'open';
    if (this.breaker.halfOpen) return 'half_open';
    return 'closed';
  }

  snapshot() {
    const stats = this.breaker.stats;
    return {
      provider: this.provider.name,
      state: this.state,
      counts: {
        fires: stats.fires,
        successes: stats.successes,
        failures: stats.failures,
        timeouts: stats.timeouts,
        rejects: stats.rejects,
      },
    };
  }
}

/** The configured providers by channel, with their breakers exported to Prometheus. */
export class ProviderBreakers {
  private readonly byChannel = new Map<ExternalChannel, GuardedProvider>();

  constructor(providers: ChannelProvider[], settings: BreakerSettings, registry: Registry) {
    for (const provider of providers) this.byChannel.set(provider.channel, new GuardedProvider(provider, settings));
    const events = new Counter({
      name: 'korgoo_notification_breaker_events_total',
      help: 'Circuit breaker events per notification provider (fire, success, failure, timeout, reject, open, halfOpen, close)',
      labelNames: ['provider', 'event'],
      registers: [registry],
    });
    const guarded = [...this.byChannel.values()];
    new Gauge({
      name: 'korgoo_notification_breaker_state',
      help: 'Circuit breaker state per notification provider: 0 closed, 1 half-open, 2 open',
      labelNames: ['provider'],
      registers: [registry],
      collect() {
        for (const provider of guarded) this.set({ provider: provider.provider.name }, STATE_VALUE[provider.state]);
      },
    });
    for (const provider of guarded) {
      for (const event of COUNTED_EVENTS) {
        events.inc({ provider: provider.provider.name, event }, 0);
        (provider.breaker as NodeJS.EventEmitter).on(event, () => events.inc({ provider: provider.provider.name, event }));
      }
    }
  }

  for(channel: ExternalChannel): GuardedProvider | undefined {
    return this.byChannel.get(channel);
  }

  channels(): ExternalChannel[] {
    return [...this.byChannel.keys()];
  }

  snapshot() {
    return Object.fromEntries([...this.byChannel].map(([channel, provider]) => [channel, provider.snapshot()]));
  }

  anyOpen(): boolean {
    return [...this.byChannel.values()].some((provider) => provider.state === 'open');
  }

  shutdown(): void {
    for (const provider of this.byChannel.values()) {
      provider.breaker.shutdown();
      provider.provider.close?.();
    }
  }
}

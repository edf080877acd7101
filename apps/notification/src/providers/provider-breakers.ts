import { Registry } from 'prom-client';
import { ExternalChannel } from '@korgoo/contracts';
import { BreakerSettings, BreakerState, exportBreakers, ProviderBreaker } from '@korgoo/platform/core';
import { ChannelProvider, OutboundMessage, ProviderReceipt, ProviderRejected } from './channel-provider';

/** A provider behind its own circuit breaker: a failing SMS gateway never slows e-mail or Telegram down. */
export class GuardedProvider {
  readonly breaker: ProviderBreaker<[OutboundMessage, AbortSignal], ProviderReceipt>;

  constructor(
    readonly provider: ChannelProvider,
    private readonly settings: BreakerSettings,
  ) {
    this.breaker = new ProviderBreaker(provider.name, (message: OutboundMessage, signal: AbortSignal) => provider.send(message, signal), settings, {
      // A refused message says nothing about the provider's health.
      ignore: (error: unknown) => error instanceof ProviderRejected,
    });
  }

  /** Sends through the breaker; the request itself is aborted when the breaker's timeout gives up on it. */
  send(message: OutboundMessage): Promise<ProviderReceipt> {
    return this.breaker.fire(message, AbortSignal.timeout(this.settings.timeoutMs));
  }

  get state(): BreakerState {
    return this.breaker.state;
  }

  snapshot() {
    return { provider: this.provider.name, ...this.breaker.snapshot() };
  }
}

/** The configured providers by channel, with their breakers exported to Prometheus. */
export class ProviderBreakers {
  private readonly byChannel = new Map<ExternalChannel, GuardedProvider>();

  constructor(providers: ChannelProvider[], settings: BreakerSettings, registry: Registry) {
    for (const provider of providers) this.byChannel.set(provider.channel, new GuardedProvider(provider, settings));
    exportBreakers(
      registry,
      [...this.byChannel.values()].map((guarded) => guarded.breaker),
    );
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

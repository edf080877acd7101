import { ExternalChannel } from '@korgoo/contracts';

export interface OutboundMessage {
  /** The notification id: one per (event, recipient, channel), so a provider that dedupes on it sends once. */
  idempotencyKey: string;
  address: string;
  text: string;
  subject?: string;
}

export interface ProviderReceipt {
  providerMessageId: string | null;
  /** `delivered` where the provider's answer already means the message reached the recipient. */
  status: 'sent' | 'delivered';
}

/** The provider refused this message (bad address, blocked bot): retrying cannot help, and it works otherwise. */
export class ProviderRejected extends Error {}

export interface ChannelProvider {
  readonly channel: ExternalChannel;
  readonly name: string;
  /** A repeat with the same idempotency key is dropped by the provider, so resending after a crash is safe. */
  readonly idempotent: boolean;
  send(message: OutboundMessage, signal: AbortSignal): Promise<ProviderReceipt>;
  close?(): void;
}

/** Error text for the delivery log: status and reason only, never an address, a token or a message body. */
export function describeFailure(error: unknown): string {
  const err = error as { code?: string; message?: string };
  if (err?.code === 'EOPENBREAKER') return 'provider circuit open';
  if (err?.code === 'ETIMEDOUT') return 'provider timed out';
  return (err?.message ?? String(error)).slice(0, 300);
}

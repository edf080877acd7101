import { ChannelProvider, OutboundMessage, ProviderReceipt, ProviderRejected } from './channel-provider';

export const SMS_GATEWAY_PROVIDER = 'sms-gateway';

/**
 * A generic HTTP SMS gateway: `POST {url}` with a bearer token, the sender id, the number and the text.
 * It dedupes on the `Idempotency-Key` header, so a repeat of the same notification is sent once.
 */
export class HttpSmsProvider implements ChannelProvider {
  readonly channel = 'sms' as const;
  readonly name = SMS_GATEWAY_PROVIDER;
  readonly idempotent = true;

  constructor(private readonly settings: { url: string; token: string; senderId: string }) {}

  async send(message: OutboundMessage, signal: AbortSignal): Promise<ProviderReceipt> {
    let response: Response;
    try {
      response = await fetch(this.settings.url, {
        method: 'POST',
        signal,
        headers: {
          authorization: `Bearer ${this.settings.token}`,
          'content-type': 'application/json',
          'idempotency-key': message.idempotencyKey,
        },
        body: JSON.stringify({
          from: this.settings.senderId,
          to: message.address,
          text: message.text,
          reference: message.idempotencyKey,
        }),
      });
    } catch (error) {
      throw new Error(`SMS gateway unreachable (${(error as { name?: string }).name ?? 'error'})`);
    }
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
      throw new ProviderRejected(`SMS gateway refused the message (${response.status})`);
    }
    if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
    const body = (await response.json().catch(() => ({}))) as { messageId?: unknown; id?: unknown; message_id?: unknown };
    const id = body.messageId ?? body.id ?? body.message_id;
    return { providerMessageId: typeof id === 'string' || typeof id === 'number' ? String(id) : null, status: 'sent' };
  }
}

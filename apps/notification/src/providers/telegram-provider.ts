import { ChannelProvider, OutboundMessage, ProviderReceipt, ProviderRejected } from './channel-provider';

/** Telegram through the Bot API's sendMessage. The API has no idempotency key: no blind resend after a crash. */
export class TelegramProvider implements ChannelProvider {
  readonly channel = 'telegram' as const;
  readonly name = 'telegram-bot-api';
  readonly idempotent = false;

  constructor(private readonly settings: { apiUrl: string; botToken: string }) {}

  async send(message: OutboundMessage, signal: AbortSignal): Promise<ProviderReceipt> {
    let response: Response;
    try {
      response = await fetch(`${this.settings.apiUrl.replace(/\/+$/, '')}/bot${this.settings.botToken}/sendMessage`, {
        method: 'POST',
        signal,
        headers: { 'content-type': 'application/json' },
        // Plain text, no previews, and no forwarding or saving by the chat's members.
        body: JSON.stringify({
          chat_id: message.address,
          text: message.text,
          link_preview_options: { is_disabled: true },
          protect_content: true,
        }),
      });
    } catch (error) {
      // The URL holds the bot token: only the error's kind is kept.
      throw new Error(`Telegram API unreachable (${(error as { name?: string }).name ?? 'error'})`);
    }
    const body = (await response.json().catch(() => ({}))) as {
      ok?: boolean;
      result?: { message_id?: number };
      description?: unknown;
    };
    if (response.ok && body.ok) {
      const id = body.result?.message_id;
      // A message the Bot API accepted is in the chat.
      return { providerMessageId: id === undefined ? null : String(id), status: 'delivered' };
    }
    const description =
      typeof body.description === 'string' ? body.description.split(this.settings.botToken).join('***').slice(0, 120) : '';
    if (response.status === 400 || response.status === 403) {
      throw new ProviderRejected(`Telegram refused the message (${response.status}${description ? `: ${description}` : ''})`);
    }
    throw new Error(`Telegram API answered ${response.status}`);
  }
}

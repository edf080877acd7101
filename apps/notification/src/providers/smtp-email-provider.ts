import { createTransport } from 'nodemailer';
import { ChannelProvider, OutboundMessage, ProviderReceipt, ProviderRejected } from './channel-provider';

/** E-mail through an SMTP relay. SMTP has no idempotency key: a resend after a crash is never blind. */
export class SmtpEmailProvider implements ChannelProvider {
  readonly channel = 'email' as const;
  readonly name = 'smtp';
  readonly idempotent = false;
  private readonly transport: ReturnType<typeof createTransport>;
  private readonly from: string;

  constructor(settings: { url: string; from: string }, timeoutMs: number) {
    this.from = settings.from;
    this.transport = createTransport({
      url: settings.url,
      pool: false,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  }

  async send(message: OutboundMessage, signal: AbortSignal): Promise<ProviderReceipt> {
    if (signal.aborted) throw new Error('send abandoned before it started');
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to: message.address,
        subject: message.subject ?? 'Korgoo',
        text: message.text,
        // Lets a mailbox or a relay that dedupes on Message-ID drop a repeat.
        messageId: `<${message.idempotencyKey}@notification.korgoo>`,
        headers: { 'X-Korgoo-Notification': message.idempotencyKey },
      });
      if (info.rejected.length > 0) throw new ProviderRejected('the SMTP server refused the recipient');
      return { providerMessageId: info.messageId ?? null, status: 'sent' };
    } catch (error) {
      if (error instanceof ProviderRejected) throw error;
      const code = (error as { responseCode?: number }).responseCode;
      if (typeof code === 'number' && code >= 500 && code < 600) {
        throw new ProviderRejected(`the SMTP server refused the message (${code})`);
      }
      const reason = (error as { code?: string }).code ?? 'error';
      throw new Error(`SMTP ${reason}${typeof code === 'number' ? ` (${code})` : ''}`);
    }
  }

  close(): void {
    this.transport.close();
  }
}

import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  /** Headers and body decoded from their transfer encodings (Cyrillic text travels in base64 or QP). */
  text: string;
}

function decodeWords(header: string): string {
  // Adjacent encoded words are one text split for line length, sometimes inside a character.
  return header.replace(/(=\?utf-8\?[bq]\?[^?]*\?=[ \t]*)+/gi, (run) => {
    const bytes = [...run.matchAll(/=\?utf-8\?([bq])\?([^?]*)\?=/gi)].map(([, encoding, data]) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64')
        : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1'),
    );
    return Buffer.concat(bytes).toString('utf8') + (/[ \t]$/.test(run) ? ' ' : '');
  });
}

function decodeMail(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const headers = decodeWords(raw.slice(0, split).replace(/\r\n[ \t]+/g, ' '));
  const body = raw.slice(split + 4);
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
  let text = body;
  if (encoding === 'base64') text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    text = Buffer.from(
      body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  }
  return `${headers}\n\n${text}`;
}

/** An SMTP server on loopback that keeps every message it was given; it can hold its reply to one address. */
export class SmtpPeer {
  readonly received: ReceivedMail[] = [];
  holdRepliesTo: string | null = null;
  private onHeld: (() => void) | null = null;
  private readonly server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          const raw = Buffer.concat(chunks).toString('utf8');
          this.received.push({ to, raw, text: decodeMail(raw) });
          if (this.holdRepliesTo && to.includes(this.holdRepliesTo)) {
            // The whole message is here; the sender never hears back.
            this.onHeld?.();
            return;
          }
          callback(null);
        });
      },
    });
    this.server.on('error', () => undefined);
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  holdNextTo(address: string): Promise<void> {
    this.holdRepliesTo = address;
    return new Promise((resolve) => (this.onHeld = resolve));
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

import { createHmac, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { jetstream } from '@nats-io/jetstream';
import { Client } from 'pg';
import request from 'supertest';
import { KorgooStack } from './support/korgoo-stack';
import { ROOMY_CENTRE, ROOMY_SETTLEMENT, roomyCentre } from './support/programme-flow';
import { SmtpPeer } from './support/smtp-peer';
import { protectionOrderBody } from './support/protection-order.fixture';
import { until } from './support/until';

type Event = { eventId: string; correlationId: string; payload: Record<string, unknown> };

interface HttpCall {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

/** One loopback HTTP server playing the SMS gateway (`/sms`) and the Telegram Bot API (`/bot<token>/…`). */
class HttpPeers {
  readonly sms: HttpCall[] = [];
  readonly telegram: HttpCall[] = [];
  smsAnswers: 'ok' | 'fail' = 'ok';
  /** Chats the bot may not write to: Telegram answers 403. */
  readonly blockedChats = new Set<string>();
  private readonly seenKeys = new Map<string, string>();
  private holdSmsTo: string | null = null;
  private onSmsHeld: (() => void) | null = null;
  private readonly server: Server;
  port = 0;

  constructor(private readonly botToken: string) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        const call = { path: req.url ?? '', headers: req.headers, body };
        const reply = (status: number, payload: object) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(payload));
        };
        if (req.url === '/sms') {
          this.sms.push(call);
          if (this.smsAnswers === 'fail') return reply(500, { error: 'gateway overloaded' });
          // Like real gateways, the same idempotency key gets the same message back.
          const key = String(req.headers['idempotency-key']);
          const id = this.seenKeys.get(key) ?? `sms-${randomUUID()}`;
          this.seenKeys.set(key, id);
          if (this.holdSmsTo && body.to === this.holdSmsTo) {
            // Accepted for sending, but the answer never leaves.
            this.holdSmsTo = null;
            this.onSmsHeld?.();
            return;
          }
          return reply(202, { messageId: id });
        }
        if (req.url === `/bot${this.botToken}/sendMessage`) {
          this.telegram.push(call);
          if (this.blockedChats.has(String(body.chat_id))) {
            return reply(403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
          }
          return reply(200, { ok: true, result: { message_id: this.telegram.length, chat: { id: body.chat_id } } });
        }
        reply(404, { ok: false });
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  holdNextSmsTo(phone: string): Promise<void> {
    this.holdSmsTo = phone;
    return new Promise((resolve) => (this.onSmsHeld = resolve));
  }

  /** Messages the gateway would hand to the network: one per idempotency key. */
  smsMessagesTo(phone: string): number {
    return new Set(this.sms.filter((call) => call.body.to === phone).map((call) => call.headers['idempotency-key'])).size;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const BOT_TOKEN = '123456:test-bot-token';
const WEBHOOK_SECRET = 'sms-receipts-secret-for-the-tests';
/**
 * The failover test opens the SMS breaker and checks it open across two deliveries before it half-opens: long
 * enough that a machine stalling for a few seconds does not half-open it in between.
 */
const BREAKER_RESET_MS = 10_000;

function referralNumber(): string {
  return `R-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
}

describe('notification delivers through the recipient’s channels, fails over and never sends twice', () => {
  const smtp = new SmtpPeer();
  const peers = new HttpPeers(BOT_TOKEN);
  let stack: KorgooStack;
  let admin: string;
  let coordinator: string;
  let police: string;
  let db: Client;

  beforeAll(async () => {
    await Promise.all([smtp.start(), peers.start()]);
    stack = new KorgooStack({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SMTP_FROM: 'Korgoo <no-reply@korgoo.test>',
      SMS_GATEWAY_URL: `http://127.0.0.1:${peers.port}/sms`,
      SMS_GATEWAY_TOKEN: 'sms-gateway-token',
      SMS_SENDER_ID: 'Korgoo',
      SMS_WEBHOOK_SECRET: WEBHOOK_SECRET,
      TELEGRAM_API_URL: `http://127.0.0.1:${peers.port}`,
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      BREAKER_TIMEOUT_MS: '2000',
      BREAKER_RESET_MS: String(BREAKER_RESET_MS),
      BREAKER_VOLUME_THRESHOLD: '2',
      BREAKER_ERROR_THRESHOLD_PERCENT: '50',
      MESSAGING_ACK_WAIT_MS: '4000',
    });
    await stack.start();
    [admin, coordinator, police] = await stack.demoTokens('admin', 'coordinator', 'police');
    db = new Client({ connectionString: process.env.KORGOO_TEST_DATABASE_URL });
    await db.connect();
  });

  // A test that fails with the SMS gateway failing must not leave it failing for the tests after it.
  afterEach(() => {
    peers.smsAnswers = 'ok';
  });

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
    await Promise.all([smtp.stop(), peers.stop()]);
  });

  const notificationPort = () => stack.services.get('notification')!.port;

  function configure(centreId: string, settings: object) {
    return request(stack.gateway)
      .put(`/api/v1/admin/notification-recipients/centres/${centreId}`)
      .auth(admin, { type: 'bearer' })
      .send(settings);
  }

  /** Plays matching: a referral event on the REFERRALS stream, as the notification service will see it. */
  async function publish(subject: string, payload: Record<string, unknown>, options: { eventId?: string; msgId?: string } = {}) {
    const eventId = options.eventId ?? randomUUID();
    const envelope = {
      eventId,
      subject,
      occurredAt: new Date().toISOString(),
      correlationId: payload.orderId,
      producer: 'matching',
      payload,
    };
    await jetstream(stack.nc).publish(`${stack.namespace}.${subject}`, JSON.stringify(envelope), { msgID: options.msgId ?? eventId });
    return envelope;
  }

  /** Plays programme: the Article 72 notice of a refusal at the centre, the one session offered refused an hour before `at`. */
  function publishRefusalNotice(orderId: string, expiresAt: string, centreId: string, at: number) {
    return publish('programme.refusal_reported.v1', {
      programmeId: randomUUID(),
      orderId,
      referralId: randomUUID(),
      referralNumber: referralNumber(),
      centreId,
      noticeId: randomUUID(),
      ground: 'explicit_refusal',
      refusalPolicy: 'second-unexcused-or-cannot-finish',
      sessionsOffered: 1,
      missed: [{ index: 1, startsAt: new Date(at - 3_600_000).toISOString(), mark: 'refused' }],
      expiresAt,
      reportedAt: new Date(at).toISOString(),
    });
  }

  function routed(centreId: string, overrides: Record<string, unknown> = {}) {
    const now = Date.now();
    return {
      referralId: randomUUID(),
      orderId: randomUUID(),
      referralNumber: referralNumber(),
      centreId,
      priority: 'high',
      acknowledgeBy: new Date(now + 24 * 3_600_000).toISOString(),
      firstSessionAt: new Date(now + 3 * 24 * 3_600_000).toISOString(),
      language: 'ky',
      travelMinutes: 35,
      travelSource: 'road-graph',
      ...overrides,
    };
  }

  async function deliveryLog(referralId: string) {
    const response = await request(stack.gateway)
      .get(`/api/v1/referrals/${referralId}/deliveries`)
      .auth(coordinator, { type: 'bearer' })
      .expect(200);
    return response.body.attempts as Array<{ channel: string; provider: string; status: string; providerMessageId: string | null; error: string | null; recipientKind: string }>;
  }

  async function providersHealth() {
    const response = await request(`http://127.0.0.1:${notificationPort()}`).get('/health').expect(200);
    return response.body as { status: string; details: { providers: Record<string, { state: string; counts: Record<string, number> }> & { status: string } } };
  }

  /** A receipt signed as the gateway signs it; `sent` is the text that actually arrives (a forger's change). */
  function signedReceipt(body: object, secret = WEBHOOK_SECRET, sent = (raw: string) => raw) {
    const raw = JSON.stringify(body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`;
    return request(`http://127.0.0.1:${notificationPort()}`)
      .post('/api/v1/webhooks/sms-receipts')
      .set('content-type', 'application/json')
      .set('x-korgoo-timestamp', timestamp)
      .set('x-korgoo-signature', signature)
      .send(sent(raw));
  }

  it('validates recipient settings and lets only an admin change them', async () => {
    const bad = await configure('test-validation', {
      language: 'de',
      channels: [
        { channel: 'email', address: 'not-an-address' },
        { channel: 'sms', address: '0700 123 456' },
        { channel: 'inbox', address: 'x' },
      ],
    }).expect(400);
    const fields = bad.body.problems.map((problem: { field: string }) => problem.field);
    expect(fields).toEqual(expect.arrayContaining(['language', 'channels.0.address', 'channels.1.address', 'channels.2.channel']));
    const twice = await configure('test-validation', {
      language: 'ru',
      channels: [
        { channel: 'email', address: 'a@centre.test' },
        { channel: 'email', address: 'b@centre.test' },
      ],
    }).expect(400);
    expect(JSON.stringify(twice.body)).toContain('each channel may be listed once');
    await configure('Not A Centre!', { language: 'ru', channels: [] }).expect(400);
    await configure('test-validation', { language: 'ru', channels: [], nickname: 'x' }).expect(400);
    await request(stack.gateway)
      .put('/api/v1/admin/notification-recipients/centres/test-validation')
      .auth(coordinator, { type: 'bearer' })
      .send({ language: 'ru', channels: [] })
      .expect(403);

    const saved = await configure('test-validation', {
      language: 'en',
      displayName: 'Validation centre',
      channels: [
        { channel: 'telegram', address: '-100123456789' },
        { channel: 'email', address: 'staff@centre.test' },
      ],
    }).expect(200);
    expect(saved.body.recipient).toMatchObject({ recipientKind: 'centre', centreId: 'test-validation', language: 'en' });
    const shown = await request(stack.gateway)
      .get('/api/v1/admin/notification-recipients/centres/test-validation')
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(shown.body.recipient.channels.map((c: { channel: string }) => c.channel)).toEqual(['telegram', 'email']);
    const demo = await request(stack.gateway)
      .get('/api/v1/admin/notification-recipients/centres/naryn-asylzat')
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(demo.body.recipient.channels.map((c: { address: string }) => c.address).join(' ')).toMatch(/korgoo\.example|\+996000/);
  });

  it('tells the routed centre through Telegram in its language, with no personal data, from a real order', async () => {
    // The suites of a run share one database and fill the demo centres' weeks; the roomy centre always has room.
    await roomyCentre(stack, admin);
    await configure(ROOMY_CENTRE, { language: 'ky', channels: [{ channel: 'telegram', address: '-100942' }] }).expect(200);
    const body = protectionOrderBody({
      perpetrator: { fullName: 'Төлөгөнов Ңурбек Асанович', sex: 'male', language: 'ky', location: { settlementCode: ROOMY_SETTLEMENT } },
    });
    const created = await request(stack.gateway).post('/api/v1/protection-orders').auth(police, { type: 'bearer' }).send(body).expect(201);
    const sent = await stack.awaitEvent<Event>(
      'notification.sent.v1',
      (e) => e.correlationId === created.body.orderId && e.payload.channel === 'telegram',
    );
    const { referral } = (
      await request(stack.gateway).get(`/api/v1/protection-orders/${created.body.orderId}`).auth(coordinator, { type: 'bearer' }).expect(200)
    ).body;
    const call = peers.telegram.find((c) => String(c.body.text).includes(referral.referralNumber))!;
    expect(call.body.text).toBe(
      `Korgoo: жаңы жолдомо ${referral.referralNumber}. Сураныч, Korgoo системасындагы кирүүчү билдирүүлөрдү ачыңыз.`,
    );
    expect(call.body).toMatchObject({ protect_content: true });
    expect(JSON.stringify(call.body)).not.toMatch(/Төлөгөнов|Ңурбек|Токтогул|toktogul/i);
    expect(sent.payload.centreId).toBe(referral.centreId);

    const log = await deliveryLog(referral.referralId);
    expect(log.map((a) => [a.channel, a.status])).toEqual([
      ['inbox', 'delivered'],
      ['telegram', 'delivered'],
    ]);
    expect(log[1]).toMatchObject({ provider: 'telegram-bot-api', providerMessageId: expect.any(String) });
  });

  it('e-mails a centre the planning facts only, and SMS carries the sender id, token and idempotency key', async () => {
    await configure('test-email-centre', { language: 'en', channels: [{ channel: 'email', address: 'intake@email-centre.test' }] }).expect(200);
    const mailed = routed('test-email-centre', { priority: 'urgent' });
    await publish('referral.routed.v1', mailed);
    await stack.awaitEvent<Event>('notification.sent.v1', (e) => e.payload.referralId === mailed.referralId && e.payload.channel === 'email');
    const [mail] = smtp.to('intake@email-centre.test');
    expect(mail.text).toContain(`Subject: Korgoo ${mailed.referralNumber}: new referral`);
    expect(mail.text).toContain('Priority: urgent');
    expect(mail.text).toContain('Acknowledge by:');
    expect(mail.text).toContain('The case itself is only in Korgoo');

    await configure('test-sms-centre', { language: 'ru', channels: [{ channel: 'sms', address: '+996555000111' }] }).expect(200);
    const texted = routed('test-sms-centre');
    await publish('referral.routed.v1', texted);
    const sent = await stack.awaitEvent<Event>('notification.sent.v1', (e) => e.payload.referralId === texted.referralId && e.payload.channel === 'sms');
    const call = peers.sms.find((c) => c.body.to === '+996555000111')!;
    expect(call.headers.authorization).toBe('Bearer sms-gateway-token');
    expect(call.headers['idempotency-key']).toBe(sent.payload.notificationId);
    expect(call.body).toEqual({
      from: 'Korgoo',
      to: '+996555000111',
      text: `Korgoo: новое направление ${texted.referralNumber}. Пожалуйста, откройте входящие в Korgoo.`,
      reference: sent.payload.notificationId,
    });
  });

  it('takes signed SMS delivery receipts and refuses unsigned or tampered ones with 401', async () => {
    await configure('test-receipt-centre', { language: 'en', channels: [{ channel: 'sms', address: '+996555000222' }] }).expect(200);
    const referral = routed('test-receipt-centre');
    await publish('referral.routed.v1', referral);
    await stack.awaitEvent<Event>('notification.sent.v1', (e) => e.payload.referralId === referral.referralId && e.payload.channel === 'sms');
    const sms = (await deliveryLog(referral.referralId)).find((a) => a.channel === 'sms')!;
    expect(sms).toMatchObject({ status: 'sent', provider: 'sms-gateway' });

    await request(`http://127.0.0.1:${notificationPort()}`)
      .post('/api/v1/webhooks/sms-receipts')
      .send({ messageId: sms.providerMessageId, status: 'DELIVRD' })
      .expect(401);
    await signedReceipt({ messageId: sms.providerMessageId, status: 'DELIVRD' }, 'a-different-secret-entirely').expect(401);
    await signedReceipt({ messageId: sms.providerMessageId, status: 'UNDELIV' }, WEBHOOK_SECRET, (raw) => raw.replace('UNDELIV', 'DELIVRD')).expect(401);
    expect((await deliveryLog(referral.referralId)).find((a) => a.channel === 'sms')!.status).toBe('sent');

    const accepted = await signedReceipt({ messageId: sms.providerMessageId, status: 'DELIVRD' }).expect(200);
    expect(accepted.body).toEqual({ matched: true });
    expect((await deliveryLog(referral.referralId)).find((a) => a.channel === 'sms')!.status).toBe('delivered');
    await signedReceipt({ messageId: 'sms-unknown', status: 'DELIVRD' }).expect(200, { matched: false });
    await signedReceipt({ messageId: sms.providerMessageId, status: 'read-by-cat' }).expect(400);
  });

  it('sends a redelivered event only once', async () => {
    await configure('test-dedupe-centre', { language: 'en', channels: [{ channel: 'email', address: 'once@dedupe-centre.test' }] }).expect(200);
    const referral = routed('test-dedupe-centre');
    const envelope = await publish('referral.routed.v1', referral);
    await stack.awaitEvent<Event>('notification.sent.v1', (e) => e.payload.referralId === referral.referralId && e.payload.channel === 'email');
    // The same event again, past the stream's duplicate window as far as JetStream knows.
    const duplicates = await stack.eventsHandled('notification', 'referral.routed.v1', 'duplicate');
    await publish('referral.routed.v1', referral, { eventId: envelope.eventId, msgId: `${envelope.eventId}-again` });
    await until(async () => (await stack.eventsHandled('notification', 'referral.routed.v1', 'duplicate')) > duplicates, 'the redelivery to be seen');
    expect(smtp.to('once@dedupe-centre.test')).toHaveLength(1);
    expect(stack.eventsOn('notification.sent.v1').filter((e) => (e as Event).payload.referralId === referral.referralId)).toHaveLength(2);
  });

  it('makes an intent with nothing to send in the event’s own transaction, and one with a channel in a step committed before the send', async () => {
    /** The transactions that wrote the consumer's inbox row of the event and the event's intent. */
    const writers = async (eventId: string) => {
      const { rows } = await db.query(
        `SELECT (SELECT xmin::text FROM notification.inbox WHERE event_id = $1) AS consumer,
                (SELECT xmin::text FROM notification.delivery_intent WHERE source_event_id = $1) AS intent`,
        [eventId],
      );
      return rows[0] as { consumer: string | null; intent: string | null };
    };
    await configure('test-inbox-centre', { language: 'en', channels: [] }).expect(200);
    const quiet = routed('test-inbox-centre');
    const told = await publish('referral.routed.v1', quiet);
    await stack.awaitEvent<Event>('notification.sent.v1', (e) => e.payload.referralId === quiet.referralId && e.payload.channel === 'inbox');
    await until(async () => (await writers(told.eventId)).consumer !== null, 'the event’s inbox row');
    const inboxOnly = await writers(told.eventId);
    expect(inboxOnly.intent).toBe(inboxOnly.consumer);

    await configure('test-steps-centre', { language: 'en', channels: [{ channel: 'email', address: 'steps@steps-centre.test' }] }).expect(200);
    for (const attempt of [1, 2]) {
      const mailed = routed('test-steps-centre');
      const event = await publish('referral.routed.v1', mailed);
      await stack.awaitEvent<Event>('notification.sent.v1', (e) => e.payload.referralId === mailed.referralId && e.payload.channel === 'email');
      await until(async () => (await writers(event.eventId)).consumer !== null, 'the event’s inbox row');
      const inSteps = await writers(event.eventId);
      expect(inSteps.intent).not.toBeNull();
      expect(inSteps.intent).not.toBe(inSteps.consumer);
      expect(smtp.to('steps@steps-centre.test')).toHaveLength(attempt);
      expect(await deliveryLog(mailed.referralId)).toEqual([
        expect.objectContaining({ channel: 'inbox', status: 'delivered' }),
        expect.objectContaining({ channel: 'email', status: 'sent' }),
      ]);
    }
  });

  it('fails over from a failing SMS gateway to e-mail once the breaker opens, and half-opens after the reset time', async () => {
    await configure('test-failover-centre', {
      language: 'ru',
      channels: [
        { channel: 'sms', address: '+996555000333' },
        { channel: 'email', address: 'duty@failover-centre.test' },
      ],
    }).expect(200);
    // The breaker weighs the sends of its last 10 s: successful SMS of the tests before would outweigh these
    // failures (three of them against three successes is not above half), and the breaker would stay closed.
    await until(async () => (await providersHealth()).details.providers.sms.counts.fires === 0, 'earlier SMS sends to leave the breaker’s window', 15_000);
    peers.smsAnswers = 'fail';
    const referral = routed('test-failover-centre');
    await publish('referral.routed.v1', referral);
    await stack.awaitEvent<Event>('notification.sent.v1', (e) => e.payload.referralId === referral.referralId && e.payload.channel === 'email');

    const open = await providersHealth();
    expect(open.status).toBe('degraded');
    expect(open.details.providers.sms).toMatchObject({ provider: 'sms-gateway', state: 'open' });
    expect(open.details.providers.sms.counts.failures).toBeGreaterThanOrEqual(2);
    expect(open.details.providers.email.state).toBe('closed');

    const log = await deliveryLog(referral.referralId);
    const sms = log.filter((a) => a.channel === 'sms');
    expect(sms.length).toBeGreaterThanOrEqual(2);
    expect(sms.every((a) => a.status === 'failed')).toBe(true);
    expect(sms[0].error).toBe('SMS gateway answered 500');
    expect(log.find((a) => a.channel === 'email')).toMatchObject({ status: 'sent', provider: 'smtp' });
    expect(smtp.to('duty@failover-centre.test')).toHaveLength(1);

    // While open, the SMS gateway is not even asked: the next referral goes straight to e-mail.
    const callsBefore = peers.sms.length;
    const second = routed('test-failover-centre');
    await publish('referral.routed.v1', second);
    await stack.awaitEvent<Event>('notification.sent.v1', (e) => e.payload.referralId === second.referralId && e.payload.channel === 'email');
    expect(peers.sms.length).toBe(callsBefore);
    expect((await deliveryLog(second.referralId)).find((a) => a.channel === 'sms')).toMatchObject({
      status: 'failed',
      error: 'provider circuit open',
    });

    const halfOpen = await until(async () => {
      const health = await providersHealth();
      return health.details.providers.sms.state === 'half_open' ? health : null;
    }, 'the SMS breaker to half-open', BREAKER_RESET_MS + 5_000);
    expect(halfOpen.status).toBe('ok');
    const metrics = await request(`http://127.0.0.1:${notificationPort()}`).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/korgoo_breaker_state\{breaker="sms-gateway"[^}]*\} 1/);
    expect(metrics.text).toMatch(/korgoo_breaker_events_total\{breaker="sms-gateway",event="open"[^}]*\} [1-9]/);

    // The trial message goes through, and the breaker closes again.
    peers.smsAnswers = 'ok';
    const third = routed('test-failover-centre');
    await publish('referral.routed.v1', third);
    await stack.awaitEvent<Event>('notification.sent.v1', (e) => e.payload.referralId === third.referralId && e.payload.channel === 'sms');
    expect((await providersHealth()).details.providers.sms.state).toBe('closed');
  });

  it('tells the coordinators when no channel reaches a centre, through their inbox and their own channels', async () => {
    peers.blockedChats.add('-100555000444');
    await configure('test-unreachable-centre', {
      language: 'ky',
      displayName: 'Test Unreachable Centre',
      channels: [{ channel: 'telegram', address: '-100555000444' }],
    }).expect(200);
    const referral = routed('test-unreachable-centre');
    await publish('referral.routed.v1', referral);
    const failed = await stack.awaitEvent<Event>('notification.failed.v1', (e) => e.payload.referralId === referral.referralId);
    expect(failed.payload).toMatchObject({ recipientKind: 'centre', centreId: 'test-unreachable-centre', attemptedChannels: ['telegram'] });

    const notice = await until(
      async () => smtp.to('coordinators@korgoo.example').find((m) => m.text.includes(referral.referralNumber)),
      'the coordinators’ e-mail',
    );
    expect(notice.text).toContain(`Subject: Korgoo ${referral.referralNumber}: центр недоступен`);
    expect(notice.text).toContain(`Не удалось связаться с центром Test Unreachable Centre по направлению ${referral.referralNumber}`);
    const inbox = await request(stack.gateway).get('/api/v1/inbox').auth(coordinator, { type: 'bearer' }).expect(200);
    const entry = inbox.body.items.find((e: { referralId: string }) => e.referralId === referral.referralId);
    expect(entry).toMatchObject({ kind: 'centre_unreachable', readAt: null });
    expect(entry.title.en).toBe(`Centre Test Unreachable Centre could not be reached about referral ${referral.referralNumber}`);

    const log = await deliveryLog(referral.referralId);
    expect(log.find((a) => a.channel === 'telegram')).toMatchObject({ status: 'failed', error: expect.stringContaining('403') });
    expect(log.filter((a) => a.recipientKind === 'coordinators').map((a) => [a.channel, a.status])).toEqual([
      ['inbox', 'delivered'],
      ['email', 'sent'],
    ]);

    await request(stack.gateway).post(`/api/v1/inbox/${entry.entryId}/read`).auth(coordinator, { type: 'bearer' }).expect(200, { marked: true });
    await request(stack.gateway).post(`/api/v1/inbox/${entry.entryId}/read`).auth(coordinator, { type: 'bearer' }).expect(200, { marked: false });
  });

  it('tells the coordinators when no channel reaches the police unit an Article 72 notice is for', async () => {
    peers.blockedChats.add('-100555000777');
    await request(stack.gateway)
      .put('/api/v1/admin/notification-recipients/police-units/karakol-riib')
      .auth(admin, { type: 'bearer' })
      .send({ language: 'ky', channels: [{ channel: 'telegram', address: '-100555000777' }] })
      .expect(200);
    // A real registration tells the notification service the order's number and issuing unit.
    const officer = await stack.policeOfficer(admin, 'karakol-riib');
    const order = protectionOrderBody();
    const { orderId } = (await request(stack.gateway).post('/api/v1/protection-orders').auth(officer, { type: 'bearer' }).send(order).expect(201)).body;
    const notice = await publishRefusalNotice(orderId, order.expiresAt, 'karakol-meerman', Date.now());

    const failed = await stack.awaitEvent<Event>('notification.failed.v1', (e) => e.payload.sourceEventId === notice.eventId);
    expect(failed.payload).toMatchObject({ recipientKind: 'police_unit', unitCode: 'karakol-riib', attemptedChannels: ['telegram'] });
    const mail = await until(
      async () => smtp.to('coordinators@korgoo.example').find((m) => m.text.includes(order.orderNumber)),
      'the coordinators’ e-mail',
    );
    expect(mail.text).toContain(`Уведомление по ст. 72 по ордеру ${order.orderNumber} не дошло до подразделения karakol-riib`);
    const inbox = await request(stack.gateway).get('/api/v1/inbox').auth(coordinator, { type: 'bearer' }).expect(200);
    expect(inbox.body.items.find((e: { orderNumber: string | null }) => e.orderNumber === order.orderNumber)).toMatchObject({
      kind: 'police_unit_unreachable',
    });
    // The unit still finds the notice in its own inbox.
    const unitInbox = await request(stack.gateway).get('/api/v1/inbox').auth(officer, { type: 'bearer' }).expect(200);
    expect(unitInbox.body.items.filter((e: { orderNumber: string | null }) => e.orderNumber === order.orderNumber)).toHaveLength(1);
  });

  it('sends escalations and missed deadlines to the coordinators', async () => {
    const referral = routed('naryn-asylzat', { priority: 'urgent' });
    await publish('referral.routed.v1', referral);
    await stack.awaitEvent<Event>('notification.sent.v1', (e) => e.payload.referralId === referral.referralId && e.payload.channel === 'telegram');
    await publish('referral.escalated.v1', {
      referralId: referral.referralId,
      orderId: referral.orderId,
      referralNumber: referral.referralNumber,
      priority: 'urgent',
      reasons: ['handoff_limit_reached'],
    });
    await publish('referral.expired.v1', {
      referralId: referral.referralId,
      orderId: referral.orderId,
      referralNumber: referral.referralNumber,
      centreId: 'naryn-asylzat',
      acknowledgeBy: referral.acknowledgeBy,
    });
    await until(async () => smtp.to('coordinators@korgoo.example').filter((m) => m.text.includes(referral.referralNumber)).length === 2, 'two e-mails to the coordinators');
    const inbox = await request(stack.gateway).get('/api/v1/inbox').auth(coordinator, { type: 'bearer' }).expect(200);
    const kinds = inbox.body.items
      .filter((e: { referralId: string }) => e.referralId === referral.referralId)
      .map((e: { kind: string; priority: string }) => [e.kind, e.priority]);
    expect(kinds).toEqual(expect.arrayContaining([['referral_escalated', 'urgent'], ['referral_expired', 'urgent']]));
    const expired = inbox.body.items.find((e: { referralId: string; kind: string }) => e.referralId === referral.referralId && e.kind === 'referral_expired');
    expect(expired.title.ru).toBe(`Центр Асылзат не подтвердил направление ${referral.referralNumber} вовремя`);
    // The centre that let the deadline pass hears the referral was taken from it, so it does not act on it later.
    const naryn = await stack.login('centre.naryn-asylzat.demo', 'korgoo-demo-centre');
    const own = await request(stack.gateway).get('/api/v1/inbox').auth(naryn, { type: 'bearer' }).expect(200);
    const withdrawn = own.body.items.find((e: { referralId: string; kind: string }) => e.referralId === referral.referralId && e.kind === 'referral_withdrawn');
    expect(withdrawn.title.ky).toBe(`${referral.referralNumber} жолдомосу кайтарылып алынды: аны тастыктоо мөөнөтү өтүп кетти; кармалган орундар бошотулду`);
  });

  it('stops reminding a centre that accepted or opened the referral, but still tells it of a cancellation', async () => {
    await configure('test-ack-centre', { language: 'en', channels: [{ channel: 'email', address: 'desk@ack-centre.test' }] }).expect(200);
    const referral = routed('test-ack-centre');
    // Accepted before the proposal's notification came: nothing goes out beyond the inbox.
    await publish('referral.accepted.v1', {
      referralId: referral.referralId,
      orderId: referral.orderId,
      referralNumber: referral.referralNumber,
      centreId: 'test-ack-centre',
      firstSessionAt: referral.firstSessionAt,
    });
    await until(async () => {
      const rows = await db.query(`SELECT 1 FROM notification.referral_acknowledgement WHERE referral_id = $1`, [referral.referralId]);
      return rows.rowCount === 1;
    }, 'the acceptance to be recorded');
    await publish('referral.routed.v1', referral);
    await stack.awaitEvent<Event>('notification.sent.v1', (e) => e.payload.referralId === referral.referralId && e.payload.channel === 'inbox');
    await until(async () => {
      const rows = await db.query(`SELECT outcome FROM notification.delivery_intent WHERE referral_id = $1`, [referral.referralId]);
      return rows.rows[0]?.outcome === 'acknowledged';
    }, 'the intent to close as acknowledged');
    expect(smtp.to('desk@ack-centre.test')).toHaveLength(0);
    expect((await deliveryLog(referral.referralId)).map((a) => a.channel)).toEqual(['inbox']);

    // Centre staff open their inbox entry: that acknowledges too; another centre cannot touch it.
    await request(stack.gateway)
      .post('/api/v1/accounts')
      .auth(admin, { type: 'bearer' })
      .send({ username: 'staff.test-ack-centre', password: 'a-long-enough-password', role: 'centre', centreId: 'test-ack-centre', displayName: 'Staff' })
      .expect(201);
    const staff = await stack.login('staff.test-ack-centre', 'a-long-enough-password');
    const second = routed('test-ack-centre');
    await publish('referral.routed.v1', second);
    await stack.awaitEvent<Event>('notification.sent.v1', (e) => e.payload.referralId === second.referralId && e.payload.channel === 'email');
    const inbox = await request(stack.gateway).get('/api/v1/inbox').auth(staff, { type: 'bearer' }).expect(200);
    const entry = inbox.body.items.find((e: { referralId: string }) => e.referralId === second.referralId);
    const osh = await stack.login('centre.osh-ak-jurok.demo', 'korgoo-demo-centre');
    await request(stack.gateway).post(`/api/v1/inbox/${entry.entryId}/read`).auth(osh, { type: 'bearer' }).expect(404);
    await request(stack.gateway).post(`/api/v1/inbox/${entry.entryId}/read`).auth(staff, { type: 'bearer' }).expect(200, { marked: true });
    const acknowledged = await db.query(
      `SELECT via FROM notification.referral_acknowledgement WHERE referral_id = $1 AND centre_id = 'test-ack-centre'`,
      [second.referralId],
    );
    expect(acknowledged.rows).toEqual([{ via: 'opened' }]);
    await request(stack.gateway).get(`/api/v1/referrals/${second.referralId}/deliveries`).auth(staff, { type: 'bearer' }).expect(403);

    await publish('referral.cancelled.v1', {
      referralId: referral.referralId,
      orderId: referral.orderId,
      referralNumber: referral.referralNumber,
      centreId: 'test-ack-centre',
    });
    await until(async () => smtp.to('desk@ack-centre.test').find((m) => m.text.includes(`Korgoo ${referral.referralNumber}: referral cancelled`)), 'the cancellation e-mail');
  });

  it('never sends twice when the process is killed between sending and recording', async () => {
    const address = 'night-desk@crash-centre.test';
    await configure('test-crash-centre', { language: 'ru', channels: [{ channel: 'email', address }] }).expect(200);
    const referral = routed('test-crash-centre');
    const held = smtp.holdNextTo(address);
    await publish('referral.routed.v1', referral);
    await held;
    // The SMTP server has the whole message and has not answered: the send is in flight.
    await stack.kill('notification');
    const queued = await db.query(
      `SELECT a.status FROM notification.delivery_attempt a JOIN notification.notification n ON n.id = a.notification_id
        WHERE n.referral_id = $1 AND a.channel = 'email'`,
      [referral.referralId],
    );
    expect(queued.rows).toEqual([{ status: 'queued' }]);

    smtp.holdRepliesTo = null;
    await stack.startOne('notification');
    const settled = await until(async () => {
      const email = (await deliveryLog(referral.referralId)).find((a) => a.channel === 'email');
      return email && email.status !== 'queued' ? email : null;
    }, 'the send in doubt to be settled', 60_000);
    expect(settled).toMatchObject({ status: 'sent', error: 'interrupted during send; outcome unknown, not resent' });
    await stack.awaitEvent<Event>('notification.sent.v1', (e) => e.payload.referralId === referral.referralId && e.payload.channel === 'email');
    await until(async () => {
      const rows = await db.query(`SELECT outcome FROM notification.delivery_intent WHERE referral_id = $1`, [referral.referralId]);
      return rows.rows[0]?.outcome !== 'dispatching';
    }, 'the intent to close');
    expect(smtp.to(address)).toHaveLength(1);
    const attempts = await db.query(
      `SELECT count(*)::int AS n FROM notification.delivery_attempt a JOIN notification.notification n ON n.id = a.notification_id
        WHERE n.referral_id = $1 AND a.channel = 'email'`,
      [referral.referralId],
    );
    expect(attempts.rows[0].n).toBe(1);
  });

  it('repeats a send in doubt to the SMS gateway only under the same idempotency key', async () => {
    const phone = '+996555000666';
    await configure('test-crash-sms-centre', { language: 'ky', channels: [{ channel: 'sms', address: phone }] }).expect(200);
    const referral = routed('test-crash-sms-centre');
    const held = peers.holdNextSmsTo(phone);
    await publish('referral.routed.v1', referral);
    await held;
    await stack.kill('notification');
    await stack.startOne('notification');
    const settled = await until(async () => {
      const sms = (await deliveryLog(referral.referralId)).find((a) => a.channel === 'sms');
      return sms && sms.status !== 'queued' ? sms : null;
    }, 'the send in doubt to be settled', 60_000);
    expect(settled).toMatchObject({ status: 'sent', error: null, providerMessageId: expect.stringMatching(/^sms-/) });
    const calls = peers.sms.filter((call) => call.body.to === phone);
    expect(calls).toHaveLength(2);
    expect(peers.smsMessagesTo(phone)).toBe(1);
    const attempts = await db.query(
      `SELECT count(*)::int AS n FROM notification.delivery_attempt a JOIN notification.notification n ON n.id = a.notification_id
        WHERE n.referral_id = $1 AND a.channel = 'sms'`,
      [referral.referralId],
    );
    expect(attempts.rows[0].n).toBe(1);
  });

  // Moves the services' clock forward: keep these last in the file.
  describe('alerts nobody acknowledged', () => {
    const MINUTE = 60_000;
    let now = Date.now();
    const advance = (ms: number) => {
      now += ms;
      return stack.setClock(new Date(now));
    };
    type InboxItem = { entryId: string; kind: string; orderNumber: string | null; title: { ru: string } };
    const inboxOf = async (token: string, orderNumber: string): Promise<InboxItem[]> =>
      (await request(stack.gateway).get('/api/v1/inbox').auth(token, { type: 'bearer' }).expect(200)).body.items.filter(
        (e: InboxItem) => e.orderNumber === orderNumber,
      );
    const escalationState = async (alertEventId: string) =>
      (await db.query('SELECT state, rounds_fired FROM notification.alert_escalation WHERE alert_event_id = $1', [alertEventId])).rows[0];
    const toldAgain = (alertEventId: string, round: number) =>
      stack.awaitEvent<Event>('notification.alert_unacknowledged.v1', (e) => e.payload.alertEventId === alertEventId && e.payload.round === round);
    const inInbox = (sourceEventId: string, recipientKind: string) =>
      stack.awaitEvent<Event>(
        'notification.sent.v1',
        (e) => e.payload.sourceEventId === sourceEventId && e.payload.recipientKind === recipientKind && e.payload.channel === 'inbox',
      );

    it('tells an immediate-danger alert again every quarter hour until a coordinator acknowledges it', async () => {
      const order = protectionOrderBody();
      order.screening.immediateDanger.critical.threatenedToKill = 'yes';
      const { orderId } = (await request(stack.gateway).post('/api/v1/protection-orders').auth(police, { type: 'bearer' }).send(order).expect(201)).body;
      const assessed = await stack.awaitEvent<Event>('risk.assessed.v1', (e) => e.correlationId === orderId);
      await inInbox(assessed.eventId, 'coordinators');
      // Scheduled in the transaction that takes the assessment, which commits once the alert is out.
      await until(async () => (await escalationState(assessed.eventId))?.state === 'pending', 'the alert to be watched');

      await advance(16 * MINUTE);
      const again = await toldAgain(assessed.eventId, 1);
      await Promise.all([inInbox(again.eventId, 'coordinators'), inInbox(again.eventId, 'duty_hotline')]);
      const alerts = await inboxOf(coordinator, order.orderNumber);
      expect(alerts.map((e) => e.kind)).toEqual(['immediate_danger', 'immediate_danger']);

      // An officer has no such alert to acknowledge; a coordinator acknowledges it once for everyone.
      await request(stack.gateway).post(`/api/v1/inbox/${alerts[0].entryId}/acknowledge`).auth(police, { type: 'bearer' }).expect(404);
      const acknowledged = await request(stack.gateway).post(`/api/v1/inbox/${alerts[0].entryId}/acknowledge`).auth(coordinator, { type: 'bearer' }).expect(200);
      expect(acknowledged.body).toMatchObject({ entryId: alerts[0].entryId, recorded: true });

      await advance(16 * MINUTE);
      await until(async () => (await escalationState(assessed.eventId)).state === 'acknowledged', 'the escalation to end at the acknowledgement');
      expect((await escalationState(assessed.eventId)).rounds_fired).toBe(1);
      expect(stack.eventsOn('notification.alert_unacknowledged.v1').filter((e) => (e as Event).payload.alertEventId === assessed.eventId)).toHaveLength(1);
    });

    it('sends an unacknowledged Article 72 notice again after a day and asks the coordinators to chase the unit', async () => {
      const officer = await stack.policeOfficer(admin, 'naryn-riib');
      const order = protectionOrderBody();
      const { orderId } = (await request(stack.gateway).post('/api/v1/protection-orders').auth(officer, { type: 'bearer' }).send(order).expect(201)).body;
      await stack.awaitEvent<Event>('risk.assessed.v1', (e) => e.correlationId === orderId);
      const notice = await publishRefusalNotice(orderId, order.expiresAt, 'naryn-asylzat', now);
      await inInbox(notice.eventId, 'police_unit');

      await advance(25 * 60 * MINUTE);
      const again = await toldAgain(notice.eventId, 1);
      await Promise.all([inInbox(again.eventId, 'police_unit'), inInbox(again.eventId, 'coordinators')]);
      const chase = (await inboxOf(coordinator, order.orderNumber)).find((e) => e.kind === 'article72_unacknowledged');
      expect(chase!.title.ru).toContain(`Подразделение naryn-riib всё ещё не подтвердило уведомление по ст. 72 по ордеру ${order.orderNumber}`);
      const notices = await inboxOf(officer, order.orderNumber);
      expect(notices.map((e) => e.kind)).toEqual(['article72_notice', 'article72_notice']);

      await request(stack.gateway).post(`/api/v1/inbox/${notices[0].entryId}/acknowledge`).auth(officer, { type: 'bearer' }).expect(200);
      await advance(25 * 60 * MINUTE);
      await until(async () => (await escalationState(notice.eventId)).state === 'acknowledged', 'the notice escalation to end');
    });
  });

  it('tells a burst of proposals in shared transactions, and one whose centre turns out to need a send in steps, each once', async () => {
    await configure('test-burst-centre', { language: 'ky', channels: [] }).expect(200);
    // Never told before: its proposal is guessed to need only the inbox and joins a batch, which then cannot hold it.
    await configure('test-burst-mailed-centre', { language: 'en', channels: [{ channel: 'email', address: 'burst@mailed-centre.test' }] }).expect(200);
    const quiet = Array.from({ length: 15 }, () => routed('test-burst-centre'));
    const mailed = routed('test-burst-mailed-centre');
    const burst = [...quiet.slice(0, 7), mailed, ...quiet.slice(7)];
    await Promise.all(burst.map((referral) => publish('referral.routed.v1', referral)));
    await stack.awaitEvent<Event>('notification.sent.v1', (e) => e.payload.referralId === mailed.referralId && e.payload.channel === 'email');
    const referralIds: string[] = burst.map((referral) => referral.referralId);
    const told = async () => {
      const { rows } = await db.query(
        `SELECT (SELECT count(*)::int FROM notification.delivery_intent WHERE referral_id = ANY($1::uuid[])) AS intents,
                (SELECT count(*)::int FROM notification.inbox_entry WHERE referral_id = ANY($1::uuid[])) AS entries`,
        [referralIds],
      );
      return rows[0] as { intents: number; entries: number };
    };
    await until(async () => (await told()).entries === burst.length, 'every proposal in its centre’s inbox');
    expect(await told()).toEqual({ intents: burst.length, entries: burst.length });
    // The relay announces each delivery after its commit, so the stream can trail the rows just read.
    const announced = (e: Event) => referralIds.includes(e.payload.referralId as string);
    await stack.awaitEvents<Event>('notification.sent.v1', announced, burst.length + 1);
    expect(stack.eventsOn('notification.sent.v1').filter((e) => announced(e as Event))).toHaveLength(burst.length + 1);
    expect(smtp.to('burst@mailed-centre.test')).toHaveLength(1);
    expect(await deliveryLog(mailed.referralId)).toEqual([
      expect.objectContaining({ channel: 'inbox', status: 'delivered' }),
      expect.objectContaining({ channel: 'email', status: 'sent' }),
    ]);
  });

  it('keeps a burst of registrations in shared transactions, every order’s reference kept', async () => {
    // Copies of a real registration with orders of their own, all published at once.
    const real = stack.eventsOn('order.registered.v1')[0] as Event;
    const copies = Array.from({ length: 16 }, () => ({ eventId: randomUUID(), orderId: randomUUID() }));
    await Promise.all(
      copies.map(({ eventId, orderId }) =>
        jetstream(stack.nc).publish(
          `${stack.namespace}.order.registered.v1`,
          JSON.stringify({ ...real, eventId, correlationId: orderId, payload: { ...real.payload, orderId } }),
        ),
      ),
    );
    const kept = async () => {
      const { rows } = await db.query(
        `SELECT (SELECT count(*)::int FROM notification.order_reference WHERE order_id = ANY($1::uuid[]) AND order_number = $3) AS orders,
                (SELECT count(*)::int FROM notification.inbox WHERE event_id = ANY($2::uuid[])) AS handled,
                (SELECT count(DISTINCT xmin::text)::int FROM notification.inbox WHERE event_id = ANY($2::uuid[])) AS transactions`,
        [copies.map((c) => c.orderId), copies.map((c) => c.eventId), real.payload.orderNumber],
      );
      return rows[0] as { orders: number; handled: number; transactions: number };
    };
    await until(async () => (await kept()).handled === copies.length, 'every registration to be handled');
    const { orders, transactions } = await kept();
    expect(orders).toBe(copies.length);
    expect(transactions).toBeLessThan(copies.length);
  });
});

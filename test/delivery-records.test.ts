import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { EXTERNAL_CHANNELS, ExternalChannel, Language } from '@korgoo/contracts';
import { DeliveryIntent, DeliveryRecords, NewIntent } from '../apps/notification/src/delivery/delivery-records';
import { NOTIFICATION_DATABASE } from '../apps/notification/src/notification-database';
import { recipientKeyOf } from '../apps/notification/src/recipients/recipients';
import { INBOX_ENTRY, inboxOf, newIntent } from './support/delivery-intent.fixture';
import { openServiceSchema } from './support/service-schema';

type Plan = DeliveryIntent['plan'];

/** The notification service's delivery tables, read and written by its repository on real Postgres. */
describe('delivery records', () => {
  const records = new DeliveryRecords();
  let db: DataSource;
  const EMAIL: Plan = [{ channel: 'email', address: 'desk@records-centre.test' }];

  /** A centre's row as the recipients keep it; the addresses stand as given, sealing is not these tables' concern. */
  async function centreHas(centreId: string, language: Language, channels: Plan) {
    await db.query(
      `INSERT INTO notification.recipient (key, recipient_kind, centre_id, display_name, language, channels) VALUES ($1, 'centre', $2, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET language = EXCLUDED.language, channels = EXCLUDED.channels`,
      [`centre:${centreId}`, centreId, language, JSON.stringify(channels)],
    );
  }

  beforeAll(async () => {
    db = await openServiceSchema('notification', NOTIFICATION_DATABASE);
    await centreHas('records-centre', 'ky', EMAIL);
  });
  afterAll(() => db.destroy());

  const add = (tx: EntityManager, intent: NewIntent, sendable: readonly ExternalChannel[] = EXTERNAL_CHANNELS) =>
    records.addIntent(tx, intent, recipientKeyOf(intent), sendable, inboxOf(db, intent));

  async function stored(intent: NewIntent): Promise<DeliveryIntent> {
    await db.transaction((tx) => add(tx, intent));
    return records.intent(db.manager, intent.source_event_id, intent.recipient_kind);
  }

  it('keeps one intent per event and recipient, with the language and plan the recipient had first', async () => {
    await centreHas('records-moving-centre', 'ky', EMAIL);
    const first = newIntent({ centre_id: 'records-moving-centre' });
    const added = await db.transaction((tx) => add(tx, first));
    expect(added).toMatchObject({ id: expect.any(String), outcome: 'dispatching', language: 'ky', plan: EMAIL, facts: first.facts });
    // The centre changes its settings; a redelivery of the event finds the intent as its first delivery made it.
    await centreHas('records-moving-centre', 'en', []);
    expect(await db.transaction((tx) => add(tx, first))).toBeNull();
    const intent = await records.intent(db.manager, first.source_event_id, 'centre');
    expect(added).toEqual({ ...intent, delivered: true });
    // The coordinators are another recipient of the same event, with their own settings (another suite sharing
    // this database may have saved some); with no row of theirs, Russian and the inbox alone.
    const forCoordinators: NewIntent = { ...first, recipient_kind: 'coordinators', centre_id: null };
    const [theirs]: Array<{ language: Language; channels: Plan }> = await db.query(
      'SELECT language, channels FROM notification.recipient WHERE key = $1',
      [recipientKeyOf(forCoordinators)],
    );
    const coordinators = await db.transaction((tx) => add(tx, forCoordinators));
    expect(coordinators).toMatchObject(
      theirs && theirs.channels.length > 0
        ? { language: theirs.language, plan: theirs.channels, outcome: 'dispatching' }
        : { language: theirs?.language ?? 'ru', plan: [], outcome: 'inbox_only' },
    );
    expect(await records.latestPriority(db.manager, first.referral_id!)).toBe('urgent');
  });

  it('makes an intent with nothing to send beyond the inbox closed, and one closed intent cannot be closed again', async () => {
    // The centre's only channel has no provider here.
    const added = await db.transaction((tx) => add(tx, newIntent(), ['sms']));
    expect(added).toMatchObject({ outcome: 'inbox_only', plan: EMAIL });
    const [row] = await db.query(`SELECT closed_at FROM notification.delivery_intent WHERE id = $1`, [added!.id]);
    expect(row.closed_at).toBeInstanceOf(Date);
    expect(await db.transaction((tx) => records.closeIntent(tx, added!.id, 'reached'))).toBe(false);
  });

  it('makes an inbox-only intent closed as acknowledged when what it tells was acknowledged before it came', async () => {
    // The centre opened the referral before its proposal was told: the proposal closes as acknowledged, in
    // the statement that makes it. With a channel to try, the dispatcher sees the acknowledgement instead.
    const proposal = newIntent();
    await db.query(
      `INSERT INTO notification.referral_acknowledgement (referral_id, centre_id, via, acknowledged_at) VALUES ($1, $2, 'opened', now())`,
      [proposal.referral_id, proposal.centre_id],
    );
    const closed = await db.transaction((tx) => add(tx, proposal, ['sms']));
    expect(closed).toMatchObject({ outcome: 'acknowledged', delivered: true });
    const [row] = await db.query(`SELECT closed_at FROM notification.delivery_intent WHERE id = $1`, [closed!.id]);
    expect(row.closed_at).toBeInstanceOf(Date);
    const withChannel = newIntent({ referral_id: proposal.referral_id });
    expect(await db.transaction((tx) => add(tx, withChannel))).toMatchObject({ outcome: 'dispatching' });
    // Another centre's proposal of the same referral was not acknowledged.
    await centreHas('records-other-centre', 'ru', EMAIL);
    const elsewhere = newIntent({ referral_id: proposal.referral_id, centre_id: 'records-other-centre' });
    expect(await db.transaction((tx) => add(tx, elsewhere, ['sms']))).toMatchObject({ outcome: 'inbox_only' });

    // An immediate-danger alert about an order is acknowledged once a coordinator acknowledged an earlier one.
    const orderId = randomUUID();
    const alert = (): NewIntent =>
      newIntent({ recipient_kind: 'coordinators', centre_id: null, referral_id: null, order_id: orderId, kind: 'immediate_danger', facts: { orderNumber: 'A-1' } });
    const first = await db.transaction((tx) => add(tx, alert(), []));
    expect(first).toMatchObject({ outcome: 'inbox_only' });
    await db.query(
      `UPDATE notification.inbox_entry SET acknowledged_at = now(), acknowledged_by = $2
        WHERE notification_id IN (SELECT id FROM notification.notification WHERE intent_id = $1)`,
      [first!.id, randomUUID()],
    );
    expect(await db.transaction((tx) => add(tx, alert(), []))).toMatchObject({ outcome: 'acknowledged' });
  });

  it('delivers the inbox with the intent, once, and numbers each channel attempt after the last', async () => {
    const fresh = newIntent();
    const delivery = inboxOf(db, fresh);
    const added = await db.transaction((tx) => records.addIntent(tx, fresh, recipientKeyOf(fresh), EXTERNAL_CHANNELS, delivery));
    expect(added).toMatchObject({ delivered: true });
    const inbox = delivery.notificationId;
    // A redelivery of the event writes nothing: no intent, no notification, no entry, no event.
    expect(await db.transaction((tx) => add(tx, fresh))).toBeNull();
    const intent = await records.intent(db.manager, fresh.source_event_id, fresh.recipient_kind);
    const entries = await db.query('SELECT notification_id, recipient_kind, referral_number, title FROM notification.inbox_entry WHERE notification_id = $1', [inbox]);
    expect(entries).toEqual([{ notification_id: inbox, recipient_kind: intent.recipient_kind, referral_number: 'R-2026-000042', title: INBOX_ENTRY.title }]);
    // Announced once, in the statement that delivered it: the second delivery wrote no event either.
    const announced = await db.query(
      `SELECT envelope->'payload'->>'notificationId' AS id FROM notification.outbox WHERE subject = 'notification.sent.v1' AND envelope->>'correlationId' = $1`,
      [intent.order_id],
    );
    expect(announced).toEqual([{ id: inbox }]);

    const email = await records.channelNotification(db.manager, intent, 'email');
    expect(await records.channelNotification(db.manager, intent, 'email')).toBe(email);
    const first = randomUUID();
    await records.reserveAttempt(db.manager, first, email, 'email', 'smtp', new Date('2026-12-03T08:00:00Z'));
    await records.attemptFailed(db.manager, first, 'connection refused');
    const second = randomUUID();
    await records.reserveAttempt(db.manager, second, email, 'email', 'smtp', new Date('2026-12-03T08:01:00Z'));

    const history = await records.channelHistory(db.manager, intent.id);
    expect(history.notifications).toEqual([{ id: email, channel: 'email', status: 'pending' }]);
    expect(history.attempts.map((a) => [a.id, a.status])).toEqual([
      [first, 'failed'],
      [second, 'queued'],
    ]);
    expect(await records.attempt(db.manager, second)).toEqual({ notification_id: email, provider: 'smtp' });
  });

  it('records a send once, even when the result is recorded twice', async () => {
    const intent = await stored(newIntent());
    const email = await records.channelNotification(db.manager, intent, 'email');
    const attemptId = randomUUID();
    await records.reserveAttempt(db.manager, attemptId, email, 'email', 'smtp', new Date('2026-12-03T08:00:00Z'));
    const sent = { attemptId, notificationId: email, status: 'sent', providerMessageId: 'smtp-1', note: null };
    expect(await db.transaction((tx) => records.attemptSent(tx, sent))).toBe(true);
    expect(await db.transaction((tx) => records.attemptSent(tx, { ...sent, status: 'failed' }))).toBe(false);
    const { notifications, attempts } = await records.channelHistory(db.manager, intent.id);
    expect(notifications[0].status).toBe('sent');
    expect(attempts.map((a) => a.status)).toEqual(['sent']);
    // A failed attempt after the send does not undo it.
    await records.attemptFailed(db.manager, attemptId, 'late');
    expect((await records.channelHistory(db.manager, intent.id)).attempts[0].status).toBe('sent');
  });

  it('closes an intent once and skips the channels whose turn never came', async () => {
    await centreHas('records-sms-centre', 'ru', [{ channel: 'sms', address: '+996555000901' }, { channel: 'email', address: 'x@records.test' }]);
    const intent = await stored(newIntent({ centre_id: 'records-sms-centre' }));
    const sms = await records.channelNotification(db.manager, intent, 'sms');
    await records.channelGivenUp(db.manager, intent.id, 'sms');
    await records.channelNotification(db.manager, intent, 'email');
    await db.transaction(async (tx) => {
      expect(await records.closeIntent(tx, intent.id, 'acknowledged')).toBe(true);
      await records.skipPendingChannels(tx, intent.id);
    });
    expect(await db.transaction((tx) => records.closeIntent(tx, intent.id, 'reached'))).toBe(false);
    expect(await records.outcome(db.manager, intent.id)).toBe('acknowledged');
    const statuses = (await records.channelHistory(db.manager, intent.id)).notifications.map((n) => [n.id === sms ? 'sms' : n.channel, n.status]);
    expect(statuses.sort()).toEqual([
      ['email', 'skipped'],
      ['sms', 'failed'],
    ]);
  });

  it("shows a centre only its own part of a referral's delivery log", async () => {
    const referralId = randomUUID();
    const eventId = randomUUID();
    await stored(newIntent({ source_event_id: eventId, referral_id: referralId }));
    await stored(newIntent({ source_event_id: eventId, referral_id: referralId, recipient_kind: 'coordinators', centre_id: null }));

    const everyone = await records.deliveryLog(db.manager, referralId, null);
    expect(everyone.map((entry) => [entry.recipientKind, entry.channel, entry.status]).sort()).toEqual([
      ['centre', 'inbox', 'delivered'],
      ['coordinators', 'inbox', 'delivered'],
    ]);
    expect((await records.deliveryLog(db.manager, referralId, 'records-centre')).map((entry) => entry.recipientKind)).toEqual(['centre']);
    expect(await records.deliveryLog(db.manager, referralId, 'another-centre')).toEqual([]);
  });
});

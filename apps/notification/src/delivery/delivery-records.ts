import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { OutboxRowToWrite } from '@korgoo/messaging';
import { DeliveryAttemptView, ExternalChannel, InboxEntryKind, Language, RecipientKind, RoutingPriority } from '@korgoo/contracts';
import { MessageFacts, MessageKind } from '../templates/message-templates';
import { intentAcknowledged } from './acknowledgements';
import { NotificationStatus } from './delivery-policy';

export type IntentOutcome = 'dispatching' | 'reached' | 'unreachable' | 'inbox_only' | 'acknowledged';

/** One recipient's delivery of one event, with the channel plan it had when the event came. */
export interface DeliveryIntent {
  id: string;
  source_event_id: string;
  recipient_kind: RecipientKind;
  centre_id: string | null;
  unit_code: string | null;
  order_id: string;
  referral_id: string | null;
  kind: MessageKind;
  language: Language;
  facts: MessageFacts;
  /** The recipient's channels when the event came; addresses sealed as in the recipient row. */
  plan: Array<{ channel: ExternalChannel; address: string }>;
  outcome: IntentOutcome;
}

/** An intent as its event asks for it: the language and the channel plan are the recipient's, read where it is stored. */
export type NewIntent = Omit<DeliveryIntent, 'id' | 'outcome' | 'language' | 'plan'>;

export interface ChannelNotification {
  id: string;
  channel: ExternalChannel;
  status: NotificationStatus;
}

export interface AttemptRow {
  id: string;
  notification_id: string;
  status: string;
  queued_at: Date;
}

export interface DeliveryLogEntry extends DeliveryAttemptView {
  attemptNo: number;
  recipientKind: RecipientKind;
  centreId: string | null;
}

/** What an inbox entry shows beyond whom it is for: the recipient is the intent's. */
export interface InboxEntryContent {
  orderNumber: string | null;
  referralNumber: string | null;
  kind: InboxEntryKind;
  priority: string;
  title: { ky: string; ru: string; en: string };
}

/** The inbox notification an intent is made with, and the event that announces it. */
export interface InboxDelivery {
  notificationId: string;
  entry: InboxEntryContent;
  sent: OutboxRowToWrite<unknown>;
}

/** An intent to make, with the recipient whose settings it takes and the inbox delivery it is made with. */
export interface IntentToAdd {
  intent: NewIntent;
  recipientKey: string;
  inbox: InboxDelivery;
}

export interface AddedIntent extends DeliveryIntent {
  /** False only where the event's inbox notification was there before its intent (and so its entry and its event). */
  delivered: boolean;
}

/** Who a row is about, as every notification row and event names it. */
export type Addressee = Pick<DeliveryIntent, 'source_event_id' | 'order_id' | 'referral_id' | 'recipient_kind' | 'centre_id' | 'unit_code'>;

/**
 * The intent statement takes PostgreSQL longer to plan (about 1.4 ms) than to run. A plan made for the values at
 * hand always looks cheaper than the prepared statement's generic plan, which counts on a hundred rows from each
 * array of parameters, so the server would plan it anew at every execution. The transaction that runs it, which
 * ends soon after (the intents are written just before the commit), uses generic plans: one per connection.
 */
const GENERIC_PLAN_FOR_THE_TRANSACTION = 'SET LOCAL plan_cache_mode = force_generic_plan';

const INTENT_COLUMNS = 'id, source_event_id, recipient_kind, centre_id, unit_code, order_id, referral_id, kind, language, facts, plan, outcome';

/**
 * The delivery tables: intents, one notification per channel and its attempts. Reads and
 * writes only; what to send when is the dispatcher's and the delivery policy's.
 */
export class DeliveryRecords {
  /**
   * The intent as stored when this call made it, with its inbox notification delivered (one attempt), the entry
   * the recipient sees and the outbox row that announces it (`inbox.sent`, made for `inbox.notificationId`), all
   * in one statement; null, with nothing written, when the event's recipient already had one. Its language and
   * plan are the recipient's row (`recipientKey`) as this statement reads it, Russian and no channel where there
   * is none. An intent with no channel among `sendable` has nothing to do after its inbox entry and is stored
   * closed: as `acknowledged` when what it tells was acknowledged before it was made, otherwise as `inbox_only`.
   */
  async addIntent(
    tx: EntityManager,
    intent: NewIntent,
    recipientKey: string,
    sendable: readonly ExternalChannel[],
    inbox: InboxDelivery,
  ): Promise<AddedIntent | null> {
    const [added] = await this.addIntents(tx, [{ intent, recipientKey, inbox }], sendable);
    return added;
  }

  /**
   * Intents made as `addIntent` makes one, all in one statement, answered in the order given; their
   * announcements go to the outbox in that order.
   */
  async addIntents(tx: EntityManager, intents: IntentToAdd[], sendable: readonly ExternalChannel[]): Promise<Array<AddedIntent | null>> {
    const column = <T>(value: (row: IntentToAdd) => T) => intents.map(value);
    await tx.query(GENERIC_PLAN_FOR_THE_TRANSACTION);
    const rows: Array<AddedIntent & { n: string }> = await tx.query(
      `WITH given AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::text[],
                              $9::jsonb[], $10::text[], $11::uuid[], $12::uuid[], $13::uuid[], $14::text[], $15::jsonb[],
                              $16::uuid[], $17::text[], $18::text[], $19::text[], $20::text[], $21::jsonb[])
           WITH ORDINALITY AS g(id, source_event_id, recipient_kind, centre_id, unit_code, order_id, referral_id, kind,
                                facts, recipient_key, notification_id, attempt_id, sent_event_id, sent_subject, sent_envelope,
                                entry_id, order_number, referral_number, entry_kind, priority, title, n)),
       planned AS (
         SELECT g.*, coalesce(r.language, 'ru') AS language, coalesce(r.channels, '[]'::jsonb) AS plan
           FROM given g LEFT JOIN notification.recipient r ON r.key = g.recipient_key),
       decided AS (
         SELECT p.*,
                CASE WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(p.plan) c WHERE c->>'channel' = ANY($22::text[]))
                     THEN 'dispatching'
                     WHEN ${intentAcknowledged({ kind: 'p.kind', referralId: 'p.referral_id', centreId: 'p.centre_id', orderId: 'p.order_id' })}
                     THEN 'acknowledged'
                     ELSE 'inbox_only' END AS outcome
           FROM planned p),
       added AS (
         INSERT INTO notification.delivery_intent
           (id, source_event_id, recipient_kind, centre_id, unit_code, order_id, referral_id, kind, language, facts, plan, outcome, closed_at)
         SELECT id, source_event_id, recipient_kind, centre_id, unit_code, order_id, referral_id, kind, language, facts, plan, outcome,
                CASE WHEN outcome = 'dispatching' THEN NULL ELSE now() END
           FROM decided ORDER BY n
         ON CONFLICT (source_event_id, recipient_kind) DO NOTHING
         RETURNING ${INTENT_COLUMNS}),
       made AS (
         INSERT INTO notification.notification
           (id, source_event_id, order_id, referral_id, recipient_kind, centre_id, unit_code, channel, status, intent_id)
         SELECT d.notification_id, a.source_event_id, a.order_id, a.referral_id, a.recipient_kind, a.centre_id, a.unit_code, 'inbox', 'delivered', a.id
           FROM added a JOIN decided d ON d.id = a.id
         ON CONFLICT DO NOTHING RETURNING id, recipient_kind, centre_id, unit_code, referral_id),
       attempt AS (
         INSERT INTO notification.delivery_attempt (id, notification_id, attempt_no, channel, provider, status)
         SELECT d.attempt_id, m.id, 1, 'inbox', 'korgoo-inbox', 'delivered' FROM made m JOIN decided d ON d.notification_id = m.id),
       announced AS (
         INSERT INTO notification.outbox (event_id, subject, envelope)
         SELECT d.sent_event_id, d.sent_subject, d.sent_envelope FROM made m JOIN decided d ON d.notification_id = m.id ORDER BY d.n),
       entered AS (
         INSERT INTO notification.inbox_entry
           (id, notification_id, recipient_kind, centre_id, unit_code, order_number, referral_id, referral_number, kind, priority, title)
         SELECT d.entry_id, m.id, m.recipient_kind, m.centre_id, m.unit_code, d.order_number, m.referral_id, d.referral_number,
                d.entry_kind, d.priority, d.title
           FROM made m JOIN decided d ON d.notification_id = m.id)
       SELECT a.*, EXISTS (SELECT 1 FROM made WHERE made.id = d.notification_id) AS delivered, d.n
         FROM added a JOIN decided d ON d.id = a.id`,
      [
        column(() => randomUUID()),
        column(({ intent }) => intent.source_event_id),
        column(({ intent }) => intent.recipient_kind),
        column(({ intent }) => intent.centre_id),
        column(({ intent }) => intent.unit_code),
        column(({ intent }) => intent.order_id),
        column(({ intent }) => intent.referral_id),
        column(({ intent }) => intent.kind),
        column(({ intent }) => JSON.stringify(intent.facts)),
        column(({ recipientKey }) => recipientKey),
        column(({ inbox }) => inbox.notificationId),
        column(() => randomUUID()),
        column(({ inbox }) => inbox.sent.eventId),
        column(({ inbox }) => inbox.sent.subject),
        column(({ inbox }) => inbox.sent.envelopeJson),
        column(() => randomUUID()),
        column(({ inbox }) => inbox.entry.orderNumber),
        column(({ inbox }) => inbox.entry.referralNumber),
        column(({ inbox }) => inbox.entry.kind),
        column(({ inbox }) => inbox.entry.priority),
        column(({ inbox }) => JSON.stringify(inbox.entry.title)),
        sendable,
      ],
    );
    const byPosition = new Map(rows.map(({ n, ...added }) => [Number(n), added]));
    return intents.map((_, index) => byPosition.get(index + 1) ?? null);
  }

  /** The outcomes of intents made before, by the event and recipient they tell; one statement. */
  async outcomes(
    tx: EntityManager,
    about: Array<Pick<NewIntent, 'source_event_id' | 'recipient_kind'>>,
  ): Promise<Array<Pick<DeliveryIntent, 'source_event_id' | 'outcome'>>> {
    return tx.query(
      `SELECT i.source_event_id, i.outcome FROM unnest($1::uuid[], $2::text[]) AS k(source_event_id, recipient_kind)
         JOIN notification.delivery_intent i USING (source_event_id, recipient_kind)`,
      [about.map((a) => a.source_event_id), about.map((a) => a.recipient_kind)],
    );
  }

  async intent(tx: EntityManager, sourceEventId: string, recipientKind: RecipientKind): Promise<DeliveryIntent> {
    const rows: DeliveryIntent[] = await tx.query(
      `SELECT ${INTENT_COLUMNS} FROM notification.delivery_intent WHERE source_event_id = $1 AND recipient_kind = $2`,
      [sourceEventId, recipientKind],
    );
    return rows[0];
  }

  /** Whether the order was already told about in an alert of this kind, by an event other than `exceptEventId`. */
  async alertedBefore(db: EntityManager, orderId: string, kind: MessageKind, exceptEventId: string): Promise<boolean> {
    const rows: unknown[] = await db.query(
      `SELECT 1 FROM notification.delivery_intent WHERE order_id = $1 AND kind = $2 AND source_event_id <> $3 LIMIT 1`,
      [orderId, kind, exceptEventId],
    );
    return rows.length > 0;
  }

  /** Intents whose plan holds an address not sealed under the active key (`LIKE` pattern), locked, a batch at a time. */
  async plansToSeal(tx: EntityManager, currentPattern: string, limit: number): Promise<Array<Pick<DeliveryIntent, 'id' | 'recipient_kind' | 'centre_id' | 'unit_code' | 'plan'>>> {
    return tx.query(
      `SELECT id, recipient_kind, centre_id, unit_code, plan FROM notification.delivery_intent i
        WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(i.plan) p WHERE p->>'address' NOT LIKE $1)
        LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [currentPattern, limit],
    );
  }

  async replacePlan(tx: EntityManager, intentId: string, plan: DeliveryIntent['plan']): Promise<void> {
    await tx.query('UPDATE notification.delivery_intent SET plan = $2 WHERE id = $1', [intentId, JSON.stringify(plan)]);
  }

  /** The priority the referral's latest notification carried. */
  async latestPriority(tx: EntityManager, referralId: string): Promise<RoutingPriority | null> {
    const rows: Array<{ priority: RoutingPriority }> = await tx.query(
      `SELECT facts->>'priority' AS priority FROM notification.delivery_intent
        WHERE referral_id = $1 AND facts ? 'priority' ORDER BY created_at DESC LIMIT 1`,
      [referralId],
    );
    return rows[0]?.priority ?? null;
  }

  /** True when this call closed the intent; false when it was already closed. */
  async closeIntent(tx: EntityManager, intentId: string, outcome: Exclude<IntentOutcome, 'dispatching'>): Promise<boolean> {
    const [updated]: [unknown[], number] = await tx.query(
      `UPDATE notification.delivery_intent SET outcome = $2, closed_at = now()
        WHERE id = $1 AND outcome = 'dispatching' RETURNING id`,
      [intentId, outcome],
    );
    return updated.length > 0;
  }

  async outcome(tx: EntityManager, intentId: string): Promise<IntentOutcome> {
    const rows: Array<{ outcome: IntentOutcome }> = await tx.query('SELECT outcome FROM notification.delivery_intent WHERE id = $1', [intentId]);
    return rows[0].outcome;
  }

  /** The intent's notification for one external channel, created pending on its first turn; one statement. */
  async channelNotification(db: EntityManager, intent: DeliveryIntent, channel: ExternalChannel): Promise<string> {
    // A row made by an earlier run (runs of one event never overlap) is not in the insert's RETURNING: the
    // union reads it instead.
    const rows: Array<{ id: string }> = await db.query(
      `WITH made AS (
         INSERT INTO notification.notification
           (id, source_event_id, order_id, referral_id, recipient_kind, centre_id, unit_code, channel, status, intent_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9)
         ON CONFLICT DO NOTHING RETURNING id)
       SELECT id FROM made
       UNION ALL
       SELECT id FROM notification.notification WHERE source_event_id = $2 AND recipient_kind = $5 AND channel = $8`,
      [randomUUID(), ...addresseeValues(intent), channel, intent.id],
    );
    return rows[0].id;
  }

  /** The external channels' notifications of an intent and all their attempts, oldest attempt first. */
  async channelHistory(db: EntityManager, intentId: string): Promise<{ notifications: ChannelNotification[]; attempts: AttemptRow[] }> {
    const notifications: ChannelNotification[] = await db.query(
      `SELECT id, channel, status FROM notification.notification WHERE intent_id = $1 AND channel <> 'inbox'`,
      [intentId],
    );
    const attempts: AttemptRow[] = notifications.length
      ? await db.query(
          `SELECT id, notification_id, status, queued_at FROM notification.delivery_attempt
            WHERE notification_id = ANY($1::uuid[]) ORDER BY attempt_no`,
          [notifications.map((n) => n.id)],
        )
      : [];
    return { notifications, attempts };
  }

  /** An attempt reserved as `queued` before the provider is called. */
  async reserveAttempt(db: EntityManager, attemptId: string, notificationId: string, channel: ExternalChannel, provider: string, queuedAt: Date) {
    await db.query(
      `INSERT INTO notification.delivery_attempt (id, notification_id, attempt_no, channel, provider, status, queued_at)
       SELECT $1, $2, COALESCE(MAX(attempt_no), 0) + 1, $3, $4, 'queued', $5
         FROM notification.delivery_attempt WHERE notification_id = $2`,
      [attemptId, notificationId, channel, provider, queuedAt],
    );
  }

  async attempt(db: EntityManager, attemptId: string): Promise<{ notification_id: string; provider: string }> {
    const rows: Array<{ notification_id: string; provider: string }> = await db.query(
      'SELECT notification_id, provider FROM notification.delivery_attempt WHERE id = $1',
      [attemptId],
    );
    return rows[0];
  }

  async attemptFailed(db: EntityManager, attemptId: string, error: string) {
    await db.query(
      `UPDATE notification.delivery_attempt SET status = 'failed', error = $2, updated_at = now()
        WHERE id = $1 AND status = 'queued'`,
      [attemptId, error],
    );
  }

  /** Records a queued attempt's result and its notification's status; false when it was recorded before. */
  async attemptSent(
    tx: EntityManager,
    attempt: { attemptId: string; notificationId: string; status: string; providerMessageId: string | null; note: string | null },
  ): Promise<boolean> {
    const [updated]: [unknown[], number] = await tx.query(
      `UPDATE notification.delivery_attempt SET status = $2, provider_message_id = $3, error = $4, updated_at = now()
        WHERE id = $1 AND status = 'queued' RETURNING id`,
      [attempt.attemptId, attempt.status, attempt.providerMessageId, attempt.note],
    );
    if (updated.length === 0) return false;
    await tx.query(
      `UPDATE notification.notification SET status = $2, updated_at = now() WHERE id = $1 AND status = 'pending'`,
      [attempt.notificationId, attempt.status],
    );
    return true;
  }

  async channelGivenUp(db: EntityManager, intentId: string, channel: ExternalChannel) {
    await db.query(
      `UPDATE notification.notification SET status = 'failed', updated_at = now()
        WHERE intent_id = $1 AND channel = $2 AND status = 'pending'`,
      [intentId, channel],
    );
  }

  /** Every attempt about a referral, oldest first; with a centre, only the attempts that reached it. */
  async deliveryLog(db: EntityManager, referralId: string, centreId: string | null): Promise<DeliveryLogEntry[]> {
    const rows: Array<{
      id: string;
      notification_id: string;
      attempt_no: number;
      channel: string;
      provider: string;
      status: DeliveryAttemptView['status'];
      provider_message_id: string | null;
      error: string | null;
      updated_at: Date;
      recipient_kind: RecipientKind;
      centre_id: string | null;
    }> = await db.query(
      `SELECT a.id, a.notification_id, a.attempt_no, a.channel, a.provider, a.status, a.provider_message_id, a.error,
              a.updated_at, n.recipient_kind, n.centre_id
         FROM notification.delivery_attempt a JOIN notification.notification n ON n.id = a.notification_id
        WHERE n.referral_id = $1 AND ($2::text IS NULL OR (n.recipient_kind = 'centre' AND n.centre_id = $2))
        ORDER BY a.queued_at, a.attempt_no`,
      [referralId, centreId],
    );
    return rows.map((row) => ({
      attemptId: row.id,
      notificationId: row.notification_id,
      attemptNo: row.attempt_no,
      recipientKind: row.recipient_kind,
      centreId: row.centre_id,
      channel: row.channel,
      provider: row.provider,
      status: row.status,
      providerMessageId: row.provider_message_id,
      error: row.error,
      at: row.updated_at.toISOString(),
    }));
  }

  /** Channels whose turn never came. */
  async skipPendingChannels(tx: EntityManager, intentId: string) {
    await tx.query(
      `UPDATE notification.notification SET status = 'skipped', updated_at = now() WHERE intent_id = $1 AND status = 'pending'`,
      [intentId],
    );
  }
}

function addresseeValues(about: Addressee) {
  return [about.source_event_id, about.order_id, about.referral_id, about.recipient_kind, about.centre_id, about.unit_code];
}

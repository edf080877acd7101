import { randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import { EventSubjects, ExternalChannel, Language, RoutingPriority, RecipientKind } from '@korgoo/contracts';
import { Outbox } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { describeFailure, OutboundMessage, ProviderReceipt, ProviderRejected } from '../providers/channel-provider';
import { GuardedProvider, ProviderBreakers } from '../providers/provider-breakers';
import { DeliveryReceipts } from '../receipts/delivery-receipts';
import { Recipients } from '../recipients/recipients';
import { inboxTitle, MessageFacts, MessageKind, renderEmail, renderShortMessage } from '../templates/message-templates';
import { Acknowledgements } from './acknowledgements';
import {
  ChannelProgress,
  decide,
  DispatchLimits,
  FailureKind,
  mayRetryLater,
  NotificationStatus,
} from './delivery-policy';
import { IntentSpec, unreachableNotice } from './intents';

/** Asks JetStream to deliver the event again after its backoff; every step so far is already committed. */
export class RetryLater extends Error {}

type Outcome = 'dispatching' | 'reached' | 'unreachable' | 'inbox_only' | 'acknowledged';

interface IntentRow {
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
  plan: Array<{ channel: ExternalChannel; address: string }>;
  outcome: Outcome;
}

export interface DispatcherDeps {
  /**
   * A pool of its own: every step commits on its own connection while the consumer's transaction holds
   * another, and sharing one pool would let busy consumers wait on each other for ever.
   */
  db: DataSource;
  outbox: Outbox;
  providers: ProviderBreakers;
  recipients: Recipients;
  receipts: DeliveryReceipts;
  acknowledgements: Acknowledgements;
  limits: DispatchLimits;
  /** The service's time: when an attempt was queued and when it counts as in doubt read the same clock. */
  clock: Clock;
  maxDeliver: number;
  log: Logger;
  attempts: Counter<'channel' | 'provider' | 'status'>;
}

const IN_DOUBT_NOTE = 'interrupted during send; outcome unknown, not resent';

/**
 * Tells one recipient about one referral event: the inbox entry at once, then the recipient's channels in
 * order until one gets through. Each step commits on its own before the next, so whatever stops the process,
 * the next delivery of the event resumes from the last recorded step:
 * - the notification row is unique per (event, recipient, channel);
 * - an attempt is reserved as `queued` and committed before the provider is called, and the result is
 *   recorded after; a `queued` attempt found later is a send in doubt and is settled without a blind resend
 *   (the same idempotency key where the provider dedupes on it, otherwise recorded as sent, not resent).
 */
export class NotificationDispatcher {
  constructor(private readonly deps: DispatcherDeps) {}

  /**
   * Every recipient of one event; one delivery of the event counts once against its retries. A recipient
   * waiting for a retry does not hold back the next one: the retry is asked for after all were tried.
   */
  async handle(...specs: IntentSpec[]): Promise<void> {
    if (specs.length === 0) return;
    const retry = mayRetryLater(await this.countRun(specs[0].sourceEventId), this.deps.maxDeliver);
    let later: RetryLater | null = null;
    for (const spec of specs) {
      try {
        await this.tell(spec, retry);
      } catch (error) {
        if (!(error instanceof RetryLater)) throw error;
        later = error;
      }
    }
    if (later) throw later;
  }

  private async tell(spec: IntentSpec, retry: boolean): Promise<void> {
    const intent = await this.ensureIntent(spec);
    const outcome = await this.dispatch(intent, retry);
    if (outcome !== 'unreachable') return;
    const notice = unreachableNotice({
      sourceEventId: intent.source_event_id,
      orderId: intent.order_id,
      referralId: intent.referral_id,
      recipientKind: intent.recipient_kind,
      centreId: intent.centre_id,
      unitCode: intent.unit_code,
      facts: intent.facts,
    });
    if (notice) await this.dispatch(await this.ensureIntent(notice), retry);
  }

  /** One committed step; the relay is woken to publish what it enqueued. */
  private async transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.deps.db.transaction(work);
    this.deps.outbox.committed();
    return result;
  }

  private async countRun(sourceEventId: string): Promise<number> {
    const rows: Array<{ runs: number }> = await this.deps.db.query(
      `INSERT INTO notification.event_dispatch (source_event_id, runs) VALUES ($1, 1)
       ON CONFLICT (source_event_id) DO UPDATE SET runs = notification.event_dispatch.runs + 1, last_run_at = now()
       RETURNING runs`,
      [sourceEventId],
    );
    return rows[0].runs;
  }

  /** The intent with its channel plan as the recipient had it when the event came, and its inbox entry. */
  private async ensureIntent(spec: IntentSpec): Promise<IntentRow> {
    return this.transaction(async (tx) => {
      const recipient = await this.deps.recipients.find(tx, spec);
      const prior = spec.referralId === null ? null : await this.priorPriority(tx, spec.referralId);
      const priority = spec.priority ?? prior ?? 'standard';
      const facts: MessageFacts = { ...spec.facts, priority: spec.facts.priority ?? priority };
      if (spec.aboutCentreId) {
        const about = await this.deps.recipients.find(tx, { recipientKind: 'centre', centreId: spec.aboutCentreId, unitCode: null });
        facts.centreName = about?.display_name ?? spec.aboutCentreId;
      }
      const intentId = randomUUID();
      const inserted: unknown[] = await tx.query(
        `INSERT INTO notification.delivery_intent
           (id, source_event_id, recipient_kind, centre_id, unit_code, order_id, referral_id, kind, language, facts, plan)
         VALUES ($1, $2, $3, $4, $11, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (source_event_id, recipient_kind) DO NOTHING RETURNING id`,
        [
          intentId,
          spec.sourceEventId,
          spec.recipientKind,
          spec.centreId,
          spec.orderId,
          spec.referralId,
          spec.kind,
          recipient?.language ?? 'ru',
          JSON.stringify(facts),
          JSON.stringify(recipient?.channels ?? []),
          spec.unitCode,
        ],
      );
      if (inserted.length > 0) {
        await this.deliverToInbox(tx, intentId, spec, facts, priority);
        if (!recipient?.channels.length && spec.recipientKind !== 'coordinators') {
          this.deps.log.warn(
            { recipientKind: spec.recipientKind, centreId: spec.centreId, unitCode: spec.unitCode, referralId: spec.referralId },
            'recipient has no channel beyond the inbox',
          );
        }
      }
      const rows: IntentRow[] = await tx.query(
        `SELECT id, source_event_id, recipient_kind, centre_id, unit_code, order_id, referral_id, kind, language, facts, plan, outcome
           FROM notification.delivery_intent WHERE source_event_id = $1 AND recipient_kind = $2`,
        [spec.sourceEventId, spec.recipientKind],
      );
      return rows[0];
    });
  }

  private async priorPriority(tx: EntityManager, referralId: string): Promise<RoutingPriority | null> {
    const rows: Array<{ priority: RoutingPriority }> = await tx.query(
      `SELECT facts->>'priority' AS priority FROM notification.delivery_intent
        WHERE referral_id = $1 AND facts ? 'priority' ORDER BY created_at DESC LIMIT 1`,
      [referralId],
    );
    return rows[0]?.priority ?? null;
  }

  /** The inbox is always delivered, in the transaction that creates the intent. */
  private async deliverToInbox(tx: EntityManager, intentId: string, spec: IntentSpec, facts: MessageFacts, priority: string) {
    const notificationId = randomUUID();
    const inserted: unknown[] = await tx.query(
      `INSERT INTO notification.notification
         (id, source_event_id, order_id, referral_id, recipient_kind, centre_id, unit_code, channel, status, intent_id)
       VALUES ($1, $2, $3, $4, $5, $6, $8, 'inbox', 'delivered', $7)
       ON CONFLICT DO NOTHING RETURNING id`,
      [notificationId, spec.sourceEventId, spec.orderId, spec.referralId, spec.recipientKind, spec.centreId, intentId, spec.unitCode],
    );
    if (inserted.length === 0) return;
    await tx.query(
      `INSERT INTO notification.inbox_entry
         (id, notification_id, recipient_kind, centre_id, unit_code, order_number, referral_id, referral_number, kind, priority, title)
       VALUES ($1, $2, $3, $4, $10, $11, $5, $6, $7, $8, $9)`,
      [
        randomUUID(),
        notificationId,
        spec.recipientKind,
        spec.centreId,
        spec.referralId,
        facts.referralNumber ?? null,
        spec.kind,
        priority,
        JSON.stringify(inboxTitle(spec.kind, facts)),
        spec.unitCode,
        facts.orderNumber ?? null,
      ],
    );
    await tx.query(
      `INSERT INTO notification.delivery_attempt (id, notification_id, attempt_no, channel, provider, status)
       VALUES ($1, $2, 1, 'inbox', 'korgoo-inbox', 'delivered')`,
      [randomUUID(), notificationId],
    );
    this.deps.attempts.inc({ channel: 'inbox', provider: 'korgoo-inbox', status: 'delivered' });
    await this.deps.outbox.enqueue(tx, EventSubjects.NotificationSent, spec.orderId, {
      notificationId,
      orderId: spec.orderId,
      referralId: spec.referralId ?? undefined,
      sourceEventId: spec.sourceEventId,
      recipientKind: spec.recipientKind,
      centreId: spec.centreId ?? undefined,
      unitCode: spec.unitCode ?? undefined,
      channel: 'inbox',
    });
  }

  private async dispatch(intent: IntentRow, retry: boolean): Promise<Outcome> {
    const failedThisRun = new Map<ExternalChannel, FailureKind>();
    // Each step records progress, so the loop ends within a few steps per channel; the bound guards a bug.
    for (let step = 0; step < 100; step++) {
      if (intent.outcome !== 'dispatching') return intent.outcome;
      const state = await this.progress(intent, failedThisRun, retry);
      const decision = decide(state, this.deps.clock.now(), this.deps.limits);
      switch (decision.kind) {
        case 'close':
          intent.outcome = await this.close(intent, decision.outcome);
          break;
        case 'unreachable':
          intent.outcome = await this.closeUnreachable(intent, decision.attempted);
          break;
        case 'send':
          remember(failedThisRun, decision.channel, await this.send(intent, decision.channel));
          break;
        case 'settle_in_doubt':
          if (decision.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.waitMs));
          remember(failedThisRun, decision.channel, await this.settle(intent, decision.channel, decision.attemptId));
          break;
        case 'retry_later':
          throw new RetryLater(`notification intent ${intent.id}: ${decision.channel} is retried on the next delivery`);
        case 'give_up':
          await this.giveUp(intent, decision.channel, decision.reason);
          break;
      }
    }
    throw new Error(`notification intent ${intent.id} made no progress`);
  }

  private async progress(intent: IntentRow, failedThisRun: Map<ExternalChannel, FailureKind>, retry: boolean) {
    const db = this.deps.db.manager;
    const notifications: Array<{ id: string; channel: ExternalChannel; status: NotificationStatus }> = await db.query(
      `SELECT id, channel, status FROM notification.notification WHERE intent_id = $1 AND channel <> 'inbox'`,
      [intent.id],
    );
    const attempts: Array<{ id: string; notification_id: string; status: string; queued_at: Date }> = notifications.length
      ? await db.query(
          `SELECT id, notification_id, status, queued_at FROM notification.delivery_attempt
            WHERE notification_id = ANY($1::uuid[]) ORDER BY attempt_no`,
          [notifications.map((n) => n.id)],
        )
      : [];
    const channels: ChannelProgress[] = intent.plan.map(({ channel }) => {
      const notification = notifications.find((n) => n.channel === channel);
      const own = attempts.filter((a) => a.notification_id === notification?.id);
      const queued = own.find((a) => a.status === 'queued');
      return {
        channel,
        available: this.deps.providers.for(channel) !== undefined || notification !== undefined,
        status: notification?.status ?? null,
        failures: own.filter((a) => a.status === 'failed').length,
        inDoubt: queued ? { attemptId: queued.id, queuedAt: queued.queued_at } : null,
        failedThisRun: failedThisRun.get(channel) ?? null,
      };
    });
    // Acknowledging a proposal or a notice stops its reminders; a later cancellation must still get through.
    let acknowledged = false;
    if (intent.kind === 'referral_routed' && intent.referral_id !== null && intent.centre_id !== null) {
      acknowledged = await this.deps.acknowledgements.isAcknowledged(db, intent.referral_id, intent.centre_id);
    } else if (intent.kind === 'article72_notice') {
      acknowledged = await this.deps.acknowledgements.isNoticeAcknowledged(db, intent.id);
    }
    return { acknowledged, channels, mayRetryLater: retry };
  }

  private render(intent: IntentRow, channel: ExternalChannel, notificationId: string): OutboundMessage {
    const address = intent.plan.find((entry) => entry.channel === channel)!.address;
    if (channel === 'email') {
      const email = renderEmail(intent.kind, intent.language, intent.facts);
      return { idempotencyKey: notificationId, address, subject: email.subject, text: email.text };
    }
    return { idempotencyKey: notificationId, address, text: renderShortMessage(intent.kind, intent.language, intent.facts) };
  }

  /** Reserve, send, record: three steps, each committed before the next begins. */
  private async send(intent: IntentRow, channel: ExternalChannel): Promise<FailureKind | null> {
    const guarded = this.deps.providers.for(channel);
    if (!guarded) return 'rejected';
    const notificationId = await this.notificationFor(intent, channel);
    // Rendered before the reservation: a message that cannot be written never leaves an attempt in doubt.
    const message = this.render(intent, channel, notificationId);
    const attemptId = randomUUID();
    await this.deps.db.query(
      `INSERT INTO notification.delivery_attempt (id, notification_id, attempt_no, channel, provider, status, queued_at)
       SELECT $1, $2, COALESCE(MAX(attempt_no), 0) + 1, $3, $4, 'queued', $5
         FROM notification.delivery_attempt WHERE notification_id = $2`,
      [attemptId, notificationId, channel, guarded.provider.name, this.deps.clock.now()],
    );
    this.deps.attempts.inc({ channel, provider: guarded.provider.name, status: 'queued' });
    return this.deliver(intent, channel, guarded, message, attemptId);
  }

  private async notificationFor(intent: IntentRow, channel: ExternalChannel): Promise<string> {
    await this.deps.db.query(
      `INSERT INTO notification.notification
         (id, source_event_id, order_id, referral_id, recipient_kind, centre_id, unit_code, channel, status, intent_id)
       VALUES ($1, $2, $3, $4, $5, $6, $9, $7, 'pending', $8)
       ON CONFLICT DO NOTHING`,
      [randomUUID(), intent.source_event_id, intent.order_id, intent.referral_id, intent.recipient_kind, intent.centre_id, channel, intent.id, intent.unit_code],
    );
    const rows: Array<{ id: string }> = await this.deps.db.query(
      `SELECT id FROM notification.notification WHERE source_event_id = $1 AND recipient_kind = $2 AND channel = $3`,
      [intent.source_event_id, intent.recipient_kind, channel],
    );
    return rows[0].id;
  }

  private async deliver(
    intent: IntentRow,
    channel: ExternalChannel,
    guarded: GuardedProvider,
    message: OutboundMessage,
    attemptId: string,
  ): Promise<FailureKind | null> {
    let receipt: ProviderReceipt;
    try {
      receipt = await guarded.send(message);
    } catch (error) {
      const failure = classify(error, guarded);
      await this.deps.db.query(
        `UPDATE notification.delivery_attempt SET status = 'failed', error = $2, updated_at = now()
          WHERE id = $1 AND status = 'queued'`,
        [attemptId, describeFailure(error)],
      );
      this.deps.attempts.inc({ channel, provider: guarded.provider.name, status: 'failed' });
      this.deps.log.warn(
        { intentId: intent.id, referralId: intent.referral_id, channel, provider: guarded.provider.name, failure, err: describeFailure(error) },
        'notification attempt failed',
      );
      return failure;
    }
    await this.recordSent(intent, channel, guarded.provider.name, message.idempotencyKey, attemptId, receipt, null);
    return null;
  }

  private async recordSent(
    intent: IntentRow,
    channel: ExternalChannel,
    provider: string,
    notificationId: string,
    attemptId: string,
    receipt: ProviderReceipt,
    note: string | null,
  ): Promise<void> {
    await this.transaction(async (tx) => {
      const [updated]: [unknown[], number] = await tx.query(
        `UPDATE notification.delivery_attempt SET status = $2, provider_message_id = $3, error = $4, updated_at = now()
          WHERE id = $1 AND status = 'queued' RETURNING id`,
        [attemptId, receipt.status, receipt.providerMessageId, note],
      );
      if (updated.length === 0) return;
      await tx.query(
        `UPDATE notification.notification SET status = $2, updated_at = now() WHERE id = $1 AND status = 'pending'`,
        [notificationId, receipt.status],
      );
      await this.deps.outbox.enqueue(tx, EventSubjects.NotificationSent, intent.order_id, {
        notificationId,
        orderId: intent.order_id,
        referralId: intent.referral_id ?? undefined,
        sourceEventId: intent.source_event_id,
        recipientKind: intent.recipient_kind,
        centreId: intent.centre_id ?? undefined,
        unitCode: intent.unit_code ?? undefined,
        channel,
      });
      await this.deps.receipts.applyPending(tx, provider, receipt.providerMessageId);
    });
    this.deps.attempts.inc({ channel, provider, status: receipt.status });
  }

  /**
   * A send the process did not live to record. Runs of one event are serialised by the consumer's inbox row,
   * so the attempt was left by a process that stopped; waiting out the provider timeout first also covers one
   * that only lost its database. Where the provider dedupes on the key the send is repeated with the same key;
   * otherwise it is taken as sent and not repeated: a missing message is caught by the centre's
   * acknowledgement deadline, a duplicate could not be taken back.
   */
  private async settle(intent: IntentRow, channel: ExternalChannel, attemptId: string): Promise<FailureKind | null> {
    const rows: Array<{ notification_id: string; provider: string }> = await this.deps.db.query(
      'SELECT notification_id, provider FROM notification.delivery_attempt WHERE id = $1',
      [attemptId],
    );
    const { notification_id: notificationId, provider } = rows[0];
    const guarded = this.deps.providers.for(channel);
    if (guarded && guarded.provider.name === provider && guarded.provider.idempotent) {
      this.deps.log.info({ intentId: intent.id, channel, attemptId }, 'repeating a send in doubt with its idempotency key');
      return this.deliver(intent, channel, guarded, this.render(intent, channel, notificationId), attemptId);
    }
    this.deps.log.warn({ intentId: intent.id, channel, attemptId }, 'send in doubt recorded as sent, not repeated');
    await this.recordSent(intent, channel, provider, notificationId, attemptId, { providerMessageId: null, status: 'sent' }, IN_DOUBT_NOTE);
    return null;
  }

  private async giveUp(intent: IntentRow, channel: ExternalChannel, reason: string): Promise<void> {
    await this.deps.db.query(
      `UPDATE notification.notification SET status = 'failed', updated_at = now()
        WHERE intent_id = $1 AND channel = $2 AND status = 'pending'`,
      [intent.id, channel],
    );
    this.deps.log.info({ intentId: intent.id, referralId: intent.referral_id, channel, reason }, 'channel given up; failing over');
  }

  private async close(intent: IntentRow, outcome: 'reached' | 'inbox_only' | 'acknowledged'): Promise<Outcome> {
    return this.transaction(async (tx) => {
      const [updated]: [Array<{ outcome: Outcome }>, number] = await tx.query(
        `UPDATE notification.delivery_intent SET outcome = $2, closed_at = now()
          WHERE id = $1 AND outcome = 'dispatching' RETURNING outcome`,
        [intent.id, outcome],
      );
      if (outcome === 'acknowledged') {
        // Channels whose turn never came are not needed any more.
        await tx.query(
          `UPDATE notification.notification SET status = 'skipped', updated_at = now()
            WHERE intent_id = $1 AND status = 'pending'`,
          [intent.id],
        );
      }
      return updated[0]?.outcome ?? (await this.currentOutcome(tx, intent.id));
    });
  }

  private async closeUnreachable(intent: IntentRow, attempted: ExternalChannel[]): Promise<Outcome> {
    const outcome = await this.transaction(async (tx) => {
      const [updated]: [unknown[], number] = await tx.query(
        `UPDATE notification.delivery_intent SET outcome = 'unreachable', closed_at = now()
          WHERE id = $1 AND outcome = 'dispatching' RETURNING id`,
        [intent.id],
      );
      if (updated.length === 0) return this.currentOutcome(tx, intent.id);
      await this.deps.outbox.enqueue(tx, EventSubjects.NotificationFailed, intent.order_id, {
        orderId: intent.order_id,
        referralId: intent.referral_id ?? undefined,
        sourceEventId: intent.source_event_id,
        recipientKind: intent.recipient_kind,
        centreId: intent.centre_id ?? undefined,
        unitCode: intent.unit_code ?? undefined,
        attemptedChannels: attempted,
      });
      return 'unreachable' as const;
    });
    this.deps.log.warn(
      { intentId: intent.id, referralId: intent.referral_id, recipientKind: intent.recipient_kind, centreId: intent.centre_id, attempted },
      'recipient could not be reached through any channel',
    );
    return outcome;
  }

  private async currentOutcome(tx: EntityManager, intentId: string): Promise<Outcome> {
    const rows: Array<{ outcome: Outcome }> = await tx.query('SELECT outcome FROM notification.delivery_intent WHERE id = $1', [intentId]);
    return rows[0].outcome;
  }
}

function remember(failures: Map<ExternalChannel, FailureKind>, channel: ExternalChannel, failure: FailureKind | null) {
  if (failure) failures.set(channel, failure);
  else failures.delete(channel);
}

function classify(error: unknown, guarded: GuardedProvider): FailureKind {
  if ((error as { code?: string })?.code === 'EOPENBREAKER') return 'breaker_open';
  if (error instanceof ProviderRejected) return 'rejected';
  // This very failure may have tripped the breaker: retrying now would only be refused.
  return guarded.state === 'open' ? 'breaker_open' : 'transient';
}

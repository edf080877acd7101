import { randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import { Counter } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import { EventSubjects, ExternalChannel, NotificationSentV1 } from '@korgoo/contracts';
import { Delivery, GatheredWrite, Outbox } from '@korgoo/messaging';
import { Clock } from '@korgoo/platform/core';
import { describeFailure, OutboundMessage, ProviderReceipt, ProviderRejected } from '../providers/channel-provider';
import { GuardedProvider, ProviderBreakers } from '../providers/provider-breakers';
import { DeliveryReceipts } from '../receipts/delivery-receipts';
import { ContactAddresses } from '../recipients/contact-addresses';
import { recipientKey, recipientKeyOf, Recipients } from '../recipients/recipients';
import { inboxTitle, MessageFacts, renderEmail, renderShortMessage } from '../templates/message-templates';
import { Acknowledgements } from './acknowledgements';
import { BoundedMemory } from './bounded-memory';
import { AddedIntent, Addressee, DeliveryIntent, DeliveryRecords, IntentOutcome, IntentToAdd } from './delivery-records';
import { ChannelProgress, decide, DispatchLimits, DispatchState, FailureKind, mayRetryLater } from './delivery-policy';
import { IntentSpec, unreachableNotice } from './intents';
import { RecipientsSeen } from './recipients-seen';

/** Asks JetStream to deliver the event again after its backoff; every step so far is already committed. */
export class RetryLater extends Error {}

/**
 * An intent made in the event's transaction needs a send after all: that transaction is rolled back and the
 * event handled again at once (the consumer's `lostRace`), its intents made in steps.
 */
export class IntentNeedsSteps extends Error {}

export const needsSteps = (error: unknown): boolean => error instanceof IntentNeedsSteps;

/** The event being told: its consumer's transaction, which holds its inbox row, and which delivery of it this is. */
export interface EventRun {
  tx: EntityManager;
  delivery: Delivery;
}

export interface DispatchDeps {
  /**
   * A pool of its own: every step commits on its own connection while the consumer's transaction holds
   * another, and sharing one pool would let busy consumers wait on each other for ever.
   */
  db: DataSource;
  records: DeliveryRecords;
  outbox: Outbox;
  providers: ProviderBreakers;
  recipients: Recipients;
  addresses: ContactAddresses;
  receipts: DeliveryReceipts;
  acknowledgements: Acknowledgements;
  limits: DispatchLimits;
  /** The service's time: when an attempt was queued and when it counts as in doubt read the same clock. */
  clock: Clock;
  maxDeliver: number;
  /** Which recipients last needed a send: where an event's intents are made first. */
  seen: RecipientsSeen;
  log: Logger;
  attempts: Counter<'channel' | 'provider' | 'status'>;
}

/** Far more events than a consumer has in hand at once. */
const IN_STEPS_AT_MOST = 10_000;

const IN_DOUBT_NOTE = 'interrupted during send; outcome unknown, not resent';

/**
 * Tells the recipients of one event: the inbox entry at once, then each recipient's channels in order until
 * one gets through. Each step commits on its own before the next, so whatever stops the process, the next
 * delivery of the event resumes from the last recorded step:
 * - the notification row is unique per (event, recipient, channel);
 * - an attempt is reserved as `queued` and committed before the provider is called, and the result is
 *   recorded after; a `queued` attempt found later is a send in doubt and is settled without a blind resend
 *   (the same idempotency key where the provider dedupes on it, otherwise recorded as sent, not resent).
 */
export class DispatchNotification {
  /**
   * Events found, in their own transaction, to need a send: handled again at once, in steps. An event whose
   * next delivery goes to another replica is never removed here, so the oldest are let go past a bound; one let
   * go early only costs a rolled-back try in the event's transaction.
   */
  private readonly inSteps = new BoundedMemory<true>(IN_STEPS_AT_MOST);

  constructor(private readonly deps: DispatchDeps) {}

  /**
   * Intents whose recipients need no send are the whole delivery: made in the event's transaction, they commit
   * with its inbox row or not at all (a batch's transaction included). Otherwise each step commits apart. One delivery of the event counts once
   * against its retries. A recipient waiting for a retry does not hold back the next one: the retry is asked
   * for after all were tried.
   */
  async execute(run: EventRun, ...specs: IntentSpec[]): Promise<void> {
    if (specs.length === 0) return;
    const eventId = specs[0].sourceEventId;
    if (!this.inStepsLikely(specs)) {
      for (const spec of specs) run.delivery.gather(this.inTransaction, await this.prepare(run.tx, spec));
      return;
    }
    if (run.delivery.shared) {
      // Steps commit apart, which a batch's transaction may not: the batch is handled again event by event.
      this.inSteps.set(eventId, true);
      throw new IntentNeedsSteps(`event ${eventId} needs sends: told outside its batch`);
    }
    this.inSteps.delete(eventId);
    const retry = mayRetryLater(run.delivery.deliveries, this.deps.maxDeliver);
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

  /**
   * Whether telling these intents will need steps, as far as is known before trying: the event needed them
   * before, or a recipient's last intent needed a send. A recipient never seen is guessed to need none.
   */
  inStepsLikely(specs: IntentSpec[]): boolean {
    if (specs.length === 0) return false;
    return this.inSteps.has(specs[0].sourceEventId) || specs.some((spec) => this.deps.seen.mayNeedSends(recipientKey(spec)));
  }

  private async tell(spec: IntentSpec, retry: boolean): Promise<void> {
    const intent = await this.ensureIntent(spec);
    if ((await this.dispatch(intent, retry)) !== 'unreachable') return;
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

  /** One committed step; the relay is woken when it enqueued something to publish. */
  private transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.deps.outbox.transaction(work, this.deps.db);
  }

  /**
   * The intents of a transaction's events, a batch's or one event's, made together just before it commits. One
   * that needs a send after all, or whose first delivery found it needed one, rolls the transaction back: its event
   * is handled again at once, in steps (alone, where it came in a batch).
   */
  private readonly inTransaction: GatheredWrite<IntentToAdd> = {
    write: async (tx, intents) => {
      const { records } = this.deps;
      const added = await records.addIntents(tx, intents, this.deps.providers.channels());
      added.forEach((intent, index) => intent && this.wasAdded(tx, intents[index].recipientKey, intent));
      // A redelivery finds the intent its first delivery made, with the plan the recipient had then.
      const before = intents.filter((_, index) => !added[index]).map(({ intent }) => intent);
      const made = [...added.filter((intent) => intent !== null), ...(before.length ? await records.outcomes(tx, before) : [])];
      const needing = made.filter((intent) => intent.outcome === 'dispatching').map((intent) => intent.source_event_id);
      if (needing.length === 0) return;
      for (const eventId of needing) this.inSteps.set(eventId, true);
      throw new IntentNeedsSteps(`${needing.length} notification intent(s) need a send: made again in steps`);
    },
  };

  /** The intent made in a step of its own, committed before any send. */
  private ensureIntent(spec: IntentSpec): Promise<DeliveryIntent> {
    return this.transaction(async (tx) => {
      const { intent, recipientKey, inbox } = await this.prepare(tx, spec);
      const added = await this.deps.records.addIntent(tx, intent, recipientKey, this.deps.providers.channels(), inbox);
      if (added) this.wasAdded(tx, recipientKey, added);
      return added ?? (await this.deps.records.intent(tx, spec.sourceEventId, spec.recipientKind));
    });
  }

  /**
   * The intent to make for a recipient, with its inbox delivery: the facts completed from what this service
   * knows (the referral's earlier priority, the name of the centre an alert is about).
   */
  private async prepare(tx: EntityManager, spec: IntentSpec): Promise<IntentToAdd> {
    const { records } = this.deps;
    // An event without a priority of its own takes the one its referral's last notification carried.
    const prior = spec.priority === null && spec.referralId !== null ? await records.latestPriority(tx, spec.referralId) : null;
    const priority = spec.priority ?? prior ?? 'standard';
    const facts: MessageFacts = { ...spec.facts, priority: spec.facts.priority ?? priority };
    if (spec.aboutCentreId) {
      const about = await this.deps.recipients.find(tx, { recipientKind: 'centre', centreId: spec.aboutCentreId, unitCode: null });
      facts.centreName = about?.display_name ?? spec.aboutCentreId;
    }
    const intent = {
      source_event_id: spec.sourceEventId,
      recipient_kind: spec.recipientKind,
      centre_id: spec.centreId,
      unit_code: spec.unitCode,
      order_id: spec.orderId,
      referral_id: spec.referralId,
      kind: spec.kind,
      facts,
    };
    // No channel of the recipient's has a provider here: the inbox is all there is, and the intent is made
    // closed, as `decide` would close it, instead of in a step (and a commit) of its own. The inbox is always
    // delivered, in the statement that makes the intent, and announced with it.
    const notificationId = randomUUID();
    const inbox = {
      notificationId,
      entry: {
        orderNumber: facts.orderNumber ?? null,
        referralNumber: facts.referralNumber ?? null,
        kind: intent.kind,
        priority,
        title: inboxTitle(intent.kind, facts),
      },
      sent: this.deps.outbox.row(EventSubjects.NotificationSent, intent.order_id, sentPayload(intent, notificationId, 'inbox')),
    };
    return { intent, recipientKey: recipientKey(spec), inbox };
  }

  /** What follows an intent this service has just made: whether its recipient needs sends, and its inbox delivery counted. */
  private wasAdded(tx: EntityManager, key: string, added: AddedIntent): void {
    this.deps.seen.seen(key, added.outcome === 'dispatching');
    if (added.delivered) {
      this.deps.outbox.wroteIn(tx);
      this.deps.attempts.inc({ channel: 'inbox', provider: 'korgoo-inbox', status: 'delivered' });
    }
    if (added.plan.length === 0 && added.recipient_kind !== 'coordinators') {
      this.deps.log.warn(
        { recipientKind: added.recipient_kind, centreId: added.centre_id, unitCode: added.unit_code, referralId: added.referral_id },
        'recipient has no channel beyond the inbox',
      );
    }
  }

  private async announceSent(tx: EntityManager, intent: DeliveryIntent, notificationId: string, channel: ExternalChannel) {
    await this.deps.outbox.enqueue(tx, EventSubjects.NotificationSent, intent.order_id, sentPayload(intent, notificationId, channel));
  }

  private async dispatch(intent: DeliveryIntent, retry: boolean): Promise<IntentOutcome> {
    const failedThisRun = new Map<ExternalChannel, FailureKind>();
    // Each step records progress, so the loop ends within a few steps per channel; the bound guards a bug.
    for (let step = 0; step < 100; step++) {
      if (intent.outcome !== 'dispatching') return intent.outcome;
      const decision = decide(await this.progress(intent, failedThisRun, retry), this.deps.clock.now(), this.deps.limits);
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
          await this.deps.records.channelGivenUp(this.deps.db.manager, intent.id, decision.channel);
          this.deps.log.info({ intentId: intent.id, referralId: intent.referral_id, channel: decision.channel, reason: decision.reason }, 'channel given up; failing over');
          break;
      }
    }
    throw new Error(`notification intent ${intent.id} made no progress`);
  }

  private async progress(intent: DeliveryIntent, failedThisRun: Map<ExternalChannel, FailureKind>, retry: boolean): Promise<DispatchState> {
    const db = this.deps.db.manager;
    const { notifications, attempts } = await this.deps.records.channelHistory(db, intent.id);
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
    return { acknowledged: await this.deps.acknowledgements.isIntentAcknowledged(db, intent), channels, mayRetryLater: retry };
  }

  /** Reserve, send, record: three steps, each committed before the next begins. */
  private async send(intent: DeliveryIntent, channel: ExternalChannel): Promise<FailureKind | null> {
    const guarded = this.deps.providers.for(channel);
    if (!guarded) return 'rejected';
    const db = this.deps.db.manager;
    const notificationId = await this.deps.records.channelNotification(db, intent, channel);
    // Rendered before the reservation: a message that cannot be written never leaves an attempt in doubt.
    const message = this.message(intent, channel, notificationId);
    const attemptId = randomUUID();
    await this.deps.records.reserveAttempt(db, attemptId, notificationId, channel, guarded.provider.name, this.deps.clock.now());
    this.deps.attempts.inc({ channel, provider: guarded.provider.name, status: 'queued' });
    return this.deliver(intent, channel, guarded, message, attemptId);
  }

  private async deliver(
    intent: DeliveryIntent,
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
      await this.deps.records.attemptFailed(this.deps.db.manager, attemptId, describeFailure(error));
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
    intent: DeliveryIntent,
    channel: ExternalChannel,
    provider: string,
    notificationId: string,
    attemptId: string,
    receipt: ProviderReceipt,
    note: string | null,
  ): Promise<void> {
    await this.transaction(async (tx) => {
      const attempt = { attemptId, notificationId, status: receipt.status, providerMessageId: receipt.providerMessageId, note };
      if (!(await this.deps.records.attemptSent(tx, attempt))) return;
      await this.announceSent(tx, intent, notificationId, channel);
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
  private async settle(intent: DeliveryIntent, channel: ExternalChannel, attemptId: string): Promise<FailureKind | null> {
    const { notification_id: notificationId, provider } = await this.deps.records.attempt(this.deps.db.manager, attemptId);
    const guarded = this.deps.providers.for(channel);
    if (guarded && guarded.provider.name === provider && guarded.provider.idempotent) {
      this.deps.log.info({ intentId: intent.id, channel, attemptId }, 'repeating a send in doubt with its idempotency key');
      return this.deliver(intent, channel, guarded, this.message(intent, channel, notificationId), attemptId);
    }
    this.deps.log.warn({ intentId: intent.id, channel, attemptId }, 'send in doubt recorded as sent, not repeated');
    await this.recordSent(intent, channel, provider, notificationId, attemptId, { providerMessageId: null, status: 'sent' }, IN_DOUBT_NOTE);
    return null;
  }

  private async close(intent: DeliveryIntent, outcome: 'reached' | 'inbox_only' | 'acknowledged'): Promise<IntentOutcome> {
    return this.transaction(async (tx) => {
      const closed = await this.deps.records.closeIntent(tx, intent.id, outcome);
      // Channels whose turn never came are not needed any more.
      if (outcome === 'acknowledged') await this.deps.records.skipPendingChannels(tx, intent.id);
      return closed ? outcome : this.deps.records.outcome(tx, intent.id);
    });
  }

  /** The message for one channel, its address opened only now, for the provider. */
  private message(intent: DeliveryIntent, channel: ExternalChannel, notificationId: string): OutboundMessage {
    const sealed = intent.plan.find((entry) => entry.channel === channel)!.address;
    return outboundMessage(intent, channel, notificationId, this.deps.addresses.openOne(recipientKeyOf(intent), sealed));
  }

  private async closeUnreachable(intent: DeliveryIntent, attempted: ExternalChannel[]): Promise<IntentOutcome> {
    const outcome = await this.transaction(async (tx) => {
      if (!(await this.deps.records.closeIntent(tx, intent.id, 'unreachable'))) return this.deps.records.outcome(tx, intent.id);
      await this.deps.outbox.enqueue(tx, EventSubjects.NotificationFailed, intent.order_id, { ...addressedIn(intent), attemptedChannels: attempted });
      return 'unreachable' as const;
    });
    this.deps.log.warn(
      { intentId: intent.id, referralId: intent.referral_id, recipientKind: intent.recipient_kind, centreId: intent.centre_id, attempted },
      'recipient could not be reached through any channel',
    );
    return outcome;
  }
}

/** The message one channel carries, in the recipient's language, keyed so a provider can dedupe it. */
function outboundMessage(intent: DeliveryIntent, channel: ExternalChannel, notificationId: string, address: string): OutboundMessage {
  if (channel === 'email') {
    const email = renderEmail(intent.kind, intent.language, intent.facts);
    return { idempotencyKey: notificationId, address, subject: email.subject, text: email.text };
  }
  return { idempotencyKey: notificationId, address, text: renderShortMessage(intent.kind, intent.language, intent.facts) };
}

/** What `notification.sent.v1` says of a notification that reached its recipient through `channel`. */
function sentPayload(intent: Addressee, notificationId: string, channel: ExternalChannel | 'inbox'): NotificationSentV1 {
  return { notificationId, ...addressedIn(intent), channel };
}

/** Who and what a delivery event is about, as the notification events name it. */
function addressedIn(intent: Addressee) {
  return {
    orderId: intent.order_id,
    referralId: intent.referral_id ?? undefined,
    sourceEventId: intent.source_event_id,
    recipientKind: intent.recipient_kind,
    centreId: intent.centre_id ?? undefined,
    unitCode: intent.unit_code ?? undefined,
  };
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

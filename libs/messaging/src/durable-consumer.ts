import { randomUUID } from 'node:crypto';
import { AckPolicy, ConsumerMessages, DeliverPolicy, JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { EntityManager } from 'typeorm';
import { isInfrastructureOutage, retryingTransaction, sqlState, violatedConstraint } from '@korgoo/platform/core';
import {
  ContractViolation,
  envelopeContract,
  EventEnvelope,
  EventPayload,
  EventPayloadClasses,
  EventSubject,
  parseContract,
  streamOf,
} from '@korgoo/contracts';
import { BatchIntake } from './batch-intake';
import type { CommitGroup } from './commit-group';
import { GatheredWrite, GatheredWrites, NotOnlyGathered, Statement } from './gathered-writes';
import { MessagingLog } from './log';
import { SubjectNamespace } from './namespace';
import { describe, Outbox } from './outbox';

/**
 * Which delivery of the message this is. On the last one a handler still waiting for something that has not
 * come (another stream's event) may take its fallback instead of failing into the dead letters.
 */
export interface Delivery {
  last: boolean;
  /** Deliveries of the message so far, this one included, as JetStream counts them. */
  deliveries: number;
  /**
   * The transaction is a batch's, shared with other events: nothing may commit apart from it. A handler that
   * finds it must throws; the batch is then handled again one event at a time, where this is false.
   */
  shared: boolean;
  /** Leaves a row for `write` to make, with those of the transaction's other events, before it commits. */
  gather<T>(write: GatheredWrite<T>, item: T): void;
}

export type EventHandler<S extends EventSubject> = (
  envelope: EventEnvelope<EventPayload<S>>,
  tx: EntityManager,
  delivery: Delivery,
) => Promise<void>;

export interface DurableConsumerOptions {
  /** Deliveries before a message goes to the dead letters. */
  maxDeliver: number;
  ackWaitMs: number;
  /** Delay before redelivery number n+1; the last entry repeats. */
  backoffMs: number[];
  /** Transactions one replica runs at once for this consumer. */
  concurrency: number;
  /** Most messages committed in one transaction, for handlers registered as batchable. */
  batchSize: number;
  /** How long a free worker of the service's commit group waits for a partial batch to grow (`BatchIntakeOptions`). */
  lingerMs: number;
}

export interface EventHandlerOptions<S extends EventSubject = EventSubject> {
  /**
   * The handler changes nothing outside `tx` (no provider call, no commit of its own), so several events may
   * share one transaction and, when that transaction fails, be handled again one by one.
   */
  batchable?: boolean;
  /**
   * Failures that only mean the handler lost a race (a deadlock, a row changed underneath): the event's whole
   * transaction, inbox entry included, runs again at once. Cheaper than a savepoint around the handler, which
   * costs two more statements on every event that wins.
   */
  lostRace?: (error: unknown) => boolean;
  /**
   * Whether the handler has anything to do with this event, judged from the event alone. One it would
   * ignore is acknowledged without a transaction or an inbox entry: it changes nothing, so a redelivery of it
   * changes nothing either.
   */
  relevant?: (envelope: EventEnvelope<EventPayload<S>>) => boolean;
  /**
   * For a batchable handler: this event is known to need a transaction of its own (it will commit steps apart),
   * so the consumer's own workers handle it instead of its joining, and failing, a batch.
   */
  alone?: (envelope: EventEnvelope<EventPayload<S>>) => boolean;
  /**
   * For a batchable handler: it reads and writes nothing through `tx` itself and gathers (`Delivery.gather`) at
   * most one write, one statement (`GatheredWrite.statement`). An event handled alone is then written with its
   * inbox entry in that statement, autocommitted: one message to PostgreSQL where a transaction takes four.
   */
  gathersOnly?: boolean;
}

export const DEFAULT_CONSUMER_OPTIONS: DurableConsumerOptions = {
  maxDeliver: 5,
  ackWaitMs: 30_000,
  backoffMs: [200, 1_000, 5_000, 15_000],
  concurrency: 8,
  batchSize: 32,
  lingerMs: 0,
};

/** An event taken from the stream, checked against its contract and relevant to the handler. */
export interface Received<S extends EventSubject = EventSubject> {
  message: JsMsg;
  envelope: EventEnvelope<EventPayload<S>>;
}

/** What became of one delivery of an event, as the service's metrics count it. */
export type HandlingOutcome = 'applied' | 'ignored' | 'duplicate' | 'retried' | 'dead_lettered';

/** Thrown by a handler for a message that can never succeed: it goes straight to the dead letters. */
export class PermanentFailure extends Error {}

/**
 * A durable JetStream pull consumer whose handler runs in a Postgres transaction that first records the
 * event id in the inbox: a redelivered event finds its id there and is acknowledged without effect.
 * The acknowledgement is sent only after the commit, so a crash in between means a redelivery, never a loss.
 */
export class DurableConsumer<S extends EventSubject> {
  private messages: ConsumerMessages | null = null;
  private loop: Promise<void> | null = null;
  private stopped = false;
  /** Events handled each in a transaction of its own, this consumer's own workers taking them. */
  private readonly ownWorkers: BatchIntake<JsMsg | Received<S>>;
  /** Messages pulled and not yet settled: queued behind a busy worker or being handled. */
  private readonly held = new Set<JsMsg>();
  private heartbeat: NodeJS.Timeout | null = null;
  readonly consumerName: string;
  private readonly lostRace: ((error: unknown) => boolean) | undefined;
  private readonly relevant: ((envelope: EventEnvelope<EventPayload<S>>) => boolean) | undefined;
  private readonly alone: ((envelope: EventEnvelope<EventPayload<S>>) => boolean) | undefined;
  /** Batchable events go to the service's commit group, the others straight to this consumer's own workers. */
  private readonly batchable: boolean;
  private readonly gathersOnly: boolean;

  constructor(
    readonly subject: S,
    private readonly handler: EventHandler<S>,
    private readonly deps: {
      service: string;
      schema: string;
      ns: SubjectNamespace;
      js: JetStreamClient;
      jsm: JetStreamManager;
      outbox: Outbox;
      log: MessagingLog;
      onOutcome?: (subject: string, outcome: HandlingOutcome) => void;
      /** Where the events of batchable handlers go: those of all the service's consumers commit together. */
      batches: CommitGroup;
    },
    private readonly options: DurableConsumerOptions = DEFAULT_CONSUMER_OPTIONS,
    handlerOptions: EventHandlerOptions<S> = {},
  ) {
    this.consumerName = deps.ns.durable(deps.service, subject);
    this.lostRace = handlerOptions.lostRace;
    this.relevant = handlerOptions.relevant;
    this.alone = handlerOptions.alone;
    this.batchable = handlerOptions.batchable ?? false;
    this.gathersOnly = handlerOptions.gathersOnly ?? false;
    this.ownWorkers = new BatchIntake((batch) => this.handleAlone(batch[0]), { concurrency: options.concurrency, batchSize: 1 });
  }

  async start(): Promise<void> {
    const stream = this.deps.ns.stream(streamOf(this.subject));
    const config = {
      durable_name: this.consumerName,
      filter_subject: this.deps.ns.subject(this.subject),
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      // Unbounded here: the consumer itself decides when a failing message becomes a dead letter, so an
      // outage of Postgres (which fails every message) never exhausts a message's deliveries.
      max_deliver: -1,
      ack_wait: nanos(this.options.ackWaitMs),
    };
    try {
      await this.deps.jsm.consumers.add(stream, config);
    } catch (error) {
      // Another replica created it first with the same config, or it exists from a previous start.
      await this.deps.jsm.consumers.update(stream, this.consumerName, {
        max_deliver: config.max_deliver,
        ack_wait: config.ack_wait,
      });
      this.deps.log.debug({ consumer: this.consumerName, err: describe(error) }, 'durable consumer existed');
    }
    const consumer = await this.deps.js.consumers.get(stream, this.consumerName);
    this.loop = this.consumeUntilStopped(consumer);
    // A burst can keep a message queued longer than the ack wait; without this JetStream would deliver it
    // again while it waits, wasting work and using up deliveries that only failures should count.
    this.heartbeat = setInterval(() => this.keepHeldMessages(), Math.max(100, this.options.ackWaitMs / 3));
    this.heartbeat.unref();
  }

  /** Stops pulling, lets the message in hand finish and be acknowledged. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.messages?.close();
    await this.loop;
    if (this.batchable) await this.deps.batches.drained();
    await this.ownWorkers.drained();
    if (this.heartbeat) clearInterval(this.heartbeat);
  }

  private keepHeldMessages(): void {
    if (this.held.size === 0) return;
    for (const message of this.held) message.working();
    this.deps.log.debug({ consumer: this.consumerName, held: this.held.size }, 'held messages kept in progress');
  }

  private async consumeUntilStopped(consumer: Awaited<ReturnType<JetStreamClient['consumers']['get']>>) {
    while (!this.stopped) {
      try {
        this.messages = await consumer.consume({ max_messages: Math.max(64, this.options.concurrency * 2) });
        for await (const message of this.messages) {
          this.held.add(message);
          await (this.batchable ? this.deps.batches.push(this, message) : this.ownWorkers.push(message));
          if (this.stopped) break;
        }
      } catch (error) {
        if (this.stopped) break;
        this.deps.log.warn({ consumer: this.consumerName, err: describe(error) }, 'consumer interrupted; resuming');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  /** A failure is logged and the message left unacknowledged: it comes back after ack_wait. */
  private async handleAlone(item: JsMsg | Received<S>): Promise<void> {
    const received = 'envelope' in item ? item : null;
    const message = received ? received.message : (item as JsMsg);
    try {
      const event = received ?? (await this.receive(message));
      if (event) await this.applyAloneSettled(event);
    } finally {
      this.release(message);
    }
  }

  /**
   * Takes back an event of the commit group that must go alone: it would hold one of the group's few workers
   * through its steps (a provider's answer can take seconds), so one of this consumer's own handles it. Queued
   * without waiting for room, so the group never waits on this consumer's sends; what the consumer has pulled
   * and not settled bounds the queue.
   */
  handOff(received: Received<S>): void {
    void this.ownWorkers.push(received);
  }

  /**
   * Parses a pulled message: one that breaks its contract goes to the dead letters, one the handler would ignore
   * is acknowledged; either way there is nothing left to apply.
   */
  async receive(message: JsMsg): Promise<Received<S> | null> {
    let envelope: EventEnvelope<EventPayload<S>>;
    try {
      envelope = this.parse(message);
    } catch (error) {
      await this.settle(this.deadLetter(message, null, error));
      return null;
    }
    if (this.relevant && !this.relevant(envelope)) {
      message.ack();
      this.deps.onOutcome?.(this.subject, 'ignored');
      return null;
    }
    return { message, envelope };
  }

  /** Whether the event, though its handler is batchable, must not join a batch. */
  mustBeAlone({ envelope }: Received<S>): boolean {
    return this.alone?.(envelope) ?? false;
  }

  /** The message is settled or left for redelivery: the heartbeat no longer keeps it. */
  release(message: JsMsg): void {
    this.held.delete(message);
  }

  /** Applies one event inside a batch's transaction, its inbox entry already written by the batch. */
  applyShared({ message, envelope }: Received<S>, tx: EntityManager, gathered: GatheredWrites): Promise<void> {
    return this.handler(envelope, tx, this.delivery(message, true, gathered));
  }

  /** After the batch's commit. */
  acknowledge(message: JsMsg, applied: boolean): void {
    message.ack();
    this.deps.onOutcome?.(this.subject, applied ? 'applied' : 'duplicate');
  }

  /** The event in a transaction of its own; a failure is logged and left for redelivery. */
  applyAloneSettled(received: Received<S>): Promise<void> {
    return this.settle(this.applyAlone(received));
  }

  private async settle(handling: Promise<void>): Promise<void> {
    await handling.catch((error) =>
      this.deps.log.warn({ consumer: this.consumerName, err: describe(error) }, 'message left for redelivery'),
    );
  }

  private async applyAlone({ message, envelope }: Received<S>): Promise<void> {
    try {
      const once = () => (this.gathersOnly ? this.applyInOneStatement(message, envelope) : this.applyInTransaction(message, envelope));
      const applied = this.lostRace ? await retryingTransaction(once, { retryable: this.lostRace }) : await once();
      this.acknowledge(message, applied);
    } catch (error) {
      const deliveries = message.info.deliveryCount;
      const poison = error instanceof PermanentFailure || (!isInfrastructureOutage(error) && deliveries >= this.options.maxDeliver);
      if (poison) {
        await this.deadLetter(message, envelope, error);
        return;
      }
      const delay = this.options.backoffMs[Math.min(deliveries - 1, this.options.backoffMs.length - 1)];
      this.deps.log.warn(
        { consumer: this.consumerName, eventId: envelope.eventId, deliveries, err: describe(error) },
        'event handling failed; will redeliver',
      );
      message.nak(delay);
      this.deps.onOutcome?.(this.subject, 'retried');
    }
  }

  /** The inbox entry, then the handler's work, in one transaction; false for an event applied before. */
  private applyInTransaction(message: JsMsg, envelope: EventEnvelope<EventPayload<S>>): Promise<boolean> {
    const entry = this.inboxEntry(envelope);
    return this.deps.outbox.transaction(async (tx) => {
      const inserted: unknown[] = await tx.query(`${entry.sql} ON CONFLICT DO NOTHING RETURNING event_id`, entry.params);
      if (inserted.length === 0) return false;
      await GatheredWrites.around(tx, (gathered) => this.handler(envelope, tx, this.delivery(message, false, gathered)));
      return true;
    });
  }

  /**
   * The inbox entry and what the handler gathered in one autocommitted statement. The entry is written without
   * `ON CONFLICT`: for an event applied before its key is taken and the whole statement fails, writing nothing.
   */
  private async applyInOneStatement(message: JsMsg, envelope: EventEnvelope<EventPayload<S>>): Promise<boolean> {
    try {
      await this.deps.outbox.inOneStatement(async (gatherer) => {
        const gathered = new GatheredWrites();
        await this.handler(envelope, gatherer, this.delivery(message, false, gathered));
        return gathered.after(this.inboxEntry(envelope));
      });
      return true;
    } catch (error) {
      if (sqlState(error) === '23505' && violatedConstraint(error) === 'inbox_pkey') return false;
      if (!(error instanceof NotOnlyGathered)) throw error;
      // A handler that does more than its declaration says is still applied, as any other.
      this.deps.log.warn({ consumer: this.consumerName, err: describe(error) }, 'handler did more than gather; applied in a transaction');
      return this.applyInTransaction(message, envelope);
    }
  }

  /** The statement that records the event as handled by this consumer. */
  private inboxEntry(envelope: EventEnvelope<EventPayload<S>>): Statement {
    return {
      sql: `INSERT INTO "${this.deps.schema}".inbox (event_id, consumer, subject) VALUES ($1, $2, $3)`,
      params: [envelope.eventId, this.consumerName, this.subject],
    };
  }

  private delivery(message: JsMsg, shared: boolean, gathered: GatheredWrites): Delivery {
    const deliveries = message.info.deliveryCount;
    return { last: deliveries >= this.options.maxDeliver, deliveries, shared, gather: (write, item) => gathered.add(write, item) };
  }

  private parse(message: JsMsg): EventEnvelope<EventPayload<S>> {
    let plain: unknown;
    try {
      plain = message.json();
    } catch {
      throw new ContractViolation('EventEnvelope', [{ field: '(message)', rules: ['must be JSON'] }]);
    }
    return parseContract(envelopeContract(EventPayloadClasses[this.subject]), plain) as unknown as EventEnvelope<
      EventPayload<S>
    >;
  }

  /**
   * Stores the message for an admin to inspect and replay, announces it, then stops its redelivery. A second
   * copy of an event already waiting in the dead letters (redelivered, or published again) adds no row.
   */
  private async deadLetter(message: JsMsg, envelope: EventEnvelope | null, error: unknown): Promise<void> {
    const reason = describe(error);
    const id = await this.deps.outbox.transaction(async (tx) => {
      if (envelope) {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [this.consumerName, envelope.eventId]);
        const [waiting] = await tx.query(
          `SELECT id FROM "${this.deps.schema}".dead_letter WHERE consumer = $1 AND event_id = $2 AND replayed_at IS NULL`,
          [this.consumerName, envelope.eventId],
        );
        if (waiting) return null;
      }
      const newId = randomUUID();
      await tx.query(
        `INSERT INTO "${this.deps.schema}".dead_letter (id, consumer, subject, event_id, envelope, raw, error, deliveries)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          newId,
          this.consumerName,
          this.subject,
          envelope?.eventId ?? null,
          envelope ? JSON.stringify(envelope) : null,
          envelope ? null : message.string().slice(0, 10_000),
          reason.slice(0, 2_000),
          message.info.deliveryCount,
        ],
      );
      return newId;
    });
    if (id === null) {
      message.term();
      this.deps.log.warn({ consumer: this.consumerName, eventId: envelope?.eventId }, 'copy of a dead-lettered event dropped');
      this.deps.onOutcome?.(this.subject, 'duplicate');
      return;
    }
    // The dead-letter subject carries ids only: the stored record is where the content stays.
    await this.deps.js
      .publish(
        this.deps.ns.deadLetterSubject(this.deps.service, this.subject),
        JSON.stringify({ deadLetterId: id, consumer: this.consumerName, eventId: envelope?.eventId ?? null }),
        { msgID: id },
      )
      .catch((publishError) =>
        this.deps.log.warn({ err: describe(publishError) }, 'dead-letter announcement not published'),
      );
    // No reason text: nats-server before 2.10 ignores a `+TERM` that carries one and redelivers the message
    // after the ack wait. The reason is in the stored record.
    message.term();
    this.deps.log.error(
      { consumer: this.consumerName, eventId: envelope?.eventId, deadLetterId: id, err: reason },
      'event moved to dead letters',
    );
    this.deps.onOutcome?.(this.subject, 'dead_lettered');
  }
}

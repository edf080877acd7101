import { randomUUID } from 'node:crypto';
import { JetStreamClient } from '@nats-io/jetstream';
import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope, EventPayload, EventPayloadClasses, EventSubject, parseContract } from '@korgoo/contracts';
import { Clock, systemClock } from '@korgoo/platform/core';
import { gatheringOnly, Statement } from './gathered-writes';
import { MessagingLog } from './log';
import { SubjectNamespace } from './namespace';

/**
 * Writes events into the service's outbox table inside the caller's transaction, so a state change and
 * the event announcing it commit or roll back together.
 */
export class Outbox {
  private readonly listeners = new Set<() => void>();
  /** Transactions that wrote an event: only their commit has anything for the relay to publish. */
  private readonly enqueuing = new WeakSet<object>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly producer: string,
    /** The service's clock: an event occurs when the service's own time says it does. */
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Runs `work` in one transaction and, when it enqueued an event, wakes the relay once it has committed.
   * A commit that wrote no event wakes nothing: the relay's look at an empty outbox costs three statements.
   * `on` is another pool of the same database, for work that must not wait on the consumers' connections.
   */
  async transaction<T>(work: (tx: EntityManager) => Promise<T>, on: DataSource = this.dataSource): Promise<T> {
    let runner: object | undefined;
    const result = await on.transaction((tx) => {
      runner = writerOf(tx);
      return work(tx);
    });
    if (runner && this.enqueuing.has(runner)) {
      this.enqueuing.delete(runner);
      this.committed();
    }
    return result;
  }

  /**
   * Sends the statement `work` returns, autocommitted: `work` is given a manager that only gathers
   * (`gatheringOnly`), so all it writes is in that statement. Wakes the relay once it has committed, when it wrote
   * an event.
   */
  async inOneStatement(work: (gatherer: EntityManager) => Promise<Statement>): Promise<void> {
    const gatherer = gatheringOnly(this.dataSource.manager);
    const { sql, params } = await work(gatherer);
    await this.dataSource.query(sql, params);
    if (this.enqueuing.has(gatherer)) {
      this.enqueuing.delete(gatherer);
      this.committed();
    }
  }

  async enqueue<S extends EventSubject>(
    tx: EntityManager,
    subject: S,
    correlationId: string,
    payload: EventPayload<S>,
  ): Promise<EventEnvelope<EventPayload<S>>> {
    const row = this.row(subject, correlationId, payload);
    await tx.query(`INSERT INTO "${this.schema}".outbox (event_id, subject, envelope) VALUES ($1, $2, $3)`, [row.eventId, row.subject, row.envelopeJson]);
    this.wroteIn(tx);
    return row.envelope;
  }

  /** A statement of the caller's wrote an outbox row inside `tx`: the relay is woken once `tx` commits. */
  wroteIn(tx: EntityManager): void {
    this.enqueuing.add(writerOf(tx));
  }

  /**
   * The outbox row of an event, validated, for a caller that writes it in a statement of its own making
   * (`INSERT INTO <schema>.outbox (event_id, subject, envelope)`); the caller then tells the outbox, with
   * `wroteIn(tx)` inside a transaction of `transaction()`, or with `committed()` once a statement of its own committed.
   */
  row<S extends EventSubject>(subject: S, correlationId: string, payload: EventPayload<S>): OutboxRowToWrite<EventPayload<S>> {
    // The payload is written to JSON once: validated from that text, as a consumer will read it, and stored in it.
    const payloadJson = JSON.stringify(payload);
    // Validated on the way out as well as on the way in: a bad event never reaches the stream.
    parseContract(EventPayloadClasses[subject] as new () => object, JSON.parse(payloadJson));
    const envelope: EventEnvelope<EventPayload<S>> = {
      eventId: randomUUID(),
      subject,
      occurredAt: this.clock.now().toISOString(),
      correlationId,
      producer: this.producer,
      payload,
    };
    return { eventId: envelope.eventId, subject, envelopeJson: envelopeJson(envelope, payloadJson), envelope };
  }

  /** Call after the enqueuing transaction committed: the relay then publishes at once instead of at its next poll. */
  committed(): void {
    for (const listener of this.listeners) listener();
  }

  onCommitted(listener: () => void): void {
    this.listeners.add(listener);
  }
}

export interface OutboxRowToWrite<P> {
  eventId: string;
  subject: EventSubject;
  envelopeJson: string;
  envelope: EventEnvelope<P>;
}

/** `JSON.stringify(envelope)`, byte for byte, with the payload's JSON already made. */
export function envelopeJson(envelope: EventEnvelope<unknown>, payloadJson: string): string {
  const { payload: _payload, ...head } = envelope;
  return `${JSON.stringify(head).slice(0, -1)},"payload":${payloadJson}}`;
}

/** The connection a transaction's managers share: a handler may pass on a manager derived from `tx`. */
function writerOf(tx: EntityManager): object {
  return tx.queryRunner ?? tx;
}

interface OutboxRow {
  /** A bigserial, which the driver hands over as text. */
  seq: string;
  event_id: string;
  subject: string;
  /** The stored JSON as text: published as it is, never parsed on the way. */
  envelope: string;
}

function compareSeq(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export interface OutboxRelayOptions {
  pollMs: number;
  batchSize: number;
  retainPublishedDays: number;
}

/**
 * Publishes committed outbox rows to JetStream with the event id as the message id, so a row published twice
 * (a crash between publish and mark) is dropped by the stream's duplicate window. Several replicas can run
 * it: `FOR UPDATE SKIP LOCKED` hands each row to one of them.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private lastCleanup = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly js: JetStreamClient,
    private readonly ns: SubjectNamespace,
    private readonly schema: string,
    private readonly log: MessagingLog,
    private readonly options: OutboxRelayOptions = { pollMs: 500, batchSize: 200, retainPublishedDays: 7 },
  ) {}

  start(outbox: Outbox): void {
    outbox.onCommitted(() => this.wake());
    this.schedule(0);
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  /** Publishes what is pending, then stops; in-flight publishes finish first. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Publishes every pending row; returns how many were published. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published < this.options.batchSize) return total;
    }
  }

  /** `polled`: no commit asked for this round; the outbox is most likely empty. */
  private schedule(delayMs: number, polled = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.tick(polled).finally(() => {
        this.running = null;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.schedule(0);
        } else if (!this.timer) {
          this.schedule(this.options.pollMs, true);
        }
      });
    }, delayMs);
  }

  private async tick(polled: boolean): Promise<void> {
    try {
      // A poll is a backstop (another replica's rows, a failed publish) that mostly finds nothing: one read
      // says so, where a claim costs BEGIN, UPDATE and COMMIT.
      if (!polled || (await this.pending())) await this.drain();
      await this.cleanup();
    } catch (error) {
      this.log.warn({ err: describe(error) }, 'outbox relay could not publish; will retry');
    }
  }

  /**
   * Claims and marks a batch in one statement; a failed publish rolls the mark back with the transaction, so
   * a row is published at least once and, through its message id, appended once.
   */
  private async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      // The driver answers an UPDATE with its rows and its count.
      const [rows]: [OutboxRow[], number] = await tx.query(
        `UPDATE "${this.schema}".outbox SET published_at = now()
          WHERE event_id IN (SELECT event_id FROM "${this.schema}".outbox
                              WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING seq, event_id, subject, envelope::text AS envelope`,
        [this.options.batchSize],
      );
      if (rows.length === 0) return 0;
      // RETURNING keeps no order; the stream must receive a service's events in the order they were written.
      rows.sort((a, b) => compareSeq(a.seq, b.seq));
      // Pipelined: awaiting each acknowledgement in turn would cap the relay at the round-trip rate.
      await Promise.all(
        rows.map((row) => this.js.publish(this.ns.subject(row.subject), row.envelope, { msgID: row.event_id })),
      );
      return rows.length;
    });
  }

  private async pending(): Promise<boolean> {
    const [row]: Array<{ pending: boolean }> = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM "${this.schema}".outbox WHERE published_at IS NULL) AS pending`,
    );
    return row.pending;
  }

  /** Housekeeping on the database's own time (`published_at` is its now()), never on a clock a rehearsal moves. */
  private async cleanup(): Promise<void> {
    const now = systemClock.now().getTime();
    if (now - this.lastCleanup < 3_600_000) return;
    this.lastCleanup = now;
    await this.dataSource.query(
      `DELETE FROM "${this.schema}".outbox WHERE published_at < now() - make_interval(days => $1)`,
      [this.options.retainPublishedDays],
    );
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

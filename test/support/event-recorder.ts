import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/transport-node';

export type Envelope<P = Record<string, unknown>> = {
  eventId: string;
  subject: string;
  correlationId: string;
  occurredAt: string;
  payload: P;
};

/** What a consumer announces on `deadletter.<service>.<subject>` when it gives an event up. */
type DeadLetterNotice = { deadLetterId: string; consumer: string; eventId: string | null };

type Recorded = { subject: string; event: Envelope; receivedAt: Date };

/** Connection changes that can cost the recorder events: core NATS keeps nothing for a subscriber away. */
const INTERRUPTIONS = new Set(['disconnect', 'reconnect', 'error', 'slowConsumer', 'staleConnection', 'close']);

/**
 * Every event published in one namespace, kept from the start, so a test can never miss one that came
 * before it looked. JetStream publishes carry a reply subject for their acknowledgement; queries and
 * commands are told apart by name and left out.
 */
export class EventRecorder {
  private readonly seen: Recorded[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly interruptions: Array<{ at: Date; what: string }> = [];
  private nc!: NatsConnection;

  constructor(
    private readonly namespace: string,
    private readonly describeFailure: () => string = () => '',
  ) {}

  /** Resolves once the server holds the subscription: every event published after that is recorded. */
  async start(nc: NatsConnection): Promise<void> {
    this.nc = nc;
    const subscription = nc.subscribe(`${this.namespace}.>`);
    void (async () => {
      for await (const message of subscription) {
        if (message.subject.includes('.query.') || message.subject.includes('.command.')) continue;
        try {
          this.seen.push({ subject: message.subject.slice(this.namespace.length + 1), event: message.json(), receivedAt: new Date() });
        } catch {
          continue;
        }
        for (const wake of this.waiters) wake();
      }
    })();
    void (async () => {
      for await (const status of nc.status()) {
        if (INTERRUPTIONS.has(status.type)) this.interruptions.push({ at: new Date(), what: describeStatus(status) });
      }
    })();
    await nc.flush();
  }

  /** Events as published; a JetStream re-publish of the same event id is counted once. */
  eventsOn<P = Record<string, unknown>>(subject: string): Array<Envelope<P>> {
    const byId = new Map<string, Envelope<P>>();
    for (const entry of this.seen) if (entry.subject === subject) byId.set(entry.event.eventId, entry.event as Envelope<P>);
    return [...byId.values()];
  }

  /** The first event on `subject` that satisfies `match`, whether it came before or after the call. */
  async awaitEvent<P = Record<string, unknown>>(
    subject: string,
    match: (event: Envelope<P>) => boolean,
    timeoutMs = 60_000,
  ): Promise<Envelope<P>> {
    const [event] = await this.awaitEvents<P>(subject, match, 1, timeoutMs);
    return event;
  }

  /** Resolves once `count` distinct events on `subject` satisfy `match`. */
  async awaitEvents<P = Record<string, unknown>>(
    subject: string,
    match: (event: Envelope<P>) => boolean,
    count: number,
    timeoutMs = 60_000,
  ): Promise<Array<Envelope<P>>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.eventsOn<P>(subject).filter(match);
      if (found.length >= count) return found.slice(0, count);
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error(
          [
            `only ${found.length} of ${count} ${subject} within ${timeoutMs} ms`,
            ...this.related(match as (event: Envelope) => boolean),
            await this.inStream(subject, match as (event: Envelope) => boolean, found.length),
            ...this.connectionHistory(),
            this.describeFailure(),
          ].join('\n'),
        );
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, remaining);
        this.waiters.add(wake);
      });
    }
  }

  /**
   * What was seen of the orders the awaited event would belong to. The test's match is tried on every
   * subject: one that asks for an order's id (or a referral's) accepts that order's other events too, and
   * their correlation ids name the orders. Dead-letter notices count when they name one of those events.
   */
  private related(match: (event: Envelope) => boolean): string[] {
    const accepts = tolerant(match);
    const orders = new Set(this.seen.filter(({ event }) => event.correlationId && accepts(event)).map(({ event }) => event.correlationId));
    if (orders.size === 0) {
      const last = this.seen.at(-1);
      return [
        `no event of any subject matched; the recorder holds ${this.seen.length}` +
          (last ? `, the last ${last.subject} received ${clock(last.receivedAt)}` : ''),
      ];
    }
    const events = this.seen.filter(({ event }) => orders.has(event.correlationId));
    const eventIds = new Set(events.map(({ event }) => event.eventId));
    const deadLetters = this.seen.filter(
      ({ subject, event }) => subject.startsWith('deadletter.') && eventIds.has((event as unknown as DeadLetterNotice).eventId ?? ''),
    );
    const lines = [...events, ...deadLetters]
      .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())
      .map(({ subject, event, receivedAt }) => {
        if (!subject.startsWith('deadletter.')) {
          return `  ${clock(receivedAt)} ${subject} event ${event.eventId} occurred ${event.occurredAt}`;
        }
        const notice = event as unknown as DeadLetterNotice;
        return `  ${clock(receivedAt)} ${subject} DEAD LETTER ${notice.deadLetterId} of event ${notice.eventId} (${notice.consumer})`;
      });
    return [`events of ${[...orders].join(', ')} as the recorder received them (${deadLetters.length} dead-lettered):`, ...lines];
  }

  /**
   * Whether the stream holds matching events the recorder never received (published before it subscribed, or
   * while its connection was down) or none at all (never published). Read on failure only.
   */
  private async inStream(subject: string, match: (event: Envelope) => boolean, received: number): Promise<string> {
    const full = `${this.namespace}.${subject}`;
    try {
      const stream = await (await jetstreamManager(this.nc)).streams.find(full);
      // One subject as a string: servers before 2.10 take no list.
      const consumer = await jetstream(this.nc).consumers.get(stream, { filter_subjects: full });
      const accepts = tolerant(match);
      let stored = 0;
      let matching = 0;
      for (let pending = 1; pending > 0; ) {
        const batch = await consumer.fetch({ max_messages: 512, expires: 1_000 });
        pending = 0;
        for await (const message of batch) {
          stored += 1;
          if (accepts(message.json<Envelope>())) matching += 1;
          pending = message.info.pending;
        }
      }
      await consumer.delete().catch(() => undefined);
      const verdict =
        matching > received ? `${matching - received} published that the recorder never received` : matching === 0 ? 'it was never published' : 'none missed';
      return `stream ${stream} holds ${stored} ${subject}, ${matching} matching: ${verdict}`;
    } catch (error) {
      return `stream for ${subject} not read: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private connectionHistory(): string[] {
    if (this.interruptions.length === 0) return ["the recorder's connection was never interrupted"];
    return ["the recorder's connection:", ...this.interruptions.map(({ at, what }) => `  ${clock(at)} ${what}`)];
  }
}

/** A test's match meets other subjects' payloads here: one it cannot read is no match. */
function tolerant(match: (event: Envelope) => boolean): (event: Envelope) => boolean {
  return (event) => {
    try {
      return match(event);
    } catch {
      return false;
    }
  };
}

function describeStatus(status: { type: string; server?: string; error?: Error; pending?: number }): string {
  return [status.type, status.server, status.error?.message, status.pending === undefined ? undefined : `${status.pending} pending`]
    .filter((part) => part !== undefined)
    .join(' ');
}

const clock = (at: Date): string => at.toISOString().slice(11, 23);

import { NatsConnection } from '@nats-io/transport-node';

export type Envelope<P = Record<string, unknown>> = {
  eventId: string;
  subject: string;
  correlationId: string;
  occurredAt: string;
  payload: P;
};

/**
 * Every event published in one namespace, kept from the start, so a test can never miss one that came
 * before it looked. JetStream publishes carry a reply subject for their acknowledgement; queries and
 * commands are told apart by name and left out.
 */
export class EventRecorder {
  private readonly seen: Array<{ subject: string; event: Envelope }> = [];
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly namespace: string,
    private readonly describeFailure: () => string = () => '',
  ) {}

  start(nc: NatsConnection): void {
    const subscription = nc.subscribe(`${this.namespace}.>`);
    void (async () => {
      for await (const message of subscription) {
        if (message.subject.includes('.query.') || message.subject.includes('.command.')) continue;
        try {
          this.seen.push({ subject: message.subject.slice(this.namespace.length + 1), event: message.json() });
        } catch {
          continue;
        }
        for (const wake of this.waiters) wake();
      }
    })();
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
        throw new Error(`only ${found.length} of ${count} ${subject} within ${timeoutMs} ms\n${this.describeFailure()}`);
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
}

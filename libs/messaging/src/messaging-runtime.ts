import { jetstream, JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import { connect, NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { EventSubject, CommandSubjects, HistoryStreamName, QuerySubjects, requireNational } from '@korgoo/contracts';
import { Clock } from '@korgoo/platform/core';
import { CommitGroup } from './commit-group';
import { DeadLetters } from './dead-letters';
import {
  DEFAULT_CONSUMER_OPTIONS,
  DurableConsumer,
  DurableConsumerOptions,
  EventHandler,
  EventHandlerOptions,
  HandlingOutcome,
} from './durable-consumer';
import { DEFAULT_STREAM_SETTINGS, ensureStreams, StreamSettings } from './jetstream-topology';
import { MessagingLog } from './log';
import { inboxPrefix } from './nats-authorization';
import { SubjectNamespace } from './namespace';
import { Outbox, OutboxRelay } from './outbox';
import { QueryClient, QueryResponder } from './queries';
import { replayStream } from './stream-history';

export interface MessagingRuntimeOptions {
  service: string;
  schema: string;
  natsServers: string[];
  /** The service's own NATS user; its permissions come from SERVICE_MESSAGING (see nats-authorization). */
  credentials?: { user: string; password: string } | null;
  tls?: { caFile?: string; certFile?: string; keyFile?: string } | null;
  namespace: string;
  outboxPollMs: number;
  consumer?: Partial<DurableConsumerOptions>;
  streams?: Partial<StreamSettings>;
  queryTimeoutMs?: number;
  /** The service's clock, for the time its events occur; the system clock unless a test moves it. */
  clock?: Clock;
  onOutcome?: (subject: string, outcome: HandlingOutcome) => void;
}

/**
 * Everything a service needs to take part in the event flow without losing or repeating anything:
 * the outbox and its relay, durable consumers with an inbox, queries, dead letters.
 */
export class MessagingRuntime {
  readonly outbox: Outbox;
  readonly queries: QueryResponder;
  readonly client: QueryClient;
  readonly deadLetters: DeadLetters;
  private readonly relay: OutboxRelay;
  private readonly consumers: Array<DurableConsumer<EventSubject>> = [];
  private readonly consumerOptions: DurableConsumerOptions;
  private readonly batches: CommitGroup;
  private started = false;

  private constructor(
    readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly ns: SubjectNamespace,
    dataSource: DataSource,
    private readonly options: MessagingRuntimeOptions,
    private readonly log: MessagingLog,
  ) {
    this.outbox = new Outbox(dataSource, options.schema, options.service, options.clock);
    this.relay = new OutboxRelay(dataSource, js, ns, options.schema, log, {
      pollMs: options.outboxPollMs,
      batchSize: 256,
      retainPublishedDays: 7,
    });
    this.queries = new QueryResponder(nc, ns, options.service, log);
    this.client = new QueryClient(nc, ns, options.queryTimeoutMs);
    this.deadLetters = new DeadLetters(dataSource, js, ns, options.schema, options.service);
    this.consumerOptions = { ...DEFAULT_CONSUMER_OPTIONS, ...options.consumer };
    this.batches = new CommitGroup(this.outbox, options.schema, this.consumerOptions);
  }

  static async connect(dataSource: DataSource, options: MessagingRuntimeOptions, log: MessagingLog) {
    const nc = await connect({
      servers: options.natsServers,
      name: `korgoo-${options.service}`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      // Replies come back under the service's own prefix: its NATS user may subscribe to nothing else's.
      inboxPrefix: inboxPrefix(options.service),
      // Every JetStream publish is a request, and by default each captures stack traces in case it fails: about
      // as much client CPU as the publish itself. Failures are logged by name and message, never by that stack.
      noAsyncTraces: true,
      ...(options.credentials ? { user: options.credentials.user, pass: options.credentials.password } : {}),
      ...(options.tls ? { tls: options.tls } : {}),
    });
    const ns = new SubjectNamespace(options.namespace);
    const jsm = await ensureStreams(nc, ns, { ...DEFAULT_STREAM_SETTINGS, ...options.streams });
    return new MessagingRuntime(nc, jetstream(nc), jsm, ns, dataSource, options, log);
  }

  /** Registers the handler of one event subject; consumption begins at start(). */
  on<S extends EventSubject>(subject: S, handler: EventHandler<S>, handlerOptions: EventHandlerOptions<S> = {}): void {
    if (this.started) throw new Error('register event handlers before start()');
    const consumer = new DurableConsumer(
      subject,
      handler,
      {
        service: this.options.service,
        schema: this.options.schema,
        ns: this.ns,
        js: this.js,
        jsm: this.jsm,
        outbox: this.outbox,
        log: this.log,
        onOutcome: this.options.onOutcome,
        batches: this.batches,
      },
      this.consumerOptions,
      handlerOptions,
    );
    this.consumers.push(consumer as unknown as DurableConsumer<EventSubject>);
  }

  async start(): Promise<void> {
    this.started = true;
    this.queries.handle(
      QuerySubjects.DeadLetterList,
      async (request) => {
        requireNational(request.scope);
        return this.deadLetters.list(request.limit, request.after ?? null);
      },
      this.options.service,
    );
    this.queries.handle(
      CommandSubjects.DeadLetterReplay,
      async (request) => ({ replayed: await this.deadLetters.replay(request.deadLetterId) }),
      this.options.service,
    );
    this.relay.start(this.outbox);
    for (const consumer of this.consumers) await consumer.start();
  }

  /** Graceful: stop taking messages, finish the ones in hand, publish what is committed, then close. */
  async stop(): Promise<void> {
    await this.queries.stop();
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    await this.relay.stop();
    await this.relay.drain().catch(() => 0);
    await this.nc.drain().catch(() => undefined);
  }

  /** Reads a history stream this service reads (see HistoryStreams) from its first message, by logical subject. */
  replayHistory(name: HistoryStreamName, handle: (subject: string, message: JsMsg) => Promise<void>, stillMissing: () => boolean): Promise<number> {
    const prefix = `${this.ns.namespace}.`;
    return replayStream(this.js, this.jsm, this.ns.stream(name), (message) => handle(message.subject.slice(prefix.length), message), stillMissing);
  }

  async natsRoundTripMs(): Promise<number> {
    return this.nc.rtt();
  }
}

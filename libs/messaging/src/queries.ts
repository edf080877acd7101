import { NatsConnection, Subscription } from '@nats-io/transport-node';
import {
  ContractViolation,
  parseContract,
  QueryContracts,
  QueryFailure,
  QueryRejected,
  QueryRequestClasses,
  QuerySubject,
} from '@korgoo/contracts';
import { MessagingLog } from './log';
import { SubjectNamespace } from './namespace';
import { describe } from './outbox';

export type QueryHandler<S extends QuerySubject> = (
  request: QueryContracts[S]['request'],
) => Promise<QueryContracts[S]['reply']>;

/** Answers request/reply queries about the data this service owns; replicas share a queue group. */
export class QueryResponder {
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly nc: NatsConnection,
    private readonly ns: SubjectNamespace,
    private readonly service: string,
    private readonly log: MessagingLog,
  ) {}

  /** `scope` narrows the subject to one service where several answer the same kind of query (dead letters). */
  handle<S extends QuerySubject>(subject: S, handler: QueryHandler<S>, scope?: string): void {
    const natsSubject = this.ns.subject(scope ? `${subject}.${scope}` : subject);
    const subscription = this.nc.subscribe(natsSubject, {
      queue: this.service,
      callback: (error, message) => {
        if (error) {
          this.log.warn({ subject, err: describe(error) }, 'query subscription error');
          return;
        }
        void (async () => {
          let reply: QueryContracts[S]['reply'] | QueryFailure;
          try {
            const request = parseContract(QueryRequestClasses[subject] as new () => object, message.json());
            reply = await handler(request as QueryContracts[S]['request']);
          } catch (failure) {
            reply = toFailure(failure);
            if (reply.error.code === 'internal') this.log.error({ subject, err: describe(failure) }, 'query failed');
          }
          message.respond(JSON.stringify(reply));
        })();
      },
    });
    this.subscriptions.push(subscription);
  }

  async stop(): Promise<void> {
    for (const subscription of this.subscriptions) {
      subscription.unsubscribe();
    }
  }
}

function toFailure(failure: unknown): QueryFailure {
  if (failure instanceof ContractViolation) return { error: { code: 'invalid_request', message: failure.message } };
  if (failure instanceof QueryRejected) return { error: { code: failure.code, message: failure.message } };
  if (failure instanceof SyntaxError) return { error: { code: 'invalid_request', message: 'request must be JSON' } };
  return { error: { code: 'internal', message: 'the service could not answer' } };
}

export class QueryFailed extends Error {
  constructor(
    readonly subject: string,
    readonly code: QueryFailure['error']['code'] | 'unavailable',
    readonly reason: string,
  ) {
    super(`${subject}: ${reason}`);
  }
}

/** Asks the owning service; validates the request before it leaves. */
export class QueryClient {
  constructor(
    private readonly nc: NatsConnection,
    private readonly ns: SubjectNamespace,
    private readonly timeoutMs = 3_000,
  ) {}

  async request<S extends QuerySubject>(
    subject: S,
    request: QueryContracts[S]['request'],
    scope?: string,
  ): Promise<QueryContracts[S]['reply']> {
    parseContract(QueryRequestClasses[subject] as new () => object, JSON.parse(JSON.stringify(request)));
    let reply: QueryContracts[S]['reply'] | QueryFailure;
    try {
      const message = await this.nc.request(
        this.ns.subject(scope ? `${subject}.${scope}` : subject),
        JSON.stringify(request),
        { timeout: this.timeoutMs },
      );
      reply = message.json();
    } catch (error) {
      throw new QueryFailed(subject, 'unavailable', describe(error));
    }
    if (reply && typeof reply === 'object' && 'error' in reply) {
      throw new QueryFailed(subject, reply.error.code, reply.error.message);
    }
    return reply;
  }
}

import { NatsConnection, Subscription } from '@nats-io/transport-node';
import {
  ContractViolation,
  parseContract,
  QueryFailure,
  QueryRejected,
  Refusal,
  RequestClassesBySubject,
  RequestContracts,
  RequestSubject,
} from '@korgoo/contracts';
import { MessagingLog } from './log';
import { SubjectNamespace } from './namespace';
import { describe } from './outbox';

/** A family of request/reply subjects: each with its request class and reply type. */
export type RequestReplyContracts<K extends string = string> = { [S in K]: { request: object; reply: unknown } };
export type RequestClasses<M extends RequestReplyContracts> = { [S in keyof M]: new () => M[S]['request'] };

export type QueryHandler<S extends RequestSubject> = (
  request: RequestContracts[S]['request'],
) => Promise<RequestContracts[S]['reply']>;

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
  handle<S extends RequestSubject>(subject: S, handler: QueryHandler<S>, scope?: string): void {
    this.handleFrom<RequestContracts, S>(RequestClassesBySubject, subject, handler, scope);
  }

  /** Binds another contract family (a service's own commands) once, so each handler is typed by its subject. */
  family<M extends RequestReplyContracts<keyof M & string>>(requestClasses: RequestClasses<M>) {
    return {
      handle: <S extends keyof M & string>(subject: S, handler: (request: M[S]['request']) => Promise<M[S]['reply']>) =>
        this.handleFrom<M, S>(requestClasses, subject, handler),
    };
  }

  /** Answers a subject of another contract family, validated the same way. */
  handleFrom<M extends RequestReplyContracts<keyof M & string>, S extends keyof M & string>(
    requestClasses: RequestClasses<M>,
    subject: S,
    handler: (request: M[S]['request']) => Promise<M[S]['reply']>,
    scope?: string,
  ): void {
    const natsSubject = this.ns.subject(scope ? `${subject}.${scope}` : subject);
    const subscription = this.nc.subscribe(natsSubject, {
      queue: this.service,
      callback: (error, message) => {
        if (error) {
          this.log.warn({ subject, err: describe(error) }, 'query subscription error');
          return;
        }
        void (async () => {
          let reply: M[S]['reply'] | QueryFailure;
          try {
            reply = await handler(parseContract(requestClasses[subject], message.json()));
          } catch (failure) {
            const refusal = toFailure(failure);
            if (refusal.error.code === 'internal') this.log.error({ subject, err: describe(failure) }, 'query failed');
            reply = refusal;
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
  if (failure instanceof QueryRejected) {
    return { error: { code: failure.code, message: failure.message, ...(failure.refusals ? { refusals: failure.refusals } : {}) } };
  }
  if (failure instanceof SyntaxError) return { error: { code: 'invalid_request', message: 'request must be JSON' } };
  return { error: { code: 'internal', message: 'the service could not answer' } };
}

export class QueryFailed extends Error {
  constructor(
    readonly subject: string,
    readonly code: QueryFailure['error']['code'] | 'unavailable',
    readonly reason: string,
    readonly refusals?: Refusal[],
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

  async request<S extends RequestSubject>(
    subject: S,
    request: RequestContracts[S]['request'],
    scope?: string,
  ): Promise<RequestContracts[S]['reply']> {
    return this.requestFrom<RequestContracts, S>(RequestClassesBySubject, subject, request, scope);
  }

  /** Asks on a subject of another contract family (a service's own commands); a long command sets its own wait. */
  async requestFrom<M extends RequestReplyContracts<keyof M & string>, S extends keyof M & string>(
    requestClasses: RequestClasses<M>,
    subject: S,
    request: M[S]['request'],
    scope?: string,
    timeoutMs = this.timeoutMs,
  ): Promise<M[S]['reply']> {
    parseContract(requestClasses[subject], JSON.parse(JSON.stringify(request)));
    let reply: M[S]['reply'] | QueryFailure;
    try {
      const message = await this.nc.request(
        this.ns.subject(scope ? `${subject}.${scope}` : subject),
        JSON.stringify(request),
        { timeout: timeoutMs },
      );
      reply = message.json();
    } catch (error) {
      throw new QueryFailed(subject, 'unavailable', describe(error));
    }
    if (reply && typeof reply === 'object' && 'error' in reply) {
      throw new QueryFailed(subject, reply.error.code, reply.error.message, reply.error.refusals);
    }
    return reply;
  }
}

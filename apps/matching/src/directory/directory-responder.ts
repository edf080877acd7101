import { NatsConnection, Subscription } from '@nats-io/transport-node';
import {
  ContractViolation,
  DirectoryContracts,
  DirectoryRequestClasses,
  DirectorySubject,
  parseContract,
  QueryFailure,
  QueryRejected,
} from '@korgoo/contracts';
import { describe, SubjectNamespace } from '@korgoo/messaging';

export type DirectoryHandler<S extends DirectorySubject> = (
  request: DirectoryContracts[S]['request'],
) => Promise<DirectoryContracts[S]['reply']>;

/**
 * Answers the directory subjects the way the shared query responder answers queries: one queue group for
 * all replicas, the request validated against its contract, a refusal carried as a code the gateway maps.
 */
export class DirectoryResponder {
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly nc: NatsConnection,
    private readonly ns: SubjectNamespace,
    private readonly service: string,
    private readonly log: { error(details: object, message: string): void },
  ) {}

  handle<S extends DirectorySubject>(subject: S, handler: DirectoryHandler<S>): void {
    const subscription = this.nc.subscribe(this.ns.subject(subject), {
      queue: this.service,
      callback: (error, message) => {
        if (error) return;
        void (async () => {
          let reply: DirectoryContracts[S]['reply'] | QueryFailure;
          try {
            const request = parseContract(DirectoryRequestClasses[subject] as new () => object, message.json());
            reply = await handler(request as DirectoryContracts[S]['request']);
          } catch (failure) {
            reply = toFailure(failure);
            if (reply.error.code === 'internal') this.log.error({ subject, err: describe(failure) }, 'directory request failed');
          }
          message.respond(JSON.stringify(reply));
        })();
      },
    });
    this.subscriptions.push(subscription);
  }

  stop(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }
}

function toFailure(failure: unknown): QueryFailure {
  if (failure instanceof ContractViolation) return { error: { code: 'invalid_request', message: failure.message } };
  if (failure instanceof QueryRejected) return { error: { code: failure.code, message: failure.message } };
  if (failure instanceof SyntaxError) return { error: { code: 'invalid_request', message: 'request must be JSON' } };
  return { error: { code: 'internal', message: 'the service could not answer' } };
}

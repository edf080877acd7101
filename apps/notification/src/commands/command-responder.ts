import { NatsConnection, Subscription } from '@nats-io/transport-node';
import {
  ContractViolation,
  NotificationCommandContracts,
  NotificationCommandRequestClasses,
  NotificationCommandSubject,
  parseContract,
  QueryFailure,
  QueryRejected,
} from '@korgoo/contracts';
import { describe, MessagingLog, SubjectNamespace } from '@korgoo/messaging';

type Handler<S extends NotificationCommandSubject> = (
  request: NotificationCommandContracts[S]['request'],
) => Promise<NotificationCommandContracts[S]['reply']>;

/** Answers the notification service's own request/reply subjects, with the failure codes the gateway maps. */
export class NotificationCommandResponder {
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly nc: NatsConnection,
    private readonly ns: SubjectNamespace,
    private readonly log: MessagingLog,
  ) {}

  handle<S extends NotificationCommandSubject>(subject: S, handler: Handler<S>): void {
    const subscription = this.nc.subscribe(this.ns.subject(subject), {
      queue: 'notification',
      callback: (error, message) => {
        if (error) {
          this.log.warn({ subject, err: describe(error) }, 'command subscription error');
          return;
        }
        void (async () => {
          let reply: NotificationCommandContracts[S]['reply'] | QueryFailure;
          try {
            const request = parseContract(NotificationCommandRequestClasses[subject] as new () => object, message.json());
            reply = await handler(request as NotificationCommandContracts[S]['request']);
          } catch (failure) {
            reply = toFailure(failure);
            if (reply.error.code === 'internal') this.log.error({ subject, err: describe(failure) }, 'command failed');
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

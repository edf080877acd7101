import { NatsConnection, Subscription } from '@nats-io/transport-node';
import { Logger } from 'pino';
import { ContractViolation, parseContract, QueryFailure, SetTestClockReply, SetTestClockRequest, TestClockSubjects } from '@korgoo/contracts';
import { SubjectNamespace } from '@korgoo/messaging';
import { SettableClock } from './core';

/**
 * Rehearsals and tests only (KORGOO_TEST_CLOCK, refused in production): moves this replica's clock when
 * `test.clock.set.v1` asks, and answers with the time it now reads.
 */
export class TestClockListener {
  private subscription: Subscription | null = null;

  constructor(
    private readonly clock: SettableClock,
    private readonly service: string,
    private readonly namespace: string,
    private readonly log: Logger,
  ) {}

  listen(nc: NatsConnection): void {
    // No queue group: each replica keeps its own clock, so each one must move it and answer.
    this.subscription = nc.subscribe(new SubjectNamespace(this.namespace).subject(TestClockSubjects.Set), {
      callback: (error, message) => {
        if (error) {
          this.log.warn({ err: String(error) }, 'test clock subscription error');
          return;
        }
        message.respond(JSON.stringify(this.set(message.data)));
      },
    });
    this.log.warn({ subject: TestClockSubjects.Set }, 'clock is settable over NATS (rehearsal or test)');
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }

  private set(data: Uint8Array): SetTestClockReply | QueryFailure {
    try {
      const request = parseContract(SetTestClockRequest, JSON.parse(new TextDecoder().decode(data)));
      this.clock.set(new Date(request.at));
      return { service: this.service, now: this.clock.now().toISOString() };
    } catch (failure) {
      const message = failure instanceof ContractViolation ? failure.message : 'request must be JSON';
      return { error: { code: 'invalid_request', message } };
    }
  }
}

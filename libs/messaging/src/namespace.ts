import { EventSubject, HistoryStreamName, StreamName } from '@korgoo/contracts';

/** Maps logical subjects and stream names into one deployment's namespace on a shared NATS. */
export class SubjectNamespace {
  constructor(readonly namespace: string) {}

  subject(logical: string): string {
    return `${this.namespace}.${logical}`;
  }

  stream(name: StreamName | HistoryStreamName): string {
    return `${this.streamPrefix()}${name}`;
  }

  /** Whether a stream is one of this namespace's: what a run that made the namespace deletes or waits for. */
  owns(streamName: string): boolean {
    return streamName.startsWith(this.streamPrefix());
  }

  private streamPrefix(): string {
    return `${this.namespace.toUpperCase()}_`;
  }

  /** One durable per (service, subject), shared by all replicas of that service. */
  durable(service: string, subject: EventSubject): string {
    return `${service}_${subject.replace(/[.]/g, '_')}`;
  }

  deadLetterSubject(service: string, subject: string): string {
    return this.subject(`deadletter.${service}.${subject}`);
  }
}

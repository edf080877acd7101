import { collectDefaultMetrics, Counter, Registry } from 'prom-client';

/** Prometheus metrics of one service: process defaults plus the event flow's outcomes. */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly eventsHandled: Counter<'subject' | 'outcome'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.eventsHandled = new Counter({
      name: 'korgoo_events_handled_total',
      help: 'Events taken from JetStream, by subject and outcome (applied, duplicate, retried, dead_lettered)',
      labelNames: ['subject', 'outcome'],
      registers: [this.registry],
    });
  }
}

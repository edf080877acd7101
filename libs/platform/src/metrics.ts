import { collectDefaultMetrics, Counter, Registry } from 'prom-client';
import { statementsSentSoFar } from './database';

/** Prometheus metrics of one service: process defaults, the event flow's outcomes and its database statements. */
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
    new Counter({
      name: 'korgoo_db_statements_total',
      help: 'Statements sent to PostgreSQL, BEGIN and COMMIT included: what each event costs the database in round trips',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(statementsSentSoFar());
      },
    });
  }
}

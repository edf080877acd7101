import { JsMsg } from '@nats-io/jetstream';
import { DataSource } from 'typeorm';
import { envelopeContract, EventEnvelope, EventPayloadClasses, IndicatorRebuild, parseContract } from '@korgoo/contracts';
import { MessagingRuntime } from '@korgoo/messaging';
import { Projected, projectEvent, ProjectedSubject } from './event-facts';
import { IndicatorReadModel } from './read-model';

/** Every table the projection writes, all rebuilt together. */
const READ_MODEL_TABLES = [
  'reporting.case_fact',
  'reporting.order_case',
  'reporting.centre_roster',
  'reporting.pair_session_hold',
  'reporting.programme_end',
];

/** Events of the history written to the read model together (`IndicatorReadModel.write`). */
const EVENTS_PER_STATEMENT = 500;

/** The history stream copies the domain streams within moments; events counted earlier than this are in it. */
const SOURCING_LAG_BOUND = '10 minutes';

/**
 * Drops the indicator read model and builds it again from REPORTING_HISTORY, in one transaction: until it
 * commits the old figures stay readable and the live consumers wait. An event a live consumer applies after
 * the commit may already be in the rebuilt model; the read model ignores it the second time.
 */
export class RebuildIndicators {
  constructor(
    private readonly dataSource: DataSource,
    private readonly messaging: MessagingRuntime,
    private readonly readModel: IndicatorReadModel,
  ) {}

  async execute(): Promise<IndicatorRebuild> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`LOCK TABLE ${READ_MODEL_TABLES.join(', ')} IN EXCLUSIVE MODE`);
      // Service roles may not TRUNCATE.
      for (const table of READ_MODEL_TABLES) await tx.query(`DELETE FROM ${table}`);
      // Every event counted lately must come out of the history too, however late the stream copied it.
      const recent: Array<{ event_id: string }> = await tx.query(
        `SELECT DISTINCT event_id FROM reporting.inbox WHERE processed_at > now() - interval '${SOURCING_LAG_BOUND}'`,
      );
      const awaited = new Set(recent.map((row) => row.event_id));
      // Tables stay locked until the commit: history is written a few hundred events a statement.
      const projected: Projected[] = [];
      const writeProjected = () => this.readModel.write(tx, projected.splice(0));
      const events = await this.messaging.replayHistory(
        'REPORTING_HISTORY',
        async (subject, message) => {
          if (!(subject in projectEvent)) return;
          const envelope = this.parse(subject as ProjectedSubject, message);
          if (!envelope) return;
          awaited.delete(envelope.eventId);
          const project = projectEvent[subject as ProjectedSubject] as (envelope: EventEnvelope) => ReturnType<(typeof projectEvent)[ProjectedSubject]>;
          projected.push(project(envelope));
          if (projected.length >= EVENTS_PER_STATEMENT) await writeProjected();
        },
        () => awaited.size > 0,
      );
      await writeProjected();
      const [{ orders, facts }]: Array<{ orders: number; facts: number }> = await tx.query(
        'SELECT (SELECT count(*) FROM reporting.order_case)::int AS orders, (SELECT count(*) FROM reporting.case_fact)::int AS facts',
      );
      return { events, orders, facts };
    });
  }

  /** An event that breaks its contract went to the dead letters when it arrived; it is not counted now either. */
  private parse(subject: ProjectedSubject, message: JsMsg): EventEnvelope | null {
    try {
      return parseContract(envelopeContract(EventPayloadClasses[subject]), message.json()) as unknown as EventEnvelope;
    } catch {
      return null;
    }
  }
}

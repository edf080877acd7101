import { JetStreamClient } from '@nats-io/jetstream';
import { DataSource } from 'typeorm';
import { DeadLetterView } from '@korgoo/contracts';
import { afterPositionSql, orderSql, pageOfRows, positionSql } from './list-page';
import { SubjectNamespace } from './namespace';

interface DeadLetterRow {
  id: string;
  consumer: string;
  subject: string;
  event_id: string | null;
  envelope: object | null;
  error: string;
  deliveries: number;
  created_at: Date;
  replayed_at: Date | null;
}

/** The stored dead letters of one service: listed for admins and replayed on their word. */
export class DeadLetters {
  constructor(
    private readonly dataSource: DataSource,
    private readonly js: JetStreamClient,
    private readonly ns: SubjectNamespace,
    private readonly schema: string,
    private readonly service: string,
  ) {}

  /** Newest first, one page at a time, the page's position applied in SQL. */
  async list(limit = 100, after: string | null = null): Promise<{ deadLetters: DeadLetterView[]; next: string | null }> {
    const rows: Array<DeadLetterRow & { position: string }> = await this.dataSource.query(
      `SELECT d.id, d.consumer, d.subject, d.event_id, d.error, d.deliveries, d.created_at, d.replayed_at, ${positionSql('d')} AS position
         FROM "${this.schema}".dead_letter d WHERE ${afterPositionSql('d', '$1')}
        ORDER BY ${orderSql('d')} LIMIT $2`,
      [after, limit + 1],
    );
    const page = pageOfRows(rows, limit, (row) => ({
      deadLetterId: row.id,
      service: this.service,
      subject: row.subject,
      eventId: row.event_id,
      error: row.error,
      deliveries: row.deliveries,
      createdAt: row.created_at.toISOString(),
      replayedAt: row.replayed_at?.toISOString() ?? null,
    }));
    return { deadLetters: page.items, next: page.next };
  }

  /**
   * Publishes the stored event again under a fresh message id (the original id is still inside the
   * duplicate window). Consumers that already applied it skip it through their inbox.
   */
  async replay(deadLetterId: string): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const rows: DeadLetterRow[] = await tx.query(
        `SELECT id, subject, envelope FROM "${this.schema}".dead_letter
          WHERE id = $1 AND replayed_at IS NULL AND envelope IS NOT NULL FOR UPDATE`,
        [deadLetterId],
      );
      if (rows.length === 0) return false;
      await this.js.publish(this.ns.subject(rows[0].subject), JSON.stringify(rows[0].envelope), {
        msgID: `replay-${deadLetterId}`,
      });
      await tx.query(`UPDATE "${this.schema}".dead_letter SET replayed_at = now() WHERE id = $1`, [deadLetterId]);
      return true;
    });
  }
}

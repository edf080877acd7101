import { EntityManager } from 'typeorm';
import { PublicEdition } from '@korgoo/contracts';
import type { QuarterTable } from '../indicators/public-view';

export interface StoredEdition {
  quarter: string;
  edition: PublicEdition;
  tables: QuarterTable[];
}

/** The editions published so far: written once per quarter and edition, read back as they were. */
export class PublicEditionStore {
  async find(db: EntityManager, wanted: ReadonlyArray<{ quarter: string; edition: PublicEdition }>): Promise<StoredEdition[]> {
    if (wanted.length === 0) return [];
    return db.query(
      `SELECT e.quarter, e.edition, e.tables FROM reporting.public_edition e
         JOIN unnest($1::text[], $2::text[]) AS w(quarter, edition) USING (quarter, edition)`,
      [wanted.map((w) => w.quarter), wanted.map((w) => w.edition)],
    );
  }

  /** Stores an edition unless another replica stored it first: theirs stands, and `find` reads it. */
  async publish(db: EntityManager, edition: StoredEdition, countedBefore: Date): Promise<void> {
    await db.query(
      `INSERT INTO reporting.public_edition (quarter, edition, counted_before, tables) VALUES ($1, $2, $3, $4)
       ON CONFLICT (quarter, edition) DO NOTHING`,
      [edition.quarter, edition.edition, countedBefore, JSON.stringify(edition.tables)],
    );
  }
}

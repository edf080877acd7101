import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each quarter's public tables as an edition published them, kept so that they never move afterwards, whatever
 * arrives late or however the read model is rebuilt.
 */
export class PublicEditions1766400000000 implements MigrationInterface {
  name = 'PublicEditions1766400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reporting.public_edition (
        quarter text NOT NULL,
        edition text NOT NULL CHECK (edition IN ('provisional', 'final')),
        counted_before timestamptz NOT NULL,
        tables jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (quarter, edition)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE reporting.public_edition');
  }
}

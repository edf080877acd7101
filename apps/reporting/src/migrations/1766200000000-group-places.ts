import { MigrationInterface, QueryRunner } from 'typeorm';

/** A place booked in a group session: which session (an id, no person) and how many places it held then. */
export class GroupPlaces1766200000000 implements MigrationInterface {
  name = 'GroupPlaces1766200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE reporting.case_fact ADD COLUMN session_id uuid, ADD COLUMN participants int');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE reporting.case_fact DROP COLUMN session_id, DROP COLUMN participants');
  }
}

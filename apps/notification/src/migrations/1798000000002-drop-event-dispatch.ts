import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `event_dispatch` counted an event's runs apart from its delivery; JetStream's delivery count has long done that
 * and no release writes or reads the table.
 */
export class DropEventDispatch1798000000002 implements MigrationInterface {
  name = 'DropEventDispatch1798000000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE notification.event_dispatch');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification.event_dispatch (
        source_event_id uuid PRIMARY KEY,
        runs int NOT NULL DEFAULT 0,
        last_run_at timestamptz NOT NULL DEFAULT now()
      )`);
  }
}

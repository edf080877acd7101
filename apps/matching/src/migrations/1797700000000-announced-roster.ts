import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The roster of each centre as last announced to other services (`directory.roster_changed.v1`): a roster
 * that differs from it is announced again. Not tied to the centre row, so a removed centre's empty roster is
 * announced too.
 */
export class AnnouncedRoster1797700000000 implements MigrationInterface {
  name = 'AnnouncedRoster1797700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE matching.announced_roster (
        centre_id text PRIMARY KEY,
        roster jsonb NOT NULL,
        announced_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE matching.announced_roster');
  }
}

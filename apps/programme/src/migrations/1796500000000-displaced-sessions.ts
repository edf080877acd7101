import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A session a facilitator's absence displaced, for which no slot fitted before expiry, keeps its time and is
 * marked `displaced`: an extension of the order tries its make-up again, as for an excused absence.
 */
export class DisplacedSessions1796500000000 implements MigrationInterface {
  name = 'DisplacedSessions1796500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE programme.session ADD COLUMN displaced boolean NOT NULL DEFAULT false');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE programme.session DROP COLUMN displaced');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The victim's safe-contact phone was collected for no use and with no consent: it is dropped, with what
 * was stored. Victim support that needs it brings it back with consent and a purpose.
 */
export class NoVictimContact1768000000000 implements MigrationInterface {
  name = 'NoVictimContact1768000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE gateway.protection_order DROP COLUMN victim');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE gateway.protection_order ADD COLUMN victim jsonb');
  }
}

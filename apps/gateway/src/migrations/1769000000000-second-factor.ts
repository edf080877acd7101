import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The optional TOTP second factor: the secret (sealed), when it was confirmed (from then on sign-in needs a
 * code), and the time step of the last code accepted, so a code works once.
 */
export class SecondFactor1769000000000 implements MigrationInterface {
  name = 'SecondFactor1769000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE gateway.account
      ADD COLUMN totp_secret text,
      ADD COLUMN totp_enabled_at timestamptz,
      ADD COLUMN totp_last_step bigint,
      ADD CONSTRAINT account_totp_check CHECK (totp_enabled_at IS NULL OR totp_secret IS NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE gateway.account DROP CONSTRAINT account_totp_check,
      DROP COLUMN totp_last_step, DROP COLUMN totp_enabled_at, DROP COLUMN totp_secret`);
  }
}

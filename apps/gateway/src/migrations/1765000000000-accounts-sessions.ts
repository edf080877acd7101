import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Short-lived access tokens with rotated refresh tokens: a token version per account (bumped on deactivation,
 * role change or password reset, which makes every access token it signed stale), refresh tokens stored as
 * hashes in families (a reused token revokes its family), and failed sign-in counters per account and address.
 */
export class AccountsSessions1765000000000 implements MigrationInterface {
  name = 'AccountsSessions1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE gateway.account
        ADD COLUMN token_version integer NOT NULL DEFAULT 0,
        ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now()`);
    // Auditors read the audit log and nothing else.
    await db.query('ALTER TABLE gateway.account DROP CONSTRAINT account_role_check');
    await db.query(`ALTER TABLE gateway.account ADD CONSTRAINT account_role_check
      CHECK (role IN ('police', 'coordinator', 'centre', 'admin', 'auditor'))`);
    await db.query(`
      CREATE TABLE gateway.refresh_token (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL,
        account_id uuid NOT NULL REFERENCES gateway.account (id),
        token_hash text NOT NULL UNIQUE,
        token_version integer NOT NULL,
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query('CREATE INDEX refresh_token_family ON gateway.refresh_token (family_id)');
    await db.query('CREATE INDEX refresh_token_account ON gateway.refresh_token (account_id) WHERE revoked_at IS NULL');
    await db.query(`
      CREATE TABLE gateway.sign_in_failure (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        first_failed_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE gateway.sign_in_failure');
    await db.query('DROP TABLE gateway.refresh_token');
    await db.query('ALTER TABLE gateway.account DROP CONSTRAINT account_role_check');
    await db.query(`ALTER TABLE gateway.account ADD CONSTRAINT account_role_check
      CHECK (role IN ('police', 'coordinator', 'centre', 'admin'))`);
    await db.query('ALTER TABLE gateway.account DROP COLUMN password_changed_at, DROP COLUMN token_version');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** The Probation Department signs in to read national indicators and per-centre outcomes. */
export class ProbationRole1766000000000 implements MigrationInterface {
  name = 'ProbationRole1766000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE gateway.account DROP CONSTRAINT account_role_check,
      ADD CONSTRAINT account_role_check CHECK (role IN ('police', 'coordinator', 'centre', 'admin', 'auditor', 'probation'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE gateway.account DROP CONSTRAINT account_role_check,
      ADD CONSTRAINT account_role_check CHECK (role IN ('police', 'coordinator', 'centre', 'admin', 'auditor'))`);
  }
}

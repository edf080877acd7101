import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTablesSql, dropMessagingTablesSql } from '@korgoo/messaging';

/** The indicator read model: codes, instants and ids only; no name, address or contact ever lands here. */
export class CreateReportingSchema1766000000000 implements MigrationInterface {
  name = 'CreateReportingSchema1766000000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of createMessagingTablesSql('reporting')) await db.query(sql);
    await db.query(`
      CREATE TABLE reporting.order_case (
        order_id uuid PRIMARY KEY,
        issued_at timestamptz,
        expires_at timestamptz,
        oblast text,
        unit text,
        sex text,
        language text,
        risk_bin text,
        priority text,
        risk_version int
      )`);
    await db.query('CREATE INDEX order_case_issued ON reporting.order_case (issued_at)');
    await db.query(`
      CREATE TABLE reporting.case_fact (
        event_id uuid PRIMARY KEY,
        order_id uuid NOT NULL,
        kind text NOT NULL,
        reason text,
        centre_id text,
        occurred_at timestamptz NOT NULL
      )`);
    await db.query('CREATE INDEX case_fact_order ON reporting.case_fact (order_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE reporting.case_fact');
    await db.query('DROP TABLE reporting.order_case');
    for (const sql of dropMessagingTablesSql('reporting')) await db.query(sql);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTablesSql, dropMessagingTablesSql } from '@korgoo/messaging';

export class CreateRiskSchema1764000000000 implements MigrationInterface {
  name = 'CreateRiskSchema1764000000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of createMessagingTablesSql('risk')) await db.query(sql);
    await db.query(`
      CREATE TABLE risk.risk_assessment (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL,
        version int NOT NULL,
        status text NOT NULL CHECK (status IN ('scored', 'incomplete')),
        raw_score int NOT NULL,
        unknown_count int NOT NULL,
        final_score int,
        bin text,
        priority text NOT NULL CHECK (priority IN ('urgent', 'high', 'standard')),
        immediate_danger boolean NOT NULL,
        flags jsonb NOT NULL,
        explanation jsonb NOT NULL,
        policy_versions jsonb NOT NULL,
        screening jsonb NOT NULL,
        assessed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (order_id, version)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE risk.risk_assessment');
    for (const sql of dropMessagingTablesSql('risk')) await db.query(sql);
  }
}

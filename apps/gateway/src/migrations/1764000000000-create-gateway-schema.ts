import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTablesSql, dropMessagingTablesSql } from '@korgoo/messaging';

export class CreateGatewaySchema1764000000000 implements MigrationInterface {
  name = 'CreateGatewaySchema1764000000000';

  async up(db: QueryRunner): Promise<void> {
    for (const sql of createMessagingTablesSql('gateway')) await db.query(sql);
    await db.query(`
      CREATE TABLE gateway.account (
        id uuid PRIMARY KEY,
        username text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('police', 'coordinator', 'centre', 'admin')),
        centre_id text,
        display_name text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((role = 'centre') = (centre_id IS NOT NULL))
      )`);
    await db.query(`
      CREATE TABLE gateway.audit_log (
        id bigserial PRIMARY KEY,
        actor_id uuid NOT NULL,
        actor_role text NOT NULL,
        action text NOT NULL,
        resource_type text NOT NULL,
        resource_id text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX audit_log_resource ON gateway.audit_log (resource_type, resource_id)');
    await db.query(`
      CREATE TABLE gateway.protection_order (
        id uuid PRIMARY KEY,
        order_number text NOT NULL UNIQUE,
        body_hash text NOT NULL,
        issuing_unit text NOT NULL,
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL CHECK (expires_at > issued_at),
        perpetrator jsonb NOT NULL,
        victim jsonb,
        registered_by uuid NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE gateway.protection_order');
    await db.query('DROP TABLE gateway.audit_log');
    await db.query('DROP TABLE gateway.account');
    for (const sql of dropMessagingTablesSql('gateway')) await db.query(sql);
  }
}

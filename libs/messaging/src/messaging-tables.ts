import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox, inbox and dead-letter tables every service keeps in its own schema. Each service's first
 * migration calls these, so the tables are versioned with the service that owns them.
 */
export function createMessagingTablesSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}".outbox (
       event_id uuid PRIMARY KEY,
       seq bigserial NOT NULL UNIQUE,
       subject text NOT NULL,
       envelope jsonb NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       published_at timestamptz
     )`,
    `CREATE INDEX outbox_unpublished ON "${schema}".outbox (seq) WHERE published_at IS NULL`,
    `CREATE TABLE "${schema}".inbox (
       event_id uuid NOT NULL,
       consumer text NOT NULL,
       subject text NOT NULL,
       processed_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (event_id, consumer)
     )`,
    `CREATE TABLE "${schema}".dead_letter (
       id uuid PRIMARY KEY,
       consumer text NOT NULL,
       subject text NOT NULL,
       event_id uuid,
       envelope jsonb,
       raw text,
       error text NOT NULL,
       deliveries int NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       replayed_at timestamptz
     )`,
  ];
}

export function dropMessagingTablesSql(schema: string): string[] {
  return ['dead_letter', 'inbox', 'outbox'].map((table) => `DROP TABLE "${schema}".${table}`);
}

/**
 * A relay's claim on the outbox rows it is publishing, standing until a time (`OutboxRelay`): claiming and marking
 * published are then two statements, with no transaction held open across the publish.
 */
export function outboxClaimsSql(schema: string): string[] {
  return [`ALTER TABLE "${schema}".outbox ADD COLUMN claimed_until timestamptz`];
}

/** The migration that adds `outboxClaimsSql` to a service's schema, listed with the service's own. */
export function outboxClaimsMigration(schema: string, timestamp: number): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = `OutboxClaims${timestamp}`;

    async up(db: QueryRunner): Promise<void> {
      for (const sql of outboxClaimsSql(schema)) await db.query(sql);
    }

    async down(db: QueryRunner): Promise<void> {
      await db.query(`ALTER TABLE "${schema}".outbox DROP COLUMN claimed_until`);
    }
  };
}

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

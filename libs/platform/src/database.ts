import { Client, ClientConfig } from 'pg';
import { DataSource, MixedList } from 'typeorm';
import type { KorgooConfig } from '@korgoo/config';
import { sqlState } from './core';
import { PLAN_CHANGED_RESULT_TYPE, PreparedStatementNames } from './prepared-statements';
import { loginOf, serviceRoleStatements } from './service-role';

export interface ServiceDatabase {
  schema: string;
  entities: MixedList<Function>;
  migrations: MixedList<Function>;
  /** Tables the service may read and append to but never change (the audit log). */
  appendOnly?: readonly string[];
  /** Tables the service may read but never change: settings its owner writes (`ownerSettings`). */
  readOnly?: readonly string[];
  /** Statements the owner runs at every start, after the grants: settings from configuration, such as a term. */
  ownerSettings?: ReadonlyArray<{ sql: string; params: readonly unknown[] }>;
}

let statementsSent = 0;

/** Statements this process has sent to PostgreSQL over all its pools, transaction control included. */
export function statementsSentSoFar(): number {
  return statementsSent;
}

/** Connection settings this module adds to pg's: whether the connection sends hot statements prepared. */
interface ServiceClientConfig extends ClientConfig {
  preparedStatements?: PreparedStatementNames;
}

const send = Client.prototype.query as (...args: unknown[]) => unknown;

/** One naming for every pool of the process, so a text has the same name on each of its connections. */
const processStatements = new PreparedStatementNames();

/**
 * A pooled connection that always has someone listening for its errors, counts what it sends and, when its pool
 * asks, sends hot statements prepared. The pool listens while the connection is idle and TypeORM while a query
 * runner holds it, but each stops listening once it has seen one error; a server shutting down can send a second
 * (57P01 after the connection was already given up), and an error event nobody hears ends the whole process. The
 * pool and the query runner still act on the first; this one only keeps the service alive to reconnect.
 */
class ListenedClient extends Client {
  private readonly prepared: PreparedStatementNames | undefined;

  constructor(config?: string | ServiceClientConfig) {
    super(config);
    this.prepared = typeof config === 'object' ? config.preparedStatements : undefined;
    this.on('error', () => undefined);
  }

  /** A statement with parameters and no callback, as TypeORM sends them, under its prepared name once it has one. */
  preparedQuery(args: unknown[]): Promise<unknown> | undefined {
    const [text, values] = args;
    if (!this.prepared || args.length !== 2 || typeof text !== 'string' || !Array.isArray(values)) return undefined;
    const name = this.prepared.nameFor(text);
    if (name === undefined) return undefined;
    return (send.call(this, { name, text, values }) as Promise<unknown>).catch((error: unknown) => {
      if (sqlState(error) === PLAN_CHANGED_RESULT_TYPE) this.prepared!.forget(text);
      throw error;
    });
  }
}

// Counted where every statement leaves, whichever pool, query runner or transaction sends it.
ListenedClient.prototype.query = function (this: ListenedClient, ...args: unknown[]) {
  statementsSent++;
  return this.preparedQuery(args) ?? send.apply(this, args);
} as Client['query'];

/**
 * Pool settings for a TypeORM data source of `url`: its size, its name in pg_stat_activity, connections that
 * never crash the service and are counted, how many it keeps open while idle (`min`; the rest close after ten
 * idle seconds), whether hot statements go prepared (off behind a pooler that hands one session's statements to
 * another), and the Unix socket when the URL names one.
 */
export function poolSettings(url: string, max: number, applicationName: string, min = 0, prepare = false) {
  return {
    max,
    min,
    application_name: applicationName,
    Client: ListenedClient,
    preparedStatements: prepare ? processStatements : undefined,
    ...unixSocketOf(url),
  };
}

/**
 * A `host` parameter naming a directory, libpq's way to reach PostgreSQL over its Unix socket
 * (`postgres://korgoo@localhost/korgoo?host=/var/run/postgresql`). On the database's own machine a statement
 * then costs both sides less CPU than over TCP on loopback. TypeORM reads only the URL's host and port, so the
 * directory goes to pg directly.
 */
export function unixSocketOf(url: string): { host?: string } {
  const host = new URL(url).searchParams.get('host');
  return host?.startsWith('/') ? { host } : {};
}

/** What opening a service's database needs of its configuration. */
export type DatabaseSettings = Pick<KorgooConfig, 'service' | 'databaseUrl' | 'databaseOwnerUrl' | 'dbPoolSize' | 'dbPreparedStatements'> &
  Partial<Pick<KorgooConfig, 'migrations'>> & {
    /** Connections kept open while idle: those the warm-up opened. */
    warmConnections?: number;
  };

/** What migrating a service's schema needs: the owner who migrates and the login given the service's role. */
export type MigrationLogins = Pick<KorgooConfig, 'service' | 'databaseUrl' | 'databaseOwnerUrl'>;

/**
 * Brings the service's schema up to date as its owner (or, with `migrations: 'verify'`, checks that the
 * migration Job did), then opens the service's connection pool as its own login. Never `synchronize`.
 */
export async function openServiceDatabase(config: DatabaseSettings, database: ServiceDatabase): Promise<DataSource> {
  if (config.migrations !== 'verify') await migrateServiceSchema(config, database);
  const dataSource = new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    schema: database.schema,
    entities: database.entities,
    synchronize: false,
    // A warmed service keeps the connections its warm-up opened, so a burst long after start finds them open.
    extra: poolSettings(config.databaseUrl, config.dbPoolSize, `korgoo-${config.service}`, config.warmConnections ?? 0, config.dbPreparedStatements),
  });
  await dataSource.initialize();
  if (config.migrations === 'verify') {
    await refuseUnmigratedSchema(dataSource, database).catch(async (error: unknown) => {
      await dataSource.destroy();
      throw error;
    });
  }
  return dataSource;
}

/** Undefined table, and no privilege on a schema whose owner has not yet granted the service's role. */
const NOT_MIGRATED_YET = new Set(['42P01', '42501']);

/** The names TypeORM records for applied migrations, in the order the service lists them. */
function migrationNames(database: ServiceDatabase): string[] {
  return (database.migrations as Array<new () => { name?: string }>).map((migration) => new migration().name ?? migration.name);
}

async function refuseUnmigratedSchema(dataSource: DataSource, database: ServiceDatabase): Promise<void> {
  const applied = new Set<string>(
    await dataSource
      .query(`SELECT name FROM "${database.schema}".migrations`)
      .then((rows: Array<{ name: string }>) => rows.map((row) => row.name))
      // No migrations table yet, or no grant on the schema yet: nothing applied. Any other failure (an outage)
      // is its own error, not a missing migration.
      .catch((error: unknown) => {
        if (NOT_MIGRATED_YET.has(sqlState(error) ?? '')) return [];
        throw error;
      }),
  );
  const pending = migrationNames(database).filter((name) => !applied.has(name));
  if (pending.length === 0) return;
  throw new Error(
    `the ${database.schema} schema lacks ${pending.length} migration(s), first ${pending[0]}: run this release's migration Job before its services`,
  );
}

/**
 * Brings the service's schema up to date as its owner and gives the service's login its own role (see
 * service-role.ts). Runs under an advisory lock, so several replicas or Jobs starting together apply each
 * migration once.
 */
export async function migrateServiceSchema(config: MigrationLogins, database: ServiceDatabase): Promise<void> {
  const owner = new DataSource({
    type: 'postgres',
    url: config.databaseOwnerUrl,
    schema: database.schema,
    migrations: database.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // One connection holds the advisory lock while the migrations run on another.
    extra: poolSettings(config.databaseOwnerUrl, 2, `korgoo-${config.service}-migrations`),
  });
  await owner.initialize();
  const lock = `korgoo-migrations-${database.schema}`;
  const runner = owner.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [lock]);
    // A schema an administrator made for the owner needs no CREATE right on the database.
    const existing: unknown[] = await runner.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [database.schema]);
    if (existing.length === 0) await runner.query(`CREATE SCHEMA IF NOT EXISTS "${database.schema}"`);
    await owner.runMigrations({ transaction: 'each' });
    const ownerLogin = loginOf(config.databaseOwnerUrl);
    const serviceLogin = loginOf(config.databaseUrl);
    const plan = {
      schema: database.schema,
      appendOnly: database.appendOnly ?? [],
      readOnly: database.readOnly ?? [],
      login: serviceLogin !== null && serviceLogin !== ownerLogin ? serviceLogin : null,
    };
    for (const statement of serviceRoleStatements(plan)) await runner.query(statement);
    for (const setting of database.ownerSettings ?? []) await runner.query(setting.sql, [...setting.params]);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [lock]).catch(() => undefined);
    await runner.release();
    await owner.destroy();
  }
}

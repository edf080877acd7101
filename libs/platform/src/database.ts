import { DataSource, MixedList } from 'typeorm';
import { KorgooConfig } from '@korgoo/config';

export interface ServiceDatabase {
  schema: string;
  entities: MixedList<Function>;
  migrations: MixedList<Function>;
}

/**
 * Opens the service's connection pool and brings its schema up to date. Migrations run under an advisory
 * lock so several replicas starting together apply each migration once. Never `synchronize`.
 */
export async function openServiceDatabase(config: KorgooConfig, database: ServiceDatabase): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    schema: database.schema,
    entities: database.entities,
    migrations: database.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: config.dbPoolSize, application_name: `korgoo-${config.service}` },
  });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`korgoo-migrations-${database.schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${database.schema}"`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`korgoo-migrations-${database.schema}`]).catch(() => undefined);
    await runner.release();
  }
  return dataSource;
}

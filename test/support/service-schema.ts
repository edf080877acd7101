import { DataSource } from 'typeorm';
import type { ServiceName } from '../../libs/config/src';
import { openServiceDatabase, ServiceDatabase } from '../../libs/platform/src/database';
import { leastPrivilegeDatabase } from './test-environment';

/**
 * One service's schema in this run's database, migrated by its owner and opened as the service's own
 * least-privileged login, without starting the service: for tests of its repositories against real Postgres.
 */
export function openServiceSchema(service: ServiceName, database: ServiceDatabase): Promise<DataSource> {
  const urls = leastPrivilegeDatabase(service, process.env.KORGOO_TEST_DATABASE!);
  return openServiceDatabase({ service, databaseUrl: urls.DATABASE_URL, databaseOwnerUrl: urls.DATABASE_OWNER_URL, dbPoolSize: 4, dbPreparedStatements: true }, database);
}

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPORTING_DATABASE } from '../apps/reporting/src/reporting-database';
import { openServiceDatabase } from '../libs/platform/src/database';
import { leastPrivilegeDatabase, withAdminClient } from './support/test-environment';

const run = promisify(execFile);
const MIGRATE = join(__dirname, '..', 'dist', 'tools', 'migrate.js');

/**
 * In production a service's pods hold no schema owner's credentials: a Job runs its migrations as the owner
 * (`tools/migrate.ts`), and the service, with `MIGRATIONS=verify`, only checks that the schema is current.
 */
describe('the migration Job and services that only verify', () => {
  const database = `korgoo_migrations_${process.env.KORGOO_TEST_NAMESPACE}`.toLowerCase();
  const logins = leastPrivilegeDatabase('reporting', database);
  const settings = { service: 'reporting' as const, databaseUrl: logins.DATABASE_URL, databaseOwnerUrl: logins.DATABASE_OWNER_URL, dbPoolSize: 2, dbPreparedStatements: true };
  const migrate = (env: Record<string, string>) =>
    run(process.execPath, [MIGRATE], { env: { PATH: process.env.PATH, NODE_ENV: 'development', ...env } });

  beforeAll(() => withAdminClient((client) => client.query(`CREATE DATABASE ${database}`)));
  afterAll(() => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)));

  it('keeps a verifying service from starting on a schema its migrations have not reached', async () => {
    const lacking = REPORTING_DATABASE.migrations.length;
    await expect(openServiceDatabase({ ...settings, migrations: 'verify' }, REPORTING_DATABASE)).rejects.toThrow(
      `the reporting schema lacks ${lacking} migration(s), first CreateReportingSchema1766000000000: run this release's migration Job`,
    );
  });

  it('migrates one service as its owner and grants its login its role; the service then opens it without owner rights', async () => {
    const { stdout } = await migrate({ SERVICE: 'reporting', ...logins });
    expect(JSON.parse(stdout)).toEqual({ service: 'reporting', msg: 'schema migrated' });
    const dataSource = await openServiceDatabase({ ...settings, databaseOwnerUrl: logins.DATABASE_URL, migrations: 'verify' }, REPORTING_DATABASE);
    try {
      expect(await dataSource.query('SELECT count(*)::int AS n FROM reporting.order_case')).toEqual([{ n: 0 }]);
      await expect(dataSource.query('CREATE TABLE reporting.intruder (id int)')).rejects.toMatchObject({ code: '42501' });
    } finally {
      await dataSource.destroy();
    }
  });

  it('names the services when it is not told which one to migrate', async () => {
    await expect(migrate({ SERVICE: 'audit', ...logins })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('SERVICE must be one of gateway, risk, matching, notification, programme, reporting'),
    });
  });
});

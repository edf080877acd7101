import 'reflect-metadata';
import { gatewayDatabase } from '../apps/gateway/src/gateway-database';
import { MATCHING_DATABASE } from '../apps/matching/src/matching-database';
import { NOTIFICATION_DATABASE } from '../apps/notification/src/notification-database';
import { PROGRAMME_DATABASE } from '../apps/programme/src/programme-database';
import { REPORTING_DATABASE } from '../apps/reporting/src/reporting-database';
import { RISK_DATABASE } from '../apps/risk/src/risk-database';
import { loadMigrationSettings, MigrationSettings, ServiceName } from '@korgoo/config';
import { migrateServiceSchema, ServiceDatabase } from '@korgoo/platform';

const DATABASES: Record<ServiceName, (settings: MigrationSettings) => ServiceDatabase> = {
  gateway: (settings) => gatewayDatabase(settings.auditYears),
  risk: () => RISK_DATABASE,
  matching: () => MATCHING_DATABASE,
  notification: () => NOTIFICATION_DATABASE,
  programme: () => PROGRAMME_DATABASE,
  reporting: () => REPORTING_DATABASE,
};

/**
 * One service's migrations, run as its schema owner, then exit: `SERVICE=risk node dist/tools/migrate.js`.
 * The migration Jobs of deploy/base run it, so the services' pods never hold the owner's credentials.
 */
async function main(): Promise<void> {
  const service = process.env.SERVICE as ServiceName;
  if (!(service in DATABASES)) throw new Error(`SERVICE must be one of ${Object.keys(DATABASES).join(', ')}`);
  const settings = loadMigrationSettings(service);
  await migrateServiceSchema(settings, DATABASES[service](settings));
  process.stdout.write(`${JSON.stringify({ service, msg: 'schema migrated' })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${JSON.stringify({ msg: 'migration failed', err: error instanceof Error ? error.message : String(error) })}\n`);
  process.exit(1);
});

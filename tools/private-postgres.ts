import { embeddedPostgres, EmbeddedPostgresFailure } from './embedded-postgres';

/**
 * Runs a private PostgreSQL until SIGTERM: `node dist/tools/private-postgres.js <data dir> <port>`.
 * Tests use it as a process they can stop and start, since jest cannot load the ESM-only package itself.
 */
async function main() {
  const [dataDir, port] = process.argv.slice(2);
  const pg = await embeddedPostgres(dataDir, Number(port));
  await pg.start();
  process.stdout.write('ready\n');
  const stop = async () => {
    await pg.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  console.error(error instanceof EmbeddedPostgresFailure ? `The embedded PostgreSQL could not start. ${error.message}` : error);
  process.exit(1);
});

import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { poolSettings, statementsSentSoFar } from '../libs/platform/src/database';
import { until } from './support/until';

/**
 * A service's pool: a server that ends every connection (a restart, a failover) must leave the service
 * running to reconnect, since an error event on a connection nobody listens to would end the whole process;
 * and every statement it sends is counted for `korgoo_db_statements_total`.
 */
describe('a service pool', () => {
  const url = process.env.KORGOO_TEST_DATABASE_URL!;
  const name = `korgoo-outage-${process.pid}`;
  let pool: DataSource;
  let admin: Client;
  const uncaught: unknown[] = [];
  const record = (error: unknown) => uncaught.push(error);

  beforeAll(async () => {
    process.on('uncaughtException', record);
    pool = new DataSource({ type: 'postgres', url, extra: poolSettings(url, 4, name) });
    await pool.initialize();
    admin = new Client({ connectionString: url });
    await admin.connect();
  });

  afterAll(async () => {
    process.off('uncaughtException', record);
    await pool?.destroy().catch(() => undefined);
    await admin?.end();
  });

  it('survives connections ended idle, between statements of a transaction and in mid-query, and serves again', async () => {
    for (let round = 0; round < 10; round++) {
      let letGo!: () => void;
      const held = new Promise<void>((resolve) => (letGo = resolve));
      const started: Array<Promise<void>> = [];
      const transactions = [0, 1].map(() => {
        let begun!: () => void;
        started.push(new Promise<void>((resolve) => (begun = resolve)));
        return pool
          .transaction(async (tx) => {
            await tx.query('SELECT 1');
            begun();
            await held;
            await tx.query('SELECT 1');
          })
          .then(
            () => 'committed',
            () => 'failed',
          );
      });
      const sleeping = pool.query('SELECT pg_sleep(5)').then(
        () => 'slept',
        () => 'failed',
      );
      await Promise.all(started);
      await until(async () => (await admin.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND query LIKE '%pg_sleep%'`, [name])).rowCount, 'the long query to run');
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [name]);
      letGo();
      expect(await Promise.all(transactions)).toEqual(['failed', 'failed']);
      expect(await sleeping).toBe('failed');
      // A connection ended while idle may be handed out once more before its error is read; the next is fresh.
      expect(await until(() => pool.query('SELECT 1 AS ok').catch(() => null), 'the pool to serve again')).toEqual([{ ok: 1 }]);
    }
    expect(uncaught).toEqual([]);
  });

  it('counts every statement it sends, transaction control included', async () => {
    const before = statementsSentSoFar();
    await pool.query('SELECT 1');
    await pool.transaction((tx) => tx.query('SELECT 1'));
    expect(statementsSentSoFar() - before).toBe(4);
  });

  it('connects over the Unix socket a `host` parameter names, and over TCP otherwise', async () => {
    const [{ unix_socket_directories: directories }] = (await admin.query('SHOW unix_socket_directories')).rows;
    const socketUrl = Object.assign(new URL(url), { search: `?host=${String(directories).split(',')[0].trim()}` }).toString();
    const overSocket = new DataSource({ type: 'postgres', url: socketUrl, extra: poolSettings(socketUrl, 1, `${name}-socket`) });
    await overSocket.initialize();
    try {
      // PostgreSQL names no client address for a connection over its Unix socket.
      expect(await overSocket.query('SELECT inet_client_addr() AS address')).toEqual([{ address: null }]);
      expect((await pool.query('SELECT inet_client_addr() AS address'))[0].address).not.toBeNull();
    } finally {
      await overSocket.destroy();
    }
  });

  describe('with prepared statements', () => {
    const table = `prepared_probe_${process.pid}`;
    let prepared: DataSource;

    beforeAll(async () => {
      prepared = new DataSource({ type: 'postgres', url, extra: poolSettings(url, 1, `${name}-prepared`, 0, true) });
      await prepared.initialize();
      await admin.query(`CREATE TABLE ${table} (id int PRIMARY KEY, label text)`);
      await admin.query(`INSERT INTO ${table} VALUES (1, 'one')`);
    });

    afterAll(async () => {
      await prepared?.destroy().catch(() => undefined);
      await admin.query(`DROP TABLE IF EXISTS ${table}`);
    });

    const read = (): Promise<unknown[]> => prepared.query(`SELECT * FROM ${table} WHERE id = $1`, [1]);
    const preparedHere = async (): Promise<string[]> =>
      (await prepared.query(`SELECT statement FROM pg_prepared_statements WHERE statement LIKE $1`, [`%FROM ${table}%`])).map(
        (row: { statement: string }) => row.statement,
      );

    it('sends a statement prepared from its second use, and answers as before', async () => {
      expect(await read()).toEqual([{ id: 1, label: 'one' }]);
      expect(await preparedHere()).toEqual([]);
      expect(await read()).toEqual([{ id: 1, label: 'one' }]);
      expect(await read()).toEqual([{ id: 1, label: 'one' }]);
      expect(await preparedHere()).toEqual([`SELECT * FROM ${table} WHERE id = $1`]);
    });

    it('after a column is added under it, fails once and then sends the statement unprepared', async () => {
      await admin.query(`ALTER TABLE ${table} ADD COLUMN note text`);
      await expect(read()).rejects.toMatchObject({ code: '0A000' });
      expect(await read()).toEqual([{ id: 1, label: 'one', note: null }]);
      expect(await read()).toEqual([{ id: 1, label: 'one', note: null }]);
    });
  });
});

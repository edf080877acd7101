import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { MatchingStack } from './support/matching-stack';
import { databaseUrl, leastPrivilegeDatabase } from './support/test-environment';
import { until } from './support/until';

const run = promisify(execFile);
const YEAR_MS = 365.25 * 24 * 3600_000;

/**
 * The audit log is kept RETENTION_AUDIT_YEARS (seven by default), then purged by the gateway's poller on its
 * injected clock through the owner's `gateway.purge_audit_log`: the oldest entries as one run from the start
 * of the chain, with an entry that says how many went. The database holds the term too and refuses anyone a
 * cutoff inside it, even a gateway whose clock runs ahead; the gateway's own login cannot delete a single
 * entry nor change the term, and a deletion no purge wrote up shows as a broken chain.
 */
describe('audit log retention: entries past their term purged, the purge itself audited', () => {
  const stack = new MatchingStack({ services: ['gateway'], env: { RETENTION_POLL_MS: '200' } });
  let gatewayLogin: Client;

  const signInAt = async (at: Date) => {
    await stack.setClock(at);
    await stack.login('police.demo', 'korgoo-demo-police');
  };
  const entries = async () =>
    stack.sql<{ id: string; at: Date; action: string; actor_id: string | null; detail: string | null }>(
      'SELECT id, at, action, actor_id, detail FROM gateway.audit_log ORDER BY id',
    );
  const purges = async () => (await entries()).filter((entry) => entry.action === 'purge');
  const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id);
  const verifyChain = () =>
    run(process.execPath, [join(__dirname, '..', 'dist', 'tools', 'verify-audit-chain.js')], {
      env: { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: databaseUrl(stack.database) },
    }).then(
      ({ stdout }) => ({ code: 0, verdict: JSON.parse(stdout) }),
      (error: { code: number; stdout: string }) => ({ code: error.code, verdict: JSON.parse(error.stdout) }),
    );

  beforeAll(async () => {
    await stack.start();
    gatewayLogin = new Client({ connectionString: leastPrivilegeDatabase('gateway', stack.database).DATABASE_URL });
    await gatewayLogin.connect();
  });
  afterAll(async () => {
    await gatewayLogin?.end();
    await stack.stop();
  });

  it('purges what is older than seven years by the gateway’s clock, but never what the database’s clock puts inside them', async () => {
    const now = Date.now();
    expect(await entries()).toEqual([]);
    const signedInAt = async (yearsAgo: number) => {
      const before = (await entries()).length;
      await signInAt(new Date(now - yearsAgo * YEAR_MS));
      await signInAt(new Date(now - yearsAgo * YEAR_MS));
      return (await entries()).slice(before);
    };
    const nineYearsOld = await signedInAt(9);
    const sevenAndAHalfYearsOld = await signedInAt(7.5);
    const sixYearsOld = await signedInAt(6);

    // A year behind, the gateway sees only the nine-year-old entries past the term.
    await stack.setClock(new Date(now - YEAR_MS));
    await until(async () => (await purges()).length === 1, 'the first purge');
    const [first] = await purges();
    expect(first.actor_id).toBeNull();
    expect(JSON.parse(first.detail!)).toEqual({
      entries: nineYearsOld.length,
      before: expect.any(String),
      throughId: nineYearsOld.at(-1)!.id,
      throughHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(ids((await entries()).slice(0, sevenAndAHalfYearsOld.length + sixYearsOld.length))).toEqual(ids([...sevenAndAHalfYearsOld, ...sixYearsOld]));
    expect(await verifyChain()).toMatchObject({ code: 0, verdict: { intact: true, entries: (await entries()).length } });

    // Ten years ahead, a seven-year term would reach three years into the real future: the database's clock holds it.
    await stack.setClock(new Date(now + 10 * YEAR_MS));
    await until(async () => (await purges()).length === 2, 'the second purge');
    expect(JSON.parse((await purges())[1].detail!)).toMatchObject({ entries: sevenAndAHalfYearsOld.length });
    const kept = await entries();
    expect(ids(kept.slice(0, sixYearsOld.length))).toEqual(ids(sixYearsOld));
    expect(ids(kept)).toEqual(expect.arrayContaining([first.id]));
    expect(await verifyChain()).toMatchObject({ code: 0, verdict: { intact: true, entries: kept.length } });
  });

  it('refuses the gateway’s login a cutoff inside the term, any DELETE and any change of the term', async () => {
    expect(await stack.sql('SELECT years FROM gateway.audit_retention')).toEqual([{ years: 7 }]);
    await expect(gatewayLogin.query(`SELECT * FROM gateway.purge_audit_log(now() - interval '6 years', 10)`)).rejects.toMatchObject({
      code: '42501',
    });
    await expect(gatewayLogin.query(`DELETE FROM gateway.audit_log WHERE at < now() - interval '5 years'`)).rejects.toMatchObject({ code: '42501' });
    await expect(gatewayLogin.query('UPDATE gateway.audit_retention SET years = 5')).rejects.toMatchObject({ code: '42501' });
    // The owner may purge too, but not around the rule: the trigger keeps any entry inside the term.
    await expect(stack.db.query('DELETE FROM gateway.audit_log WHERE id = (SELECT min(id) FROM gateway.audit_log)')).rejects.toThrow(
      'append-only',
    );
    const none = await gatewayLogin.query(`SELECT * FROM gateway.purge_audit_log(now() - interval '20 years', 10)`);
    expect(none.rows).toEqual([{ entries: 0, through_id: null, through_hash: null }]);
  });

  it('shows a deletion no purge wrote up as a broken chain', async () => {
    const [oldest] = await entries();
    // Someone with the owner's rights switches the triggers off and deletes the oldest entry kept.
    await stack.db.query('BEGIN');
    await stack.db.query('SET LOCAL session_replication_role = replica');
    await stack.db.query('DELETE FROM gateway.audit_log WHERE id = $1', [oldest.id]);
    await stack.db.query('COMMIT');
    expect(await verifyChain()).toMatchObject({ code: 1, verdict: { intact: false, reason: 'relinked' } });
  });
});

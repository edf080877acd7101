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
 * of the chain, with an entry that says how many went. The database refuses anyone a cutoff under five
 * years, even to a gateway whose clock runs ahead, and the gateway's own login still cannot delete a single
 * entry; a purge that skips its entry shows as a broken chain.
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

  it('purges entries older than seven years from the start of the chain, counts them in a system entry, and the chain still verifies', async () => {
    const now = Date.now();
    expect(await entries()).toEqual([]);
    await signInAt(new Date(now - 8 * YEAR_MS));
    await signInAt(new Date(now - 7.5 * YEAR_MS));
    const pastTerm = await entries();
    await signInAt(new Date(now - 6 * YEAR_MS));
    await signInAt(new Date(now - 6 * YEAR_MS));
    const withinTerm = (await entries()).slice(pastTerm.length);
    expect(pastTerm.length).toBeGreaterThanOrEqual(2);
    expect(withinTerm.length).toBeGreaterThanOrEqual(2);

    await stack.setClock(new Date(now));
    await until(async () => (await entries()).some((entry) => entry.action === 'purge'), 'the purge to leave its entry');

    const kept = await entries();
    expect(kept.map((entry) => entry.id)).toEqual(expect.not.arrayContaining(pastTerm.map((entry) => entry.id)));
    expect(kept.slice(0, withinTerm.length).map((entry) => entry.id)).toEqual(withinTerm.map((entry) => entry.id));
    const purge = kept.find((entry) => entry.action === 'purge')!;
    expect(purge.actor_id).toBeNull();
    expect(JSON.parse(purge.detail!)).toEqual({
      entries: pastTerm.length,
      before: expect.any(String),
      throughId: pastTerm.at(-1)!.id,
      throughHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await verifyChain()).toMatchObject({ code: 0, verdict: { intact: true, entries: kept.length } });
  });

  it('refuses every role a cutoff younger than five years, and the gateway’s login any DELETE', async () => {
    await expect(gatewayLogin.query(`SELECT * FROM gateway.purge_audit_log(now() - interval '4 years', 10)`)).rejects.toMatchObject({
      code: '42501',
    });
    await expect(gatewayLogin.query(`DELETE FROM gateway.audit_log WHERE at < now() - interval '5 years'`)).rejects.toMatchObject({ code: '42501' });
    // The owner may purge too, but not around the rule: the trigger keeps any entry younger than five years.
    await expect(stack.db.query('DELETE FROM gateway.audit_log WHERE id = (SELECT max(id) FROM gateway.audit_log)')).rejects.toThrow(
      'append-only',
    );
    const none = await gatewayLogin.query(`SELECT * FROM gateway.purge_audit_log(now() - interval '20 years', 10)`);
    expect(none.rows).toEqual([{ entries: 0, through_id: null, through_hash: null }]);
  });

  it('shows a purge that left no entry of its own as a broken chain', async () => {
    const [oldest] = await entries();
    const silent = await gatewayLogin.query(`SELECT * FROM gateway.purge_audit_log(now() - interval '5 years 1 day', 1)`);
    expect(silent.rows[0]).toMatchObject({ entries: 1, through_id: oldest.id });
    expect(await verifyChain()).toMatchObject({ code: 1, verdict: { intact: false, reason: 'relinked' } });
  });

  it('holds a gateway clock set far ahead to the five years the database keeps', async () => {
    const before = await entries();
    const fiveYearsAgo = Date.now() - 5 * YEAR_MS;
    const past = before.filter((entry) => entry.at.getTime() < fiveYearsAgo);
    const young = before.filter((entry) => entry.at.getTime() >= fiveYearsAgo);
    expect(past.length).toBeGreaterThanOrEqual(1);

    // Ten years ahead, a seven-year term would reach three years into the real future.
    await stack.setClock(new Date(Date.now() + 10 * YEAR_MS));
    const purges = async () => (await entries()).filter((entry) => entry.action === 'purge');
    await until(async () => (await purges()).length === 2, 'the second purge');

    const after = await entries();
    expect(after.map((entry) => entry.id)).toEqual(expect.arrayContaining(young.map((entry) => entry.id)));
    expect(after.every((entry) => entry.at.getTime() >= fiveYearsAgo)).toBe(true);
    expect(JSON.parse((await purges())[1].detail!)).toMatchObject({ entries: past.length });
  });
});

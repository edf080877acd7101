import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import request from 'supertest';
import { MatchingStack } from './support/matching-stack';
import { protectionOrderBody } from './support/protection-order.fixture';
import { until } from './support/until';

const YEAR_MS = 365.25 * 24 * 3600_000;

/**
 * An order's personal data is erased when its retention term has run: five years after its case closed
 * (a withdrawal, or the programme's final outcome), or seven after expiry when no end was ever heard.
 * Each erasure is audited; the order itself stays for the counts.
 */
describe('retention: personal data erased when its term has run', () => {
  const stack = new MatchingStack({ services: ['gateway'], env: { RETENTION_POLL_MS: '200' } });
  let police: string;

  const register = async (fullName: string) => {
    const body = protectionOrderBody({ perpetrator: { fullName, birthYear: 1980, sex: 'male', language: 'ky', location: { settlementCode: 'naryn' } } });
    (body.screening as { override?: unknown }).override = { priority: 'urgent', reason: 'Officer’s words about the family' };
    const created = await request(stack.gateway).post('/api/v1/protection-orders').auth(police, { type: 'bearer' }).send(body).expect(201);
    return { orderId: created.body.orderId as string, expiresAt: new Date(body.expiresAt as string) };
  };
  const stored = async (orderId: string) => {
    const order = await stack.db.query('SELECT perpetrator, case_closed_at, erased_at FROM gateway.protection_order WHERE id = $1', [orderId]);
    const notes = await stack.db.query('SELECT count(*)::int AS n FROM gateway.order_note WHERE order_id = $1', [orderId]);
    return { ...order.rows[0], notes: notes.rows[0].n as number };
  };
  const erasureAudits = async (orderId: string) =>
    (
      await stack.db.query(
        `SELECT actor_id FROM gateway.audit_log WHERE action = 'erase' AND resource_type = 'protection_order' AND resource_id = $1`,
        [orderId],
      )
    ).rows;

  beforeAll(async () => {
    await stack.start();
    police = await stack.login('police.demo', 'korgoo-demo-police');
  });
  afterAll(() => stack.stop());

  it('erases a closed case five years on and an unclosed one seven years after expiry, each audited once', async () => {
    const withdrawn = await register('Абдыкадыров Эрлан');
    await request(stack.gateway)
      .post(`/api/v1/protection-orders/${withdrawn.orderId}/withdrawal`)
      .auth(police, { type: 'bearer' })
      .send({ reason: 'registered_in_error', note: 'Wrong person' })
      .expect(202);
    const completed = await register('Бекболотов Азамат');
    const neverHeard = await register('Токтогулов Руслан');

    // The programme service's outcome, as the gateway receives it.
    const eventId = randomUUID();
    const completedAt = new Date();
    const envelope = {
      eventId,
      subject: 'programme.completed.v1',
      occurredAt: completedAt.toISOString(),
      correlationId: completed.orderId,
      producer: 'programme',
      payload: {
        programmeId: randomUUID(),
        orderId: completed.orderId,
        referralId: randomUUID(),
        referralNumber: 'R-2026-000123',
        centreId: 'naryn-asylzat',
        completedAt: completedAt.toISOString(),
      },
    };
    await jetstream(stack.nc).publish(`${stack.namespace}.programme.completed.v1`, JSON.stringify(envelope), { msgID: eventId });
    await until(async () => (await stored(completed.orderId)).case_closed_at, 'the completed case to close');
    expect((await stored(withdrawn.orderId)).case_closed_at).not.toBeNull();
    expect((await stored(neverHeard.orderId)).case_closed_at).toBeNull();

    await stack.setClock(new Date(Date.now() + 5 * YEAR_MS + 2 * 24 * 3600_000));
    for (const { orderId } of [withdrawn, completed]) {
      await until(async () => (await stored(orderId)).erased_at, 'the closed case to be erased');
      const row = await stored(orderId);
      expect(row.perpetrator).toEqual({ sex: 'male', language: 'ky' });
      expect(row.notes).toBe(0);
      expect(await erasureAudits(orderId)).toEqual([{ actor_id: null }]);
    }
    const kept = await stored(neverHeard.orderId);
    expect(kept.erased_at).toBeNull();
    expect(kept.perpetrator.fullName).toMatch(/^enc1\./);
    expect(kept.notes).toBe(1);

    await stack.setClock(new Date(neverHeard.expiresAt.getTime() + 7 * YEAR_MS + 2 * 24 * 3600_000));
    await until(async () => (await stored(neverHeard.orderId)).erased_at, 'the unclosed case to be erased');
    expect((await stored(neverHeard.orderId)).perpetrator).toEqual({ sex: 'male', language: 'ky' });
    for (const { orderId } of [withdrawn, completed, neverHeard]) expect(await erasureAudits(orderId)).toHaveLength(1);
  });

  it('deletes a refresh token thirty days after it was revoked or expired, and keeps a live one', async () => {
    const signIn = async () =>
      (await request(stack.gateway).post('/api/v1/auth/login').send({ username: 'police.demo', password: 'korgoo-demo-police' }).expect(200)).body;
    const start = new Date(Date.now() + 10 * YEAR_MS);
    const tokensSince = async () =>
      (await stack.db.query('SELECT issued_at, revoked_at FROM gateway.refresh_token WHERE issued_at >= $1 ORDER BY issued_at', [start])).rows;

    await stack.setClock(start);
    const signedOut = await signIn();
    await request(stack.gateway).post('/api/v1/auth/logout').send({ refreshToken: signedOut.refreshToken }).expect(204);
    expect(await tokensSince()).toHaveLength(1);

    const later = new Date(start.getTime() + 31 * 24 * 3600_000);
    await stack.setClock(later);
    const live = await signIn();
    await until(async () => (await tokensSince()).every((row) => row.revoked_at === null), 'the revoked token to be deleted');
    const kept = await tokensSince();
    expect(kept).toHaveLength(1);
    expect(kept[0].issued_at.getTime()).toBeGreaterThanOrEqual(later.getTime());
    await request(stack.gateway).post('/api/v1/auth/refresh').send({ refreshToken: live.refreshToken }).expect(200);
  });

  it('deletes a failed sign-in count once it no longer slows anyone down, and keeps one still locked or counting', async () => {
    const MINUTE = 60_000;
    const start = new Date(Date.now() + 12 * YEAR_MS);
    const keys = async () =>
      (await stack.db.query(`SELECT key FROM gateway.sign_in_failure WHERE key LIKE 'account:nobody.%' ORDER BY key`)).rows.map((row) => row.key);
    await stack.setClock(start);
    await request(stack.gateway).post('/api/v1/auth/login').send({ username: 'nobody.spent', password: 'not-the-password-at-all' }).expect(401);
    await stack.db.query(
      `INSERT INTO gateway.sign_in_failure (key, failures, first_failed_at, locked_until)
       VALUES ('account:nobody.locked', 12, $1, $2), ('account:nobody.counting', 1, $3, NULL)`,
      [new Date(start.getTime() - 60 * MINUTE), new Date(start.getTime() + 20 * MINUTE), new Date(start.getTime() + 10 * MINUTE)],
    );

    // Past the 15-minute window: the plain count goes; the lock and the recent count stay.
    await stack.setClock(new Date(start.getTime() + 16 * MINUTE));
    await until(async () => !(await keys()).includes('account:nobody.spent'), 'the spent count to be deleted');
    expect(await keys()).toEqual(['account:nobody.counting', 'account:nobody.locked']);

    await stack.setClock(new Date(start.getTime() + 21 * MINUTE));
    await until(async () => !(await keys()).includes('account:nobody.locked'), 'the count whose lock ran out to be deleted');
    expect(await keys()).toEqual(['account:nobody.counting']);
  });
});

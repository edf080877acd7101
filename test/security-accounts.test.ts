import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import request from 'supertest';
import { KorgooStack } from './support/korgoo-stack';
import { protectionOrderBody } from './support/protection-order.fixture';

const PASSWORD = 'a-long-enough-password';
const run = promisify(execFile);

describe('accounts, sessions, audit and police units', () => {
  const stack = new KorgooStack();
  let db: Client;
  let admin: string;

  const api = () => request(stack.gateway);
  const signIn = (username: string, password = PASSWORD) => api().post('/api/v1/auth/login').send({ username, password });

  async function createAccount(body: Record<string, unknown>): Promise<string> {
    const username = `${body.role}.${Math.random().toString(36).slice(2, 10)}`;
    const created = await api()
      .post('/api/v1/accounts')
      .auth(admin, { type: 'bearer' })
      .send({ username, password: PASSWORD, displayName: 'Test account', ...body })
      .expect(201);
    expect(created.body).toMatchObject({ username, active: true });
    return username;
  }

  async function auditRows(where: string, params: unknown[]) {
    const { rows } = await db.query(`SELECT * FROM gateway.audit_log WHERE ${where} ORDER BY id`, params);
    return rows;
  }

  beforeAll(async () => {
    await stack.start();
    db = new Client({ connectionString: process.env.KORGOO_TEST_DATABASE_URL });
    await db.connect();
    admin = await stack.login('admin.demo', 'korgoo-demo-admin');
  });

  afterAll(async () => {
    await db?.end();
    await stack.stop();
  });

  describe('sessions', () => {
    it('signs in with a 15-minute access token and a refresh token that works once and rotates', async () => {
      const username = await createAccount({ role: 'coordinator' });
      const first = (await signIn(username).expect(200)).body;
      expect(first).toMatchObject({ expiresInSeconds: 900, refreshExpiresInSeconds: 43200, role: 'coordinator' });
      const second = (await api().post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      await api().get('/api/v1/referrals').auth(second.accessToken, { type: 'bearer' }).expect(200);
      const third = (await api().post('/api/v1/auth/refresh').send({ refreshToken: second.refreshToken }).expect(200)).body;
      expect(third.refreshToken).not.toBe(second.refreshToken);
    });

    it('revokes the whole session when a used refresh token comes back', async () => {
      const username = await createAccount({ role: 'coordinator' });
      const stolen = (await signIn(username).expect(200)).body.refreshToken;
      const legitimate = (await api().post('/api/v1/auth/refresh').send({ refreshToken: stolen }).expect(200)).body.refreshToken;
      await api().post('/api/v1/auth/refresh').send({ refreshToken: stolen }).expect(401);
      // The legitimate holder's newer token dies with the family: both sides must sign in again.
      await api().post('/api/v1/auth/refresh').send({ refreshToken: legitimate }).expect(401);
      expect(await auditRows(`resource_type = 'session_reuse' AND outcome = 'refused'`, [])).not.toHaveLength(0);
    });

    it('signs out: the refresh token no longer works', async () => {
      const username = await createAccount({ role: 'coordinator' });
      const session = (await signIn(username).expect(200)).body;
      await api().post('/api/v1/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
      await api().post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    });

    it('ends every session at once when an admin deactivates the account', async () => {
      const username = await createAccount({ role: 'coordinator' });
      const session = (await signIn(username).expect(200)).body;
      await api().get('/api/v1/referrals').auth(session.accessToken, { type: 'bearer' }).expect(200);
      const [{ id }] = (await db.query('SELECT id FROM gateway.account WHERE username = $1', [username])).rows;
      await api().patch(`/api/v1/accounts/${id}`).auth(admin, { type: 'bearer' }).send({ active: false }).expect(200);
      await api().get('/api/v1/referrals').auth(session.accessToken, { type: 'bearer' }).expect(401);
      await api().post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
      await signIn(username).expect(401);
      expect(await auditRows(`action = 'change_account' AND resource_id = $1`, [id])).toHaveLength(1);
    });

    it('ends the sessions of an account whose role changes', async () => {
      const username = await createAccount({ role: 'coordinator' });
      const session = (await signIn(username).expect(200)).body;
      const [{ id }] = (await db.query('SELECT id FROM gateway.account WHERE username = $1', [username])).rows;
      await api().patch(`/api/v1/accounts/${id}`).auth(admin, { type: 'bearer' }).send({ role: 'admin' }).expect(200);
      await api().get('/api/v1/referrals').auth(session.accessToken, { type: 'bearer' }).expect(401);
      expect((await signIn(username).expect(200)).body.role).toBe('admin');
    });

    it('changes one’s own password and lets an admin reset it, each ending older sessions', async () => {
      const username = await createAccount({ role: 'coordinator' });
      const old = (await signIn(username).expect(200)).body;
      const renewed = await api()
        .post('/api/v1/auth/password')
        .auth(old.accessToken, { type: 'bearer' })
        .send({ currentPassword: PASSWORD, newPassword: 'another-long-password' })
        .expect(200);
      await api().get('/api/v1/referrals').auth(old.accessToken, { type: 'bearer' }).expect(401);
      await api().get('/api/v1/referrals').auth(renewed.body.accessToken, { type: 'bearer' }).expect(200);
      await signIn(username, 'another-long-password').expect(200);

      const [{ id }] = (await db.query('SELECT id FROM gateway.account WHERE username = $1', [username])).rows;
      await api().post(`/api/v1/accounts/${id}/password-reset`).auth(admin, { type: 'bearer' }).send({ newPassword: 'reset-by-the-admin' }).expect(204);
      await api().get('/api/v1/referrals').auth(renewed.body.accessToken, { type: 'bearer' }).expect(401);
      await signIn(username, 'reset-by-the-admin').expect(200);
      expect(await auditRows(`action IN ('change_password', 'reset_password') AND resource_id = $1`, [id])).toHaveLength(2);
    });

    it('locks a username after five wrong passwords, even for the right one', async () => {
      const username = await createAccount({ role: 'coordinator' });
      for (let i = 0; i < 5; i++) await signIn(username, 'wrong-password-guess').expect(401);
      const locked = await signIn(username).expect(429);
      expect(locked.body.retryAfterSeconds).toBeGreaterThan(0);
      expect(locked.body.retryAfterSeconds).toBeLessThanOrEqual(60);
      // Another account from the same address still signs in: five failures lock the name, not the address.
      await signIn('coordinator.demo', 'korgoo-demo-coordinator').expect(200);
      expect(await auditRows(`action = 'sign_in' AND outcome = 'refused'`, [])).not.toHaveLength(0);
    });

    it('refuses a short password naming the field', async () => {
      const response = await api()
        .post('/api/v1/accounts')
        .auth(admin, { type: 'bearer' })
        .send({ username: 'short.password', password: 'short', role: 'coordinator', displayName: 'x' })
        .expect(400);
      expect(response.body.problems).toContainEqual({ field: 'password', rules: ['password must be at least 12 characters'], codes: ['minLength'], params: { minLength: { min: 12 } } });
    });
  });

  describe('audit log', () => {
    it('records every refusal with who, what, address and request id', async () => {
      const police = (await signIn('police.demo', 'korgoo-demo-police').expect(200)).body;
      await api().get('/api/v1/referrals').set('x-request-id', 'refusal-test-0001').auth(police.accessToken, { type: 'bearer' }).expect(403);
      await api().get('/api/v1/referrals').set('x-request-id', 'refusal-test-0002').expect(401);
      const [forbidden] = await auditRows(`request_id = 'refusal-test-0001'`, []);
      expect(forbidden).toMatchObject({
        actor_role: 'police',
        unit_code: 'naryn-riib',
        action: 'refused',
        resource_id: 'GET /api/v1/referrals',
        outcome: 'refused',
      });
      expect(forbidden.ip).toEqual(expect.stringContaining('127.0.0.1'));
      const [anonymous] = await auditRows(`request_id = 'refusal-test-0002'`, []);
      expect(anonymous).toMatchObject({ actor_id: null, outcome: 'refused' });
    });

    it('records directory reads and referral decisions kept by other services before answering', async () => {
      const coordinator = await stack.login('coordinator.demo', 'korgoo-demo-coordinator');
      await api().get('/api/v1/directory/centres').set('x-request-id', 'directory-read-0001').auth(coordinator, { type: 'bearer' }).expect(200);
      const [entry] = await auditRows(`request_id = 'directory-read-0001'`, []);
      expect(entry).toMatchObject({ actor_role: 'coordinator', action: 'list', resource_type: 'centre', outcome: 'success' });
    });

    it('lets admins and auditors search it a page at a time, and nobody else', async () => {
      const [auditor, coordinator] = await Promise.all([
        stack.login('auditor.demo', 'korgoo-demo-auditor'),
        stack.login('coordinator.demo', 'korgoo-demo-coordinator'),
      ]);
      const first = await api().get('/api/v1/audit-log').query({ limit: 2, action: 'sign_in' }).auth(auditor, { type: 'bearer' }).expect(200);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await api()
        .get('/api/v1/audit-log')
        .query({ limit: 2, action: 'sign_in', cursor: first.body.nextCursor })
        .auth(admin, { type: 'bearer' })
        .expect(200);
      expect(Number(second.body.items[0].id)).toBeLessThan(Number(first.body.items[1].id));
      await api().get('/api/v1/audit-log').auth(coordinator, { type: 'bearer' }).expect(403);
      const tooMany = await api().get('/api/v1/audit-log').query({ limit: 1000 }).auth(auditor, { type: 'bearer' }).expect(400);
      expect(tooMany.body.problems).toContainEqual({ field: 'limit', rules: ['limit must be at most 200'], codes: ['max'], params: { max: { max: 200 } } });
    });

    it('cannot be changed or deleted with the service’s own database connection', async () => {
      await expect(db.query('DELETE FROM gateway.audit_log')).rejects.toThrow('append-only');
      await expect(db.query(`UPDATE gateway.audit_log SET outcome = 'success'`)).rejects.toThrow('append-only');
      await expect(db.query('TRUNCATE gateway.audit_log')).rejects.toThrow('append-only');
    });

    it('has a verify command that detects an edited entry', async () => {
      const verify = () =>
        run(process.execPath, [join(__dirname, '..', 'dist', 'tools', 'verify-audit-chain.js')], {
          env: { PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: process.env.KORGOO_TEST_DATABASE_URL },
        }).then(
          ({ stdout }) => ({ code: 0, verdict: JSON.parse(stdout) }),
          (error: { code: number; stdout: string }) => ({ code: error.code, verdict: JSON.parse(error.stdout) }),
        );
      // Audited requests at once take turns on the chain's head: every entry links to the one before it. Order
      // intakes append theirs in the statement that writes the order, its event and its notes.
      const count = async () => (await db.query('SELECT count(*)::int AS count FROM gateway.audit_log')).rows[0].count as number;
      const before = await count();
      const police = (await signIn('police.demo', 'korgoo-demo-police').expect(200)).body.accessToken as string;
      const orders = Array.from({ length: 4 }, (_, i) => {
        const body = protectionOrderBody();
        if (i % 2 === 0) (body.screening.immediateDanger as Record<string, unknown>).officerConcern = `Concern ${i}`;
        return body;
      });
      const [registered] = await Promise.all([
        Promise.all(orders.map((body) => api().post('/api/v1/protection-orders').auth(police, { type: 'bearer' }).send(body).expect(201))),
        Promise.all(Array.from({ length: 24 }, () => api().get('/api/v1/audit-log').query({ limit: 1 }).auth(admin, { type: 'bearer' }).expect(200))),
      ]);
      expect((await count()) - before).toBeGreaterThanOrEqual(28);
      const ids = registered.map((response) => response.body.orderId as string);
      const written = await db.query(
        `SELECT (SELECT count(*)::int FROM gateway.audit_log WHERE action = 'register' AND resource_id = ANY($1)) AS audited,
                (SELECT count(*)::int FROM gateway.outbox WHERE subject = 'order.registered.v1' AND envelope->>'correlationId' = ANY($1)) AS announced,
                (SELECT count(*)::int FROM gateway.order_note WHERE order_id::text = ANY($1)) AS noted`,
        [ids],
      );
      expect(written.rows[0]).toEqual({ audited: 4, announced: 4, noted: 2 });
      const again = await api().post('/api/v1/protection-orders').auth(police, { type: 'bearer' }).send(orders[0]).expect(200);
      expect(again.body).toEqual({ orderId: ids[0], orderNumber: orders[0].orderNumber, created: false });
      const intact = await verify();
      expect(intact).toMatchObject({ code: 0, verdict: { intact: true } });

      const [victim] = await auditRows(`action = 'sign_in' AND outcome = 'success'`, []);
      // Someone with the owner's rights switches the triggers off and rewrites who signed in.
      await db.query('BEGIN');
      await db.query('SET LOCAL session_replication_role = replica');
      await db.query('UPDATE gateway.audit_log SET actor_role = $2 WHERE id = $1', [victim.id, 'auditor']);
      await db.query('COMMIT');
      try {
        expect(await verify()).toMatchObject({ code: 1, verdict: { intact: false, brokenAt: victim.id, reason: 'edited' } });
      } finally {
        await db.query('BEGIN');
        await db.query('SET LOCAL session_replication_role = replica');
        await db.query('UPDATE gateway.audit_log SET actor_role = $2 WHERE id = $1', [victim.id, victim.actor_role]);
        await db.query('COMMIT');
      }
      expect(await verify()).toMatchObject({ code: 0, verdict: { intact: true } });
    });
  });

  describe('police units', () => {
    let unitA: string;
    let unitB: string;
    let orderOfA: string;
    let numberOfA: string;

    beforeAll(async () => {
      const [a, b] = await Promise.all([
        createAccount({ role: 'police', unitCode: 'bishkek-oktyabr' }),
        createAccount({ role: 'police', unitCode: 'osh-city' }),
      ]);
      [unitA, unitB] = await Promise.all([stack.login(a, PASSWORD), stack.login(b, PASSWORD)]);
      const body = protectionOrderBody();
      numberOfA = body.orderNumber;
      orderOfA = (await api().post('/api/v1/protection-orders').auth(unitA, { type: 'bearer' }).send(body).expect(201)).body.orderId;
    });

    it('lets the unit read its order and another unit neither read, correct nor withdraw it', async () => {
      await api().get(`/api/v1/protection-orders/${orderOfA}`).auth(unitA, { type: 'bearer' }).expect(200);
      await api().get(`/api/v1/protection-orders/${orderOfA}`).auth(unitB, { type: 'bearer' }).expect(404);
      await api().get(`/api/v1/protection-orders/${orderOfA}/assessments`).auth(unitB, { type: 'bearer' }).expect(404);
      await api()
        .post(`/api/v1/protection-orders/${orderOfA}/withdrawal`)
        .auth(unitB, { type: 'bearer' })
        .send({ reason: 'cancelled_by_court', note: 'court cancelled it' })
        .expect(404);
      await api()
        .post(`/api/v1/protection-orders/${orderOfA}/screening-corrections`)
        .auth(unitB, { type: 'bearer' })
        .send(protectionOrderBody().screening)
        .expect(404);
      const refusals = await auditRows(`resource_id = $1 AND outcome = 'refused'`, [orderOfA]);
      expect(refusals.map((row) => row.unit_code)).toEqual(['osh-city', 'osh-city', 'osh-city', 'osh-city']);
    });

    it('lists only the unit’s orders, a bounded page at a time; coordinators see the country', async () => {
      const ofB = (await api().get('/api/v1/protection-orders').auth(unitB, { type: 'bearer' }).expect(200)).body;
      expect(ofB.items.map((item: { orderId: string }) => item.orderId)).not.toContain(orderOfA);
      const ofA = (await api().get('/api/v1/protection-orders').auth(unitA, { type: 'bearer' }).expect(200)).body;
      expect(ofA.items.map((item: { orderId: string }) => item.orderId)).toContain(orderOfA);
      const coordinator = await stack.login('coordinator.demo', 'korgoo-demo-coordinator');
      await api().post('/api/v1/protection-orders').auth(unitA, { type: 'bearer' }).send(protectionOrderBody()).expect(201);
      const page = (await api().get('/api/v1/protection-orders').query({ limit: 1 }).auth(coordinator, { type: 'bearer' }).expect(200)).body;
      expect(page.items).toHaveLength(1);
      const next = (await api().get('/api/v1/protection-orders').query({ limit: 1, cursor: page.nextCursor }).auth(coordinator, { type: 'bearer' }).expect(200)).body;
      expect(next.items[0].orderId).not.toBe(page.items[0].orderId);
    });

    it('answers a reused order number from another unit with 409 and no order id', async () => {
      const conflict = await api()
        .post('/api/v1/protection-orders')
        .auth(unitB, { type: 'bearer' })
        .send(protectionOrderBody({ orderNumber: numberOfA }))
        .expect(409);
      expect(JSON.stringify(conflict.body)).not.toContain(orderOfA);
      expect(conflict.body.conflict).toEqual({ field: 'orderNumber' });
    });
  });
});

import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { MatchingStack } from './support/matching-stack';
import { protectionOrderBody } from './support/protection-order.fixture';

const key = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

/**
 * Names, officers' notes and staff names on accounts are sealed at rest with a key from configuration; rotating the key rewraps
 * every value, after which the old key can be dropped. Nothing readable is left in the gateway's tables.
 */
describe('field encryption: names and notes sealed at rest, keys rotated', () => {
  const first = key('first');
  const second = key('second');
  // The order view asks risk, matching and notification; the gateway and notification share this test's keys.
  const stack = new MatchingStack({ services: ['risk', 'matching', 'notification'], env: { FIELD_ENCRYPTION_KEYS: first } });
  let orderId: string;

  const stored = async () => {
    const orders = await stack.db.query(`SELECT perpetrator, to_jsonb(o) AS whole FROM gateway.protection_order o WHERE id = $1`, [orderId]);
    const notes = await stack.db.query('SELECT body FROM gateway.order_note WHERE order_id = $1', [orderId]);
    return { name: orders.rows[0].perpetrator.fullName as string, whole: JSON.stringify(orders.rows[0].whole), notes: notes.rows.map((r) => r.body as string) };
  };
  const restartWithKeys = async (keys: string) => {
    await stack.kill('gateway');
    await stack.kill('notification');
    await stack.startOne('notification', { FIELD_ENCRYPTION_KEYS: keys });
    await stack.startOne('gateway', { FIELD_ENCRYPTION_KEYS: keys });
  };
  const view = async (token: string) =>
    (await request(stack.gateway).get(`/api/v1/protection-orders/${orderId}`).auth(token, { type: 'bearer' }).expect(200)).body;

  beforeAll(async () => {
    await stack.start();
    await stack.startOne('gateway', { FIELD_ENCRYPTION_KEYS: first });
  });
  afterAll(() => stack.stop());

  it('stores the name and the notes sealed under the active key, and shows them opened', async () => {
    const police = await stack.login('police.demo', 'korgoo-demo-police');
    const body = protectionOrderBody({
      perpetrator: { fullName: 'Сейитбеков Нурлан', sex: 'male', language: 'ky', location: { settlementCode: 'naryn' } },
    });
    (body.screening as { override?: unknown }).override = { priority: 'urgent', reason: 'Ал кошунага барып жүрөт' };
    const created = await request(stack.gateway).post('/api/v1/protection-orders').auth(police, { type: 'bearer' }).send(body).expect(201);
    orderId = created.body.orderId;

    const rows = await stored();
    expect(rows.name).toMatch(/^enc1\.first\./);
    expect(rows.notes).toHaveLength(1);
    expect(rows.notes[0]).toMatch(/^enc1\.first\./);
    expect(rows.whole + rows.notes.join()).not.toMatch(/Сейитбеков|Нурлан|кошунага/);

    const shown = await view(police);
    expect(shown.perpetrator.fullName).toBe('Сейитбеков Нурлан');
    expect(shown.notes[0].body).toBe('Ал кошунага барып жүрөт');
  });

  it('stores the staff names on accounts sealed, and shows them to the admin opened', async () => {
    const admin = await stack.login('admin.demo', 'korgoo-demo-admin');
    const created = await request(stack.gateway)
      .post('/api/v1/accounts')
      .auth(admin, { type: 'bearer' })
      .send({ username: 'coordinator.sealed', password: 'a-long-enough-password', role: 'coordinator', displayName: 'Асанова Гүлнара' })
      .expect(201);
    expect(created.body.displayName).toBe('Асанова Гүлнара');
    const rows = await stack.db.query('SELECT display_name FROM gateway.account WHERE id = $1', [created.body.id]);
    expect(rows.rows[0].display_name).toMatch(/^enc1\.first\./);
    const renamed = await request(stack.gateway)
      .patch(`/api/v1/accounts/${created.body.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ displayName: 'Асанова Г.' })
      .expect(200);
    expect(renamed.body.displayName).toBe('Асанова Г.');
    const listed = await request(stack.gateway).get('/api/v1/accounts?limit=200').auth(admin, { type: 'bearer' }).expect(200);
    expect(listed.body.items.find((a: { id: string }) => a.id === created.body.id).displayName).toBe('Асанова Г.');
    const all = await stack.db.query('SELECT display_name FROM gateway.account');
    expect(JSON.stringify(all.rows)).not.toMatch(/Асанова|Demo administrator/);
  });

  it('refuses a victim contact: none is kept', async () => {
    const police = await stack.login('police.demo', 'korgoo-demo-police');
    const body = { ...protectionOrderBody(), victim: { safeContactPhone: '+996700123456' } };
    const refused = await request(stack.gateway).post('/api/v1/protection-orders').auth(police, { type: 'bearer' }).send(body).expect(400);
    expect(JSON.stringify(refused.body)).toMatch(/victim/);
  });

  it('rewraps every value under a new key, audited, after which the old key is no longer needed', async () => {
    await restartWithKeys(`${second},${first}`);
    const admin = await stack.login('admin.demo', 'korgoo-demo-admin');
    const police = await stack.login('police.demo', 'korgoo-demo-police');
    expect((await view(police)).perpetrator.fullName).toBe('Сейитбеков Нурлан');

    const rotation = await request(stack.gateway).post('/api/v1/admin/field-keys/rotation').auth(admin, { type: 'bearer' }).expect(200);
    expect(rotation.body).toMatchObject({ activeKeyId: 'second' });
    expect(rotation.body.personNames).toBeGreaterThanOrEqual(1);
    expect(rotation.body.notes).toBeGreaterThanOrEqual(1);
    const again = await request(stack.gateway).post('/api/v1/admin/field-keys/rotation').auth(admin, { type: 'bearer' }).expect(200);
    expect(rotation.body.accountNames).toBeGreaterThanOrEqual(1);
    expect(again.body).toEqual({
      activeKeyId: 'second',
      personNames: 0,
      notes: 0,
      accountNames: 0,
      secondFactorSecrets: 0,
      contactAddresses: { recipients: 0, intents: 0 },
    });

    const rows = await stored();
    expect(rows.name).toMatch(/^enc1\.second\./);
    expect(rows.notes[0]).toMatch(/^enc1\.second\./);
    const audited = await stack.db.query(
      `SELECT count(*)::int AS n FROM gateway.audit_log WHERE action = 'rotate_field_keys' AND resource_type = 'field_encryption' AND resource_id = 'second'`,
    );
    expect(audited.rows[0].n).toBe(2);

    await restartWithKeys(second);
    const shown = await view(await stack.login('police.demo', 'korgoo-demo-police'));
    expect(shown.perpetrator.fullName).toBe('Сейитбеков Нурлан');
    expect(shown.notes[0].body).toBe('Ал кошунага барып жүрөт');
  });
});

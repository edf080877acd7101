import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { MatchingStack } from './support/matching-stack';

const key = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
// The gateway's own names stay readable when it moves to the test's third key.
const GATEWAY_DEVELOPMENT_KEY = 'development:a29yZ29vLWRldmVsb3BtZW50LWZpZWxkLWtleS0zMiE=';

const CHANNELS = [
  { channel: 'email', address: 'intake@sealed-centre.example' },
  { channel: 'sms', address: '+996000111222' },
  { channel: 'telegram', address: '-100987654321' },
];

/**
 * The notification service keeps recipients' contact addresses (e-mails, phones, Telegram chats) sealed at
 * rest, in the recipient settings and in every delivery plan copied from them; at start it seals what was
 * stored plain and rewraps what an older key sealed; the admin's key rotation does the same while it serves.
 */
describe('contact addresses sealed at rest in the notification service', () => {
  const first = key('first');
  const second = key('second');
  const third = key('third');
  const stack = new MatchingStack({ services: [] });
  let admin: string;

  const settings = (centreId: string) =>
    request(stack.gateway).get(`/api/v1/admin/notification-recipients/centres/${centreId}`).auth(admin, { type: 'bearer' }).expect(200);
  const insertPlain = async (centreId: string) => {
    // As stored before sealing existed (or by a replica still on an older key): a recipient and a plan from it.
    await stack.db.query(
      `INSERT INTO notification.recipient (key, recipient_kind, centre_id, display_name, language, channels)
       VALUES ($1, 'centre', $2, 'Plain', 'ru', $3)`,
      [`centre:${centreId}`, centreId, JSON.stringify(CHANNELS)],
    );
    await stack.db.query(
      `INSERT INTO notification.delivery_intent (id, source_event_id, recipient_kind, centre_id, order_id, referral_id, kind, language, facts, plan)
       VALUES ($1, $2, 'centre', $3, $4, $5, 'referral_routed', 'ru', '{}', $6)`,
      [randomUUID(), randomUUID(), centreId, randomUUID(), randomUUID(), JSON.stringify(CHANNELS)],
    );
  };
  const storedAddresses = async () => {
    const recipients = await stack.db.query(`SELECT key, channels FROM notification.recipient`);
    const plans = await stack.db.query(`SELECT id, plan FROM notification.delivery_intent`);
    return [...recipients.rows.map((r) => r.channels), ...plans.rows.map((r) => r.plan)].flat() as Array<{ address: string }>;
  };

  beforeAll(async () => {
    await stack.start();
    await stack.startOne('notification', { FIELD_ENCRYPTION_KEYS: first });
    await stack.startOne('gateway');
    admin = await stack.login('admin.demo', 'korgoo-demo-admin');
  });
  afterAll(() => stack.stop());

  it('stores the addresses an admin sets sealed, and shows them opened', async () => {
    await request(stack.gateway)
      .put('/api/v1/admin/notification-recipients/centres/naryn-asylzat')
      .auth(admin, { type: 'bearer' })
      .send({ language: 'ky', channels: CHANNELS })
      .expect(200);

    const row = await stack.db.query(`SELECT channels::text AS text, channels FROM notification.recipient WHERE key = 'centre:naryn-asylzat'`);
    expect(row.rows[0].text).not.toMatch(/sealed-centre|996000111222|987654321/);
    for (const { address } of row.rows[0].channels) expect(address).toMatch(/^enc1\.first\./);
    // The demo recipients seeded at start are sealed too.
    for (const { address } of await storedAddresses()) expect(address).toMatch(/^enc1\.first\./);

    expect((await settings('naryn-asylzat')).body.recipient.channels).toEqual(CHANNELS);
  });

  it('seals addresses stored plain and rewraps old ones at start, so the old key can then be dropped', async () => {
    await insertPlain('plain-centre');

    await stack.kill('notification');
    await stack.startOne('notification', { FIELD_ENCRYPTION_KEYS: `${second},${first}` });
    const stored = await storedAddresses();
    expect(stored.length).toBeGreaterThan(CHANNELS.length * 2);
    for (const { address } of stored) expect(address).toMatch(/^enc1\.second\./);

    await stack.kill('notification');
    await stack.startOne('notification', { FIELD_ENCRYPTION_KEYS: second });
    expect((await settings('plain-centre')).body.recipient.channels).toEqual(CHANNELS);
    expect((await settings('naryn-asylzat')).body.recipient.channels).toEqual(CHANNELS);
  });

  it('rewraps on the admin’s rotation while it serves, once the notification service seals under the gateway’s key', async () => {
    await stack.kill('gateway');
    await stack.startOne('gateway', { FIELD_ENCRYPTION_KEYS: `${third},${GATEWAY_DEVELOPMENT_KEY}` });
    admin = await stack.login('admin.demo', 'korgoo-demo-admin');
    const rotate = () => request(stack.gateway).post('/api/v1/admin/field-keys/rotation').auth(admin, { type: 'bearer' });

    // Still on the second key: refused before anything changes, so no value is rewrapped under the wrong key.
    const refused = await rotate().expect(409);
    expect(refused.body.message).toMatch(/put the new key first on every notification replica/);

    await stack.kill('notification');
    await stack.startOne('notification', { FIELD_ENCRYPTION_KEYS: `${third},${second}` });
    await insertPlain('late-centre');

    const rotation = await rotate().expect(200);
    expect(rotation.body).toMatchObject({ activeKeyId: 'third', contactAddresses: { recipients: 1, intents: 1 } });
    for (const { address } of await storedAddresses()) expect(address).toMatch(/^enc1\.third\./);
    expect((await rotate().expect(200)).body.contactAddresses).toEqual({ recipients: 0, intents: 0 });
    const audited = await stack.db.query(
      `SELECT count(*)::int AS n FROM gateway.audit_log WHERE action = 'rotate_field_keys' AND outcome = 'success' AND resource_id = 'third'`,
    );
    expect(audited.rows[0].n).toBe(2);

    await stack.kill('notification');
    await stack.startOne('notification', { FIELD_ENCRYPTION_KEYS: third });
    expect((await settings('late-centre')).body.recipient.channels).toEqual(CHANNELS);
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { MatchingStack } from './support/matching-stack';

const key = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

const CHANNELS = [
  { channel: 'email', address: 'intake@sealed-centre.example' },
  { channel: 'sms', address: '+996000111222' },
  { channel: 'telegram', address: '-100987654321' },
];

/**
 * The notification service keeps recipients' contact addresses (e-mails, phones, Telegram chats) sealed at
 * rest, in the recipient settings and in every delivery plan copied from them; at start it seals what was
 * stored plain and rewraps what an older key sealed.
 */
describe('contact addresses sealed at rest in the notification service', () => {
  const first = key('first');
  const second = key('second');
  const stack = new MatchingStack({ services: [] });
  let admin: string;

  const settings = (centreId: string) =>
    request(stack.gateway).get(`/api/v1/admin/notification-recipients/centres/${centreId}`).auth(admin, { type: 'bearer' }).expect(200);
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
    // As stored before sealing existed: a recipient and a delivery plan copied from it.
    await stack.db.query(
      `INSERT INTO notification.recipient (key, recipient_kind, centre_id, display_name, language, channels)
       VALUES ('centre:plain-centre', 'centre', 'plain-centre', 'Plain', 'ru', $1)`,
      [JSON.stringify(CHANNELS)],
    );
    await stack.db.query(
      `INSERT INTO notification.delivery_intent (id, source_event_id, recipient_kind, centre_id, order_id, referral_id, kind, language, facts, plan)
       VALUES ($1, $2, 'centre', 'plain-centre', $3, $4, 'referral_routed', 'ru', '{}', $5)`,
      [randomUUID(), randomUUID(), randomUUID(), randomUUID(), JSON.stringify(CHANNELS)],
    );

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
});

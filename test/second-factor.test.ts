import request from 'supertest';
import { totpCode } from '../apps/gateway/src/auth/totp';
import { MatchingStack } from './support/matching-stack';

/**
 * A coordinator or admin may add a TOTP second factor: enrolment shows the secret once, a first code puts it
 * in force, then sign-in needs a fresh code each time; a code is accepted once. The secret is sealed at rest.
 */
describe('second factor: TOTP for coordinators and admins', () => {
  const stack = new MatchingStack({ services: [] });
  const username = `coordinator.totp.${Math.random().toString(36).slice(2, 8)}`;
  const password = 'a-long-enough-password';
  let admin: string;
  let accountId: string;

  const signIn = (body: Record<string, string>) => request(stack.gateway).post('/api/v1/auth/login').send({ username, password, ...body });
  const audited = async (action: string) =>
    (await stack.sql('SELECT outcome FROM gateway.audit_log WHERE action = $1 AND resource_id = $2 ORDER BY id', [action, accountId])).map(
      (row) => row.outcome,
    );

  beforeAll(async () => {
    await stack.start();
    await stack.startOne('gateway');
    admin = await stack.login('admin.demo', 'korgoo-demo-admin');
    const created = await request(stack.gateway)
      .post('/api/v1/accounts')
      .auth(admin, { type: 'bearer' })
      .send({ username, password, role: 'coordinator', displayName: 'Coordinator with a second factor' })
      .expect(201);
    accountId = created.body.id;
  });
  afterAll(() => stack.stop());

  it('enrols, confirms with a first code, then asks every sign-in for a fresh code and refuses a used one', async () => {
    const token = (await signIn({}).expect(200)).body.accessToken as string;
    const status = () => request(stack.gateway).get('/api/v1/auth/second-factor').auth(token, { type: 'bearer' }).expect(200);
    expect((await status()).body).toEqual({ inForceSince: null });
    const enrolment = await request(stack.gateway).post('/api/v1/auth/second-factor/enrolment').auth(token, { type: 'bearer' }).expect(200);
    const { secret, otpauthUri } = enrolment.body as { secret: string; otpauthUri: string };
    expect(otpauthUri).toMatch(new RegExp(`^otpauth://totp/Korgoo:${username.replace(/\./g, '\\.')}\\?`));
    expect(otpauthUri).toContain(`secret=${secret}`);
    const [stored] = await stack.sql<{ totp_secret: string }>('SELECT totp_secret FROM gateway.account WHERE id = $1', [accountId]);
    expect(stored.totp_secret).toMatch(/^enc1\./);
    expect(stored.totp_secret).not.toContain(secret);

    // Not in force until confirmed.
    await signIn({}).expect(200);
    const wrong = await request(stack.gateway)
      .post('/api/v1/auth/second-factor/confirmation')
      .auth(token, { type: 'bearer' })
      .send({ code: totpCode(secret, new Date(Date.now() - 3600_000)) })
      .expect(400);
    expect(JSON.stringify(wrong.body)).toMatch(/code/);
    await request(stack.gateway)
      .post('/api/v1/auth/second-factor/confirmation')
      .auth(token, { type: 'bearer' })
      .send({ code: totpCode(secret, new Date()) })
      .expect(204);
    expect(Date.parse((await status()).body.inForceSince)).toBeLessThanOrEqual(Date.now());

    const missing = await signIn({}).expect(401);
    expect(missing.body.message).toMatch(/totpCode is required/);
    await signIn({ totpCode: totpCode(secret, new Date(Date.now() - 3600_000)) }).expect(401);
    const next = totpCode(secret, new Date(Date.now() + 30_000));
    const session = await signIn({ totpCode: next }).expect(200);
    expect(session.body.role).toBe('coordinator');
    const replayed = await signIn({ totpCode: next }).expect(401);
    expect(replayed.body.message).toMatch(/used already/);

    await request(stack.gateway).post('/api/v1/auth/second-factor/enrolment').auth(session.body.accessToken, { type: 'bearer' }).expect(409);
    expect(await audited('enrol_second_factor')).toEqual(['success']);
    expect(await audited('confirm_second_factor')).toEqual(['refused', 'success']);
    expect(await audited('sign_in')).toEqual(expect.arrayContaining(['refused', 'success']));
  });

  it('refuses police a second factor of their own (403)', async () => {
    const police = await stack.login('police.demo', 'korgoo-demo-police');
    await request(stack.gateway).post('/api/v1/auth/second-factor/enrolment').auth(police, { type: 'bearer' }).expect(403);
    await request(stack.gateway).get('/api/v1/auth/second-factor').auth(police, { type: 'bearer' }).expect(403);
  });

  it('switches the second factor off when an admin resets the password (a lost phone)', async () => {
    await request(stack.gateway)
      .post(`/api/v1/accounts/${accountId}/password-reset`)
      .auth(admin, { type: 'bearer' })
      .send({ newPassword: 'another-long-enough-password' })
      .expect(204);
    await request(stack.gateway).post('/api/v1/auth/login').send({ username, password: 'another-long-enough-password' }).expect(200);
  });
});

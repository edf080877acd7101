import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { suiteStack } from './support/korgoo-stack';
import { protectionOrderBody } from './support/protection-order.fixture';
import { TEST_JWT_SECRET } from './support/test-environment';

const RUNS = 1000;
type Json = Record<string, unknown>;

/** Paths every order must have; removing or retyping one must be refused. */
const REQUIRED_STRING_PATHS = ['orderNumber', 'issuingUnit', 'issuedAt', 'expiresAt', 'perpetrator.fullName', 'perpetrator.sex', 'perpetrator.language', 'screening.items.confinement', 'screening.context.relationship'];
const REQUIRED_OBJECT_PATHS = ['perpetrator', 'perpetrator.location', 'screening', 'screening.items', 'screening.context', 'screening.immediateDanger'];
const REQUIRED_BOOLEAN_PATHS = ['screening.context.policeRecordsChecked', 'screening.immediateDanger.officerBelievesHighDanger'];
const HOSTILE_STRINGS = [
  "'; DROP TABLE gateway.protection_order; --",
  '{"$gt": ""}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '\u0000\u0001\u0002',
  '\u202e\u200f\ufeff',
  '𝕂𝕠𝕣𝕘𝕠𝕠 🙂',
  'ң'.repeat(5000),
];

function setPath(body: Json, path: string, value: unknown): Json {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  if (value === undefined) delete node[keys[keys.length - 1]];
  else node[keys[keys.length - 1]] = value;
  return copy;
}

const notAString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));
const notAnObject = fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }));
const notABoolean = fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.constant('true'));
// Keys naming an object's machinery (`__proto__`, `toString`) are unknown properties too, and refused as such.
const unknownKey = fc.oneof(fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype), 'prototype'), fc.string({ minLength: 1, maxLength: 20 })).filter(
  (k) => !Object.keys(protectionOrderBody()).includes(k),
);

const spoiledOrder = fc.oneof(
  // An ODARA item left out is scored as missing (prorated), so it is no spoiled order when only omitted.
  fc.record({ path: fc.constantFrom(...REQUIRED_STRING_PATHS.filter((p) => !p.startsWith('screening.items.')), ...REQUIRED_OBJECT_PATHS, ...REQUIRED_BOOLEAN_PATHS) }).map(({ path }) => setPath(protectionOrderBody(), path, undefined)),
  fc.record({ path: fc.constantFrom(...REQUIRED_STRING_PATHS), value: notAString }).map(({ path, value }) => setPath(protectionOrderBody(), path, value)),
  fc.record({ path: fc.constantFrom(...REQUIRED_OBJECT_PATHS), value: notAnObject }).map(({ path, value }) => setPath(protectionOrderBody(), path, value)),
  fc.record({ path: fc.constantFrom(...REQUIRED_BOOLEAN_PATHS), value: notABoolean }).map(({ path, value }) => setPath(protectionOrderBody(), path, value)),
  fc.record({ key: unknownKey, value: fc.jsonValue() }).map(({ key, value }) => ({ ...protectionOrderBody(), [key]: value })),
  fc.record({ path: fc.constantFrom('perpetrator.sex', 'perpetrator.language', 'screening.items.confinement', 'screening.context.indexIncident'), value: fc.constantFrom(...HOSTILE_STRINGS) }).map(({ path, value }) => setPath(protectionOrderBody(), path, value)),
  fc.record({ path: fc.constantFrom('orderNumber', 'issuingUnit', 'perpetrator.fullName'), size: fc.integer({ min: 201, max: 300_000 }) }).map(({ path, size }) => setPath(protectionOrderBody(), path, 'Ө'.repeat(size))),
  fc.record({ shiftDays: fc.integer({ min: 1, max: 3650 }) }).map(({ shiftDays }) => protectionOrderBody({ issuedAt: new Date(Date.now() + shiftDays * 86_400_000).toISOString(), expiresAt: new Date(Date.now() + (shiftDays + 10) * 86_400_000).toISOString() })),
  fc.record({ days: fc.integer({ min: 1, max: 3650 }) }).map(({ days }) => { const b = protectionOrderBody(); return { ...b, expiresAt: new Date(Date.parse(b.issuedAt) - days * 86_400_000).toISOString() }; }),
  fc.record({ days: fc.integer({ min: 31, max: 3650 }) }).map(({ days }) => { const b = protectionOrderBody(); return { ...b, expiresAt: new Date(Date.parse(b.issuedAt) + days * 86_400_000).toISOString() }; }),
  fc.constantFrom('2026-02-30T10:00:00Z', '2026-13-01T00:00:00Z', 'yesterday', '0000-00-00', '2026-11-25 25:61:00').map((date) => protectionOrderBody({ issuedAt: date })),
  fc.anything().filter((value) => value === null || typeof value !== 'object' || Array.isArray(value) || Object.keys(value as object).length > 0) as fc.Arbitrary<Json>,
);

function forgedToken(secret: string, claims: Json): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('hostile input never gets past the gateway and never breaks it', () => {
  // Every service starts one after another; on a shared machine that can take longer than one test.
  const { stack, demo } = suiteStack(900_000);

  async function expectHealthy() {
    for (const service of stack.services.values()) {
      const response = await fetch(`http://127.0.0.1:${service.port}/health`);
      expect(response.status).toBe(200);
    }
  }

  it(`answers ${RUNS} spoiled protection orders with a 4xx that names a problem, and registers none`, async () => {
    const registeredBefore = stack.eventsOn('order.registered.v1').length;
    await fc.assert(
      fc.asyncProperty(spoiledOrder, async (body) => {
        const response = await request(stack.gateway)
          .post('/api/v1/protection-orders')
          .auth(demo.police, { type: 'bearer' })
          .set('content-type', 'application/json')
          .send(JSON.stringify(body) ?? 'null');
        if (![400, 413].includes(response.status)) throw new Error(`${response.status} for ${JSON.stringify(body).slice(0, 400)}`);
        if (response.status === 400) expect(response.body.message).toBeTruthy();
      }),
      { numRuns: RUNS },
    );
    await expectHealthy();
    // Valid orders still go through afterwards; none of the spoiled ones produced an event.
    await request(stack.gateway).post('/api/v1/protection-orders').auth(demo.police, { type: 'bearer' }).send(protectionOrderBody()).expect(201);
    await stack.awaitEvent('order.registered.v1', () => stack.eventsOn('order.registered.v1').length === registeredBefore + 1);
    expect(stack.eventsOn('order.registered.v1')).toHaveLength(registeredBefore + 1);
  });

  it('accepts names in Kyrgyz letters (ң ө ү) and other scripts', async () => {
    const letters = 'абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНҢОӨПРСТУҮФХЦЧШЩЭЮЯ';
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...letters), { minLength: 2, maxLength: 40 }), async (chars) => {
        const fullName = chars.join('');
        const body = protectionOrderBody({ perpetrator: { fullName, sex: 'male', language: 'ky', location: { settlementCode: 'osh' } } });
        await request(stack.gateway).post('/api/v1/protection-orders').auth(demo.police, { type: 'bearer' }).send(body).expect(201);
      }),
      { numRuns: 50 },
    );
  });

  it(`answers ${RUNS} forged, expired or malformed tokens with 401`, async () => {
    const token = fc.oneof(
      fc.string(),
      fc.string({ minLength: 32, maxLength: 64 }).map((secret) => forgedToken(secret, { sub: '00000000-0000-4000-8000-000000000000', role: 'admin' })),
      fc.integer({ min: 1, max: 10_000 }).map((ago) =>
        forgedToken(TEST_JWT_SECRET, { sub: '00000000-0000-4000-8000-000000000000', role: 'admin', exp: Math.floor(Date.now() / 1000) - ago }),
      ),
      fc.constant(`${demo.police.split('.').slice(0, 2).join('.')}.`),
      fc.constant(forgedToken(TEST_JWT_SECRET, { sub: 42, role: 'superuser' })),
    );
    await fc.assert(
      fc.asyncProperty(token, fc.constantFrom('/api/v1/referrals', '/api/v1/inbox', '/api/v1/odara/form', '/api/v1/admin/dead-letters/risk'), async (bearer, path) => {
        const response = await request(stack.gateway).get(path).set('authorization', `Bearer ${bearer}`);
        expect(response.status).toBe(401);
      }),
      { numRuns: RUNS },
    );
  });

  it(`answers ${RUNS} hostile logins, ids and query strings with 4xx`, async () => {
    const hostile = fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'binary', maxLength: 50 }));
    await fc.assert(
      fc.asyncProperty(hostile, hostile, fc.jsonValue(), async (a, b, c) => {
        const login = await request(stack.gateway).post('/api/v1/auth/login').send({ username: a, password: b });
        expect([400, 401, 429]).toContain(login.status);
        const weird = await request(stack.gateway).post('/api/v1/auth/login').set('content-type', 'application/json').send(JSON.stringify(c) ?? 'null');
        expect(weird.status).toBeGreaterThanOrEqual(400);
        expect(weird.status).toBeLessThan(500);
        // An empty id would name the order list itself, which rightly answers 200; a path longer than Node's
        // header limit is cut off by the server before any code of ours runs.
        const cut = (text: string) => encodeURIComponent(text).slice(0, 2_000);
        const id = cut(a || ' ');
        const order = await request(stack.gateway).get(`/api/v1/protection-orders/${id}`).auth(demo.coordinator, { type: 'bearer' });
        expect(order.status).toBeGreaterThanOrEqual(400);
        expect(order.status).toBeLessThan(500);
        const list = await request(stack.gateway).get('/api/v1/referrals').query({ limit: b.slice(0, 300), cursor: a.slice(0, 300) }).auth(demo.coordinator, { type: 'bearer' });
        expect(list.status === 200 || (list.status >= 400 && list.status < 500)).toBe(true);
        const replay = await request(stack.gateway).post(`/api/v1/admin/dead-letters/${cut(a)}/${cut(b)}/replay`).auth(demo.admin, { type: 'bearer' });
        expect(replay.status).toBeGreaterThanOrEqual(400);
        expect(replay.status).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
    await expectHealthy();
  }, 600_000);

  it(`answers ${RUNS} generated bodies on every other endpoint that takes one with 4xx, never 5xx`, async () => {
    const [centre] = await Promise.all([stack.login('centre.bishkek-shans.demo', 'korgoo-demo-centre')]);
    const someId = '5d1c1d1e-8f1a-4e2b-9c3d-1a2b3c4d5e6f';
    const endpoints: Array<{ method: 'post' | 'put'; path: string; token: string }> = [
      { method: 'post', path: `/api/v1/protection-orders/${someId}/screening-corrections`, token: demo.police },
      { method: 'post', path: `/api/v1/protection-orders/${someId}/withdrawal`, token: demo.police },
      { method: 'post', path: `/api/v1/protection-orders/${someId}/extension`, token: demo.police },
      { method: 'post', path: `/api/v1/protection-orders/${someId}/court-decision`, token: demo.police },
      { method: 'put', path: `/api/v1/protection-orders/${someId}/unit`, token: demo.coordinator },
      { method: 'post', path: '/api/v1/accounts', token: demo.admin },
      { method: 'post', path: `/api/v1/referrals/${someId}/accept`, token: centre },
      { method: 'post', path: `/api/v1/referrals/${someId}/decline`, token: centre },
      { method: 'post', path: `/api/v1/referrals/${someId}/assign`, token: demo.coordinator },
      { method: 'post', path: `/api/v1/inbox/${someId}/read`, token: centre },
      { method: 'put', path: '/api/v1/admin/notification-recipients/coordinators', token: demo.admin },
      { method: 'put', path: '/api/v1/admin/notification-recipients/police-units/osh-city', token: demo.admin },
      { method: 'put', path: '/api/v1/admin/notification-recipients/duty-hotline', token: demo.admin },
      { method: 'post', path: `/api/v1/inbox/${someId}/acknowledge`, token: demo.police },
      { method: 'post', path: '/api/v1/directory/centres', token: demo.admin },
      { method: 'post', path: '/api/v1/directory/centres/bishkek-shans/facilitators', token: demo.admin },
      { method: 'put', path: '/api/v1/directory/centres/bishkek-shans/status', token: centre },
      { method: 'post', path: `/api/v1/referrals/${someId}/programme/sessions/2/attendance`, token: centre },
      { method: 'post', path: `/api/v1/referrals/${someId}/programme/close`, token: demo.coordinator },
      { method: 'post', path: `/api/v1/referrals/${someId}/programme/voluntary/sessions/3/attendance`, token: centre },
      { method: 'post', path: `/api/v1/referrals/${someId}/programme/follow-ups/1`, token: centre },
    ];
    for (const endpoint of endpoints) {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue())), async (body) => {
          const response = await request(stack.gateway)
            [endpoint.method](endpoint.path)
            .auth(endpoint.token, { type: 'bearer' })
            .set('content-type', 'application/json')
            .send(JSON.stringify(body) ?? 'null');
          if (response.status < 400 || response.status >= 500) {
            throw new Error(`${response.status} on ${endpoint.method} ${endpoint.path} for ${JSON.stringify(body).slice(0, 300)}`);
          }
        }),
        { numRuns: RUNS },
      );
    }
    await expectHealthy();
  }, 600_000);

  it(`answers ${RUNS} spoiled attendance records and session numbers with a 4xx that names the field`, async () => {
    const centre = await stack.login('centre.bishkek-shans.demo', 'korgoo-demo-centre');
    const someId = '5d1c1d1e-8f1a-4e2b-9c3d-1a2b3c4d5e6f';
    const valid = { mark: 'excused_absence', excuseReason: 'other', excuseNote: 'Hospital', facilitatorNote: 'Called in.', signedBy: 'A. B.' };
    const fields = Object.keys(valid);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fields),
        fc.oneof(fc.constant(undefined), fc.constant(''), fc.constantFrom(...HOSTILE_STRINGS), fc.integer(), fc.jsonValue()),
        fc.oneof(fc.constant('2'), fc.constantFrom('0', '5', '-1', '2.5', 'abc', '99999999999999999999', '%00')),
        async (field, value, index) => {
          const body: Json = { ...valid, [field]: value };
          if (value === undefined) delete body[field];
          const response = await request(stack.gateway)
            .post(`/api/v1/referrals/${someId}/programme/sessions/${index}/attendance`)
            .auth(centre, { type: 'bearer' })
            .send(body);
          if (response.status < 400 || response.status >= 500) {
            throw new Error(`${response.status} for ${field}=${JSON.stringify(value)?.slice(0, 100)} at session ${index}`);
          }
          if (response.status === 400) expect(JSON.stringify(response.body.message)).toMatch(/[a-zA-Z]+:? /);
        },
      ),
      { numRuns: RUNS },
    );
    await expectHealthy();
    // A thousand requests through gateway and programme service outlast the default on a loaded machine.
  }, 600_000);
});

import request from 'supertest';
import type { Role } from '@korgoo/contracts';
import { KorgooStack } from './support/korgoo-stack';
import { ROOMY_CENTRE, ROOMY_SETTLEMENT, roomyCentre } from './support/programme-flow';
import { protectionOrderBody } from './support/protection-order.fixture';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Routed = { payload: { referralId: string; centreId: string }; correlationId: string };

const EVERY_ROLE: readonly Role[] = ['police', 'coordinator', 'centre', 'admin', 'probation', 'auditor'];

/** Operations anyone may call without a token, and why. */
const PUBLIC: Record<string, string> = {
  'POST /api/v1/auth/login': 'signing in is how a token is obtained',
  'POST /api/v1/auth/refresh': 'the refresh token in the body is the credential; the access token has lapsed',
  'POST /api/v1/auth/logout': 'the refresh token in the body is the credential; signing out must work after the access token lapsed',
  'GET /api/v1/public/indicators': 'national and oblast counts with small numbers suppressed: aggregates of no one, for the public',
};

/**
 * Every operation of the OpenAPI document and the roles that may call it; every other role gets 403.
 * The health, metrics and SMS receipt endpoints are not in the gateway's document (their own guards apply).
 */
const ALLOWED: Record<string, readonly Role[]> = {
  'POST /api/v1/auth/login': EVERY_ROLE,
  'POST /api/v1/auth/refresh': EVERY_ROLE,
  'POST /api/v1/auth/logout': EVERY_ROLE,
  'POST /api/v1/auth/password': EVERY_ROLE,
  'GET /api/v1/auth/second-factor': ['coordinator', 'admin'],
  'POST /api/v1/auth/second-factor/enrolment': ['coordinator', 'admin'],
  'POST /api/v1/auth/second-factor/confirmation': ['coordinator', 'admin'],

  'POST /api/v1/accounts': ['admin'],
  'GET /api/v1/accounts': ['admin'],
  'PATCH /api/v1/accounts/{id}': ['admin'],
  'POST /api/v1/accounts/{id}/password-reset': ['admin'],
  'GET /api/v1/police-units': ['admin', 'coordinator', 'police'],
  'POST /api/v1/police-units': ['admin'],
  'GET /api/v1/audit-log': ['admin', 'auditor'],
  'GET /api/v1/admin/dead-letters/{service}': ['admin'],
  'POST /api/v1/admin/dead-letters/{service}/{id}/replay': ['admin'],
  'POST /api/v1/admin/field-keys/rotation': ['admin'],
  'POST /api/v1/admin/indicators/rebuild': ['admin'],

  'POST /api/v1/protection-orders': ['police'],
  // Admins run accounts, the directory, notification settings and the machinery; they read no case.
  'GET /api/v1/protection-orders': ['police', 'coordinator'],
  'GET /api/v1/protection-orders/{id}': ['police', 'coordinator'],
  'GET /api/v1/protection-orders/{id}/assessments': ['police', 'coordinator'],
  'POST /api/v1/protection-orders/{id}/screening-corrections': ['police'],
  'POST /api/v1/protection-orders/{id}/withdrawal': ['police'],
  'POST /api/v1/protection-orders/{id}/extension': ['police'],
  'POST /api/v1/protection-orders/{id}/court-decision': ['police'],
  'PUT /api/v1/protection-orders/{id}/unit': ['coordinator'],
  'GET /api/v1/odara/form': EVERY_ROLE,

  'GET /api/v1/referrals': ['coordinator', 'centre'],
  'GET /api/v1/referrals/{id}': ['coordinator', 'centre'],
  'POST /api/v1/referrals/{id}/accept': ['centre'],
  'POST /api/v1/referrals/{id}/decline': ['centre'],
  'POST /api/v1/referrals/{id}/assign': ['coordinator'],
  'GET /api/v1/referrals/{id}/decision': ['coordinator'],
  'GET /api/v1/referrals/{id}/deliveries': ['coordinator'],
  'GET /api/v1/referrals/{id}/programme': ['centre', 'coordinator', 'police'],
  'POST /api/v1/referrals/{id}/programme/sessions/{index}/attendance': ['centre'],
  'POST /api/v1/referrals/{id}/programme/close': ['coordinator'],
  'POST /api/v1/referrals/{id}/programme/voluntary': ['centre', 'coordinator'],
  'POST /api/v1/referrals/{id}/programme/voluntary/sessions/{number}/attendance': ['centre'],
  'POST /api/v1/referrals/{id}/programme/follow-ups/{number}': ['centre'],

  'GET /api/v1/inbox': ['coordinator', 'centre', 'police'],
  'POST /api/v1/inbox/{entryId}/read': ['coordinator', 'centre'],
  'POST /api/v1/inbox/{entryId}/acknowledge': ['police', 'coordinator'],
  'GET /api/v1/admin/notification-recipients/duty-hotline': ['admin'],
  'PUT /api/v1/admin/notification-recipients/duty-hotline': ['admin'],
  'GET /api/v1/admin/notification-recipients/police-units/{unitCode}': ['admin'],
  'PUT /api/v1/admin/notification-recipients/police-units/{unitCode}': ['admin'],
  'GET /api/v1/admin/notification-recipients/coordinators': ['admin'],
  'PUT /api/v1/admin/notification-recipients/coordinators': ['admin'],
  'GET /api/v1/admin/notification-recipients/centres/{centreId}': ['admin'],
  'PUT /api/v1/admin/notification-recipients/centres/{centreId}': ['admin'],

  'GET /api/v1/indicators': ['coordinator', 'admin', 'probation', 'centre'],
  'GET /api/v1/public/indicators': EVERY_ROLE,

  'GET /api/v1/directory/centres': ['admin', 'coordinator', 'centre'],
  'POST /api/v1/directory/centres': ['admin'],
  'GET /api/v1/directory/centres/{centreId}': ['admin', 'coordinator', 'centre'],
  'PATCH /api/v1/directory/centres/{centreId}': ['admin'],
  'DELETE /api/v1/directory/centres/{centreId}': ['admin'],
  'PUT /api/v1/directory/centres/{centreId}/status': ['admin', 'centre'],
  'POST /api/v1/directory/centres/{centreId}/facilitators': ['admin'],
  'PATCH /api/v1/directory/facilitators/{facilitatorId}': ['admin'],
  'DELETE /api/v1/directory/facilitators/{facilitatorId}': ['admin'],
  'PUT /api/v1/directory/facilitators/{facilitatorId}/availability': ['admin', 'centre'],
  'POST /api/v1/directory/facilitators/{facilitatorId}/exceptions': ['admin', 'centre'],
  'DELETE /api/v1/directory/facilitators/{facilitatorId}/exceptions/{exceptionId}': ['admin', 'centre'],
};

/**
 * Well-formed ids that name nothing, so an allowed call answers 400 or 404 and never changes data; every
 * body sent is empty, so a write fails its scope check or validation before it reaches a service.
 */
const ABSENT: Record<string, string> = {
  id: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b',
  entryId: '7a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
  exceptionId: '8b3c4d5e-6f7a-4b9c-8d1e-2f3a4b5c6d7e',
  service: 'matching',
  index: '1',
  number: '1',
  unitCode: 'no-such-unit',
  centreId: 'no-such-centre',
  facilitatorId: 'no-such-facilitator',
};

/** The centre account of the matrix. */
const OWN_CENTRE = 'naryn-asylzat';

/**
 * A centre reading another centre's directory entry is refused by scope (403, checked below), so the matrix
 * reads the centre's own entry; a read changes nothing.
 */
const REAL: Record<string, Record<string, string>> = {
  'GET /api/v1/directory/centres/{centreId}': { centreId: OWN_CENTRE },
};

const operationPath = (key: string) =>
  key
    .split(' ')[1]
    .replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = REAL[key]?.[name] ?? ABSENT[name];
      if (value === undefined) throw new Error(`no value for the path parameter ${name}`);
      return value;
    });

describe('access matrix: every operation of the OpenAPI document, every role', () => {
  const stack = new KorgooStack();
  const tokens = new Map<Role, string>();
  let documented: string[];
  let documentedPublic: string[];

  const call = (key: string, token?: string) => {
    const method = key.split(' ')[0];
    const pending = request(stack.gateway)[method.toLowerCase() as Method](operationPath(key));
    if (token) pending.auth(token, { type: 'bearer' });
    return method === 'GET' || method === 'DELETE' ? pending : pending.send({});
  };

  beforeAll(async () => {
    await stack.start();
    const [police, coordinator, admin] = await stack.demoTokens('police', 'coordinator', 'admin');
    const probationName = `probation.matrix.${Math.random().toString(36).slice(2, 10)}`;
    await request(stack.gateway)
      .post('/api/v1/accounts')
      .auth(admin, { type: 'bearer' })
      .send({ username: probationName, password: 'a-long-enough-password', role: 'probation', displayName: 'Probation Department' })
      .expect(201);
    tokens.set('police', police).set('coordinator', coordinator).set('admin', admin);
    tokens.set('centre', await stack.login(`centre.${OWN_CENTRE}.demo`, 'korgoo-demo-centre'));
    tokens.set('auditor', await stack.login('auditor.demo', 'korgoo-demo-auditor'));
    tokens.set('probation', await stack.login(probationName, 'a-long-enough-password'));
    const document = (await request(stack.gateway).get('/api/docs-json').auth(admin, { type: 'bearer' }).expect(200)).body as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })),
    );
    documented = operations.map(({ key }) => key);
    documentedPublic = operations.filter(({ operation }) => operation.security?.length === 0).map(({ key }) => key);
  });

  afterAll(() => stack.stop());

  it('lists every documented operation, and no operation the document no longer has', () => {
    expect([...documented].sort()).toEqual(Object.keys(ALLOWED).sort());
    // The document tells clients which operations need no token; it must agree with the list above.
    expect([...documentedPublic].sort()).toEqual(Object.keys(PUBLIC).sort());
  });

  it.each(Object.keys(ALLOWED))('%s: 401 without a token unless public, then allowed or 403 per role', async (key) => {
    const seen: Record<string, number> = {};
    const expected: Record<string, string> = {};
    const anonymous = (await call(key)).status;
    seen.anonymous = anonymous;
    expected.anonymous = key in PUBLIC ? 'allowed' : '401';
    for (const role of EVERY_ROLE) {
      seen[role] = (await call(key, tokens.get(role))).status;
      expected[role] = ALLOWED[key].includes(role) ? 'allowed' : '403';
    }
    // "allowed" is any answer but 401 and 403; the absent ids and empty bodies make it a 400 or a 404.
    const outcome = (status: number) => (status === 401 || status === 403 ? String(status) : status < 500 ? 'allowed' : `${status}`);
    expect(Object.fromEntries(Object.entries(seen).map(([who, status]) => [who, outcome(status)]))).toEqual(expected);
  });

  it('lists the dead letters of every service, the programme and reporting included', async () => {
    for (const service of ['gateway', 'risk', 'matching', 'notification', 'programme', 'reporting']) {
      const page = await request(stack.gateway).get(`/api/v1/admin/dead-letters/${service}`).auth(tokens.get('admin')!, { type: 'bearer' }).expect(200);
      expect(Array.isArray(page.body.items)).toBe(true);
    }
  });

  it("refuses a centre another centre's directory entry", async () => {
    await request(stack.gateway).get('/api/v1/directory/centres/osh-ak-jurok').auth(tokens.get('centre')!, { type: 'bearer' }).expect(403);
  });

  it("answers 404 for another police unit's order and another centre's referral, whatever the body", async () => {
    const admin = tokens.get('admin')!;
    // The roomy centre, not Naryn's: earlier suites of the run fill the Naryn centres' six places.
    await roomyCentre(stack, admin);
    const created = await request(stack.gateway)
      .post('/api/v1/protection-orders')
      .auth(tokens.get('police')!, { type: 'bearer' })
      .send(
        protectionOrderBody({
          perpetrator: { fullName: 'Жумабеков Талант', sex: 'male', language: 'ky', location: { settlementCode: ROOMY_SETTLEMENT } },
        }),
      )
      .expect(201);
    const orderId: string = created.body.orderId;
    const routed = await stack.awaitEvent<Routed>('referral.routed.v1', (e) => e.correlationId === orderId);
    const { referralId, centreId } = routed.payload;

    const otherUnit = await stack.policeOfficer(admin, 'osh-city');
    // A Toktogul order is routed to the Toktogul centre, never to Osh.
    expect(centreId).toBe(ROOMY_CENTRE);
    const otherCentre = await stack.login('centre.osh-ak-jurok.demo', 'korgoo-demo-centre');
    const get = (path: string, token: string) => request(stack.gateway).get(path).auth(token, { type: 'bearer' });
    for (const path of [`/api/v1/protection-orders/${orderId}`, `/api/v1/protection-orders/${orderId}/assessments`]) {
      await get(path, tokens.get('police')!).expect(200);
      await get(path, otherUnit).expect(404);
    }
    await get(`/api/v1/referrals/${referralId}`, await stack.centreStaff(admin, centreId)).expect(200);
    await get(`/api/v1/referrals/${referralId}`, otherCentre).expect(404);

    // The scope is checked before the body: an invalid body tells nothing about another's object (404, not
    // 400), while the owner gets the 400 naming the field.
    const post = (path: string, token: string) => request(stack.gateway).post(path).auth(token, { type: 'bearer' }).send({});
    for (const write of ['screening-corrections', 'withdrawal', 'extension', 'court-decision']) {
      await post(`/api/v1/protection-orders/${orderId}/${write}`, otherUnit).expect(404);
      await post(`/api/v1/protection-orders/${orderId}/${write}`, tokens.get('police')!).expect(400);
    }
    const ownCentre = await stack.centreStaff(admin, centreId);
    await post(`/api/v1/referrals/${referralId}/decline`, otherCentre).expect(404);
    await post(`/api/v1/referrals/${referralId}/decline`, ownCentre).expect(400);
    const coordinator = tokens.get('coordinator')!;
    await post(`/api/v1/referrals/${ABSENT.id}/assign`, coordinator).expect(404);
    await post(`/api/v1/referrals/${referralId}/assign`, coordinator).expect(400);

    await request(stack.gateway).post(`/api/v1/referrals/${referralId}/accept`).auth(ownCentre, { type: 'bearer' }).expect(200);
    await stack.awaitEvent('programme.started.v1', (e) => e.correlationId === orderId);
    for (const write of ['sessions/1/attendance', 'voluntary/sessions/1/attendance', 'follow-ups/1']) {
      await post(`/api/v1/referrals/${referralId}/programme/${write}`, otherCentre).expect(404);
      await post(`/api/v1/referrals/${referralId}/programme/${write}`, ownCentre).expect(400);
    }
    await post(`/api/v1/referrals/${ABSENT.id}/programme/close`, coordinator).expect(404);
    await post(`/api/v1/referrals/${referralId}/programme/close`, coordinator).expect(400);
  });
});

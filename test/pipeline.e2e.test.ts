import { Client } from 'pg';
import request from 'supertest';
import { suiteStack } from './support/korgoo-stack';
import { ROOMY_CENTRE, ROOMY_SETTLEMENT, roomyCentre } from './support/programme-flow';
import { protectionOrderBody } from './support/protection-order.fixture';

type Event = { correlationId: string; payload: Record<string, unknown> };

describe('a protection order flows through gateway, risk, matching and notification', () => {
  const { stack, demo } = suiteStack();

  it('routes an order to the centre in its own town, by road, and puts it in that centre’s inbox', async () => {
    // The suites of a run share one database and fill the demo centres' weeks; the roomy centre always has room.
    await roomyCentre(stack, demo.admin);
    const body = protectionOrderBody({
      perpetrator: { fullName: 'Төлөгөнов Ңурбек', sex: 'male', language: 'ky', location: { settlementCode: ROOMY_SETTLEMENT } },
    });
    const created = await request(stack.gateway).post('/api/v1/protection-orders').auth(demo.police, { type: 'bearer' }).send(body);
    expect(created.status).toBe(201);
    const event = await stack.awaitEvent<Event>('notification.sent.v1', (e) => e.correlationId === created.body.orderId);
    const centreId = event.payload.centreId as string;
    expect(centreId).toBe(ROOMY_CENTRE);

    const progress = await request(stack.gateway)
      .get(`/api/v1/protection-orders/${created.body.orderId}`)
      .auth(demo.coordinator, { type: 'bearer' })
      .expect(200);
    expect(progress.body.stage).toBe('notified');
    expect(progress.body.assessment.status).toBe('scored');
    expect(progress.body.referral).toMatchObject({ status: 'proposed', centreId, travelSource: 'road-graph' });
    // The unit's list tells the same, for the whole page in one request.
    const listed = await request(stack.gateway).get('/api/v1/protection-orders').auth(demo.police, { type: 'bearer' }).expect(200);
    expect(listed.body.items.find((o: { orderId: string }) => o.orderId === created.body.orderId)).toEqual({
      orderId: created.body.orderId,
      orderNumber: body.orderNumber,
      unitCode: 'naryn-riib',
      issuedAt: progress.body.issuedAt,
      expiresAt: progress.body.expiresAt,
      firstExpiresAt: null,
      courtDecision: null,
      registeredAt: expect.any(String),
      perpetratorName: 'Төлөгөнов Ңурбек',
      stage: 'notified',
      referral: {
        referralId: progress.body.referral.referralId,
        referralNumber: progress.body.referral.referralNumber,
        status: 'proposed',
        centreName: progress.body.referral.centreName,
        // The town has a centre of its own: the sessions are held there, at no outreach point.
        outreachSettlementCode: null,
      },
      programme: null,
    });

    await request(stack.gateway)
      .post('/api/v1/accounts')
      .auth(demo.admin, { type: 'bearer' })
      .send({ username: `staff.${centreId}`, password: 'a-long-enough-password', role: 'centre', centreId, displayName: 'Staff' })
      .expect(201);
    const staff = await stack.login(`staff.${centreId}`, 'a-long-enough-password');
    const inbox = await request(stack.gateway).get('/api/v1/inbox').auth(staff, { type: 'bearer' }).expect(200);
    const entry = inbox.body.items.find((e: { referralId: string }) => e.referralId === progress.body.referral.referralId);
    expect(entry.title.ky).toContain(progress.body.referral.referralNumber);
    expect(JSON.stringify(entry)).not.toContain('Төлөгөнов');

    const own = await request(stack.gateway).get('/api/v1/referrals').auth(staff, { type: 'bearer' }).expect(200);
    expect(own.body.items.every((r: { centreId: string }) => r.centreId === centreId)).toBe(true);

    // No channel of the centre's has a provider in this deployment: the notice ended with its inbox entry.
    const db = new Client({ connectionString: process.env.KORGOO_TEST_DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT outcome FROM notification.delivery_intent WHERE referral_id = $1`, [progress.body.referral.referralId]);
      expect(rows).toEqual([{ outcome: 'inbox_only' }]);
    } finally {
      await db.end();
    }
  });

  it('answers a repeated identical order with the same order, and a changed one with 409 naming the conflict', async () => {
    const body = protectionOrderBody();
    const first = await request(stack.gateway).post('/api/v1/protection-orders').auth(demo.police, { type: 'bearer' }).send(body).expect(201);
    const again = await request(stack.gateway).post('/api/v1/protection-orders').auth(demo.police, { type: 'bearer' }).send(body).expect(200);
    expect(again.body.orderId).toBe(first.body.orderId);
    const changed = await request(stack.gateway)
      .post('/api/v1/protection-orders')
      .auth(demo.police, { type: 'bearer' })
      .send({ ...body, issuingUnit: 'Свердлов РИИБ' })
      .expect(409);
    expect(changed.body.message).toContain(body.orderNumber);
    expect(changed.body.conflict.field).toBe('orderNumber');
  });

  it('keeps the officer\'s own words with the order: events carry codes and a coarse place only', async () => {
    const body = protectionOrderBody({
      perpetrator: { fullName: 'Асанов Бакыт', sex: 'male', language: 'ky', location: { lat: 42.874_612_3, lng: 74.569_876_5 } },
    });
    const screening = body.screening as Record<string, unknown> & { immediateDanger: Record<string, unknown> };
    screening.immediateDanger.officerConcern = 'He said he would come back to Ак-Тала street tonight';
    screening.override = { priority: 'urgent', reason: 'The victim hides at her sister Айгүл' };
    const created = await request(stack.gateway).post('/api/v1/protection-orders').auth(demo.police, { type: 'bearer' }).send(body).expect(201);
    const orderId: string = created.body.orderId;
    await request(stack.gateway)
      .post(`/api/v1/protection-orders/${orderId}/withdrawal`)
      .auth(demo.police, { type: 'bearer' })
      .send({ reason: 'registered_in_error', note: 'Wrong address on Ак-Тала street' })
      .expect(202);
    const registered = await stack.awaitEvent<Event>('order.registered.v1', (e) => e.correlationId === orderId);
    const withdrawn = await stack.awaitEvent<Event>('order.withdrawn.v1', (e) => e.correlationId === orderId);
    const assessed = await stack.awaitEvent<Event>('risk.assessed.v1', (e) => e.correlationId === orderId);
    for (const event of [registered, withdrawn, assessed]) expect(JSON.stringify(event)).not.toMatch(/Ак-Тала|Айгүл|Асанов/);
    expect(registered.payload).toMatchObject({
      participant: { location: { lat: 42.875, lng: 74.57 } },
      screening: { override: { priority: 'urgent' }, immediateDanger: { officerBelievesHighDanger: false } },
      unitCode: 'naryn-riib',
    });
    expect(assessed.payload).toMatchObject({ priority: 'urgent' });

    const view = await request(stack.gateway).get(`/api/v1/protection-orders/${orderId}`).auth(demo.police, { type: 'bearer' }).expect(200);
    expect(view.body.notes.map((n: { kind: string; body: string }) => [n.kind, n.body])).toEqual([
      ['officer_concern', 'He said he would come back to Ак-Тала street tonight'],
      ['override_reason', 'The victim hides at her sister Айгүл'],
      ['withdrawal_note', 'Wrong address on Ак-Тала street'],
    ]);
  });

  it('rejects a bad body with 400 naming the field and the rule, and stores nothing', async () => {
    const body = protectionOrderBody();
    (body.screening as { items: Record<string, string> }).items.confinement = 'maybe';
    const response = await request(stack.gateway).post('/api/v1/protection-orders').auth(demo.police, { type: 'bearer' }).send(body).expect(400);
    expect(response.body.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'screening.items.confinement' })]),
    );
    const extra = await request(stack.gateway)
      .post('/api/v1/protection-orders')
      .auth(demo.police, { type: 'bearer' })
      .send({ ...protectionOrderBody(), nickname: 'x' })
      .expect(400);
    expect(extra.body.message.join(' ')).toContain('nickname');
    const expiry = await request(stack.gateway)
      .post('/api/v1/protection-orders')
      .auth(demo.police, { type: 'bearer' })
      .send(protectionOrderBody({ expiresAt: new Date(Date.now() - 7_200_000).toISOString() }))
      .expect(400);
    expect(expiry.body.problems[0].field).toBe('expiresAt');
    const nowhere = await request(stack.gateway)
      .post('/api/v1/protection-orders')
      .auth(demo.police, { type: 'bearer' })
      .send(protectionOrderBody({ perpetrator: { fullName: 'Асанов Бакыт', sex: 'male', language: 'ky', location: { settlementCode: 'atlantis' } } }))
      .expect(400);
    expect(nowhere.body.problems[0].field).toBe('perpetrator.location.settlementCode');
    const twoSexes = protectionOrderBody();
    (twoSexes.screening as { context: { perpetratorSex: string } }).context.perpetratorSex = 'female';
    const disagree = await request(stack.gateway).post('/api/v1/protection-orders').auth(demo.police, { type: 'bearer' }).send(twoSexes).expect(400);
    expect(disagree.body.problems.map((p: { field: string }) => p.field)).toEqual(['perpetrator.sex', 'screening.context.perpetratorSex']);
    // The first body's number was never stored: registering it properly now creates it.
    await request(stack.gateway)
      .post('/api/v1/protection-orders')
      .auth(demo.police, { type: 'bearer' })
      .send({ ...protectionOrderBody(), orderNumber: body.orderNumber })
      .expect(201);
  });

  it('answers 401 without a valid token, 403 for the wrong role and 404 for another centre’s referral', async () => {
    await request(stack.gateway).post('/api/v1/protection-orders').send(protectionOrderBody()).expect(401);
    await request(stack.gateway).get('/api/v1/referrals').auth('not-a-token', { type: 'bearer' }).expect(401);
    await request(stack.gateway)
      .post('/api/v1/protection-orders')
      .auth(demo.coordinator, { type: 'bearer' })
      .send(protectionOrderBody())
      .expect(403);
    await request(stack.gateway).get('/api/v1/referrals').auth(demo.police, { type: 'bearer' }).expect(403);

    const { body } = await request(stack.gateway).get('/api/v1/referrals').auth(demo.coordinator, { type: 'bearer' }).expect(200);
    const elsewhere = body.items.find((r: { centreId: string | null }) => r.centreId && r.centreId !== 'osh-ak-jurok');
    const oshStaff = await stack.login('centre.osh-ak-jurok.demo', 'korgoo-demo-centre');
    await request(stack.gateway).get(`/api/v1/referrals/${elsewhere.referralId}`).auth(oshStaff, { type: 'bearer' }).expect(404);
  });

  it('still notifies exactly once when matching is killed after the order is registered', async () => {
    await stack.kill('matching');
    const body = protectionOrderBody({
      perpetrator: { fullName: 'Osmonov Ulan', sex: 'male', language: 'ru', location: { settlementCode: 'osh' } },
    });
    const response = await request(stack.gateway).post('/api/v1/protection-orders').auth(demo.police, { type: 'bearer' }).send(body).expect(201);
    const orderId: string = response.body.orderId;
    await stack.awaitEvent<Event>('risk.assessed.v1', (e) => e.correlationId === orderId);
    await stack.startOne('matching');
    await stack.awaitEvent<Event>('notification.sent.v1', (e) => e.correlationId === orderId);
    // Earlier suites of the run may have filled Osh's calendars: one decision either way, never two.
    const decisions = ['referral.routed.v1', 'referral.unroutable.v1'].flatMap((subject) =>
      stack.eventsOn(subject).filter((e) => (e as Event).correlationId === orderId),
    );
    expect(decisions).toHaveLength(1);

    const progress = await request(stack.gateway)
      .get(`/api/v1/protection-orders/${orderId}`)
      .auth(demo.coordinator, { type: 'bearer' })
      .expect(200);
    expect(progress.body.stage).toBe('notified');
    expect(progress.body.notifications).toHaveLength(1);
    const { body: list } = await request(stack.gateway).get('/api/v1/referrals?limit=200').auth(demo.coordinator, { type: 'bearer' }).expect(200);
    expect(list.items.filter((r: { orderId: string }) => r.orderId === orderId)).toHaveLength(1);
  });

  it('serves OpenAPI and health', async () => {
    const docs = await request(stack.gateway).get('/api/docs-json').expect(200);
    expect(docs.body.paths['/api/v1/protection-orders']).toBeDefined();
    const health = await request(stack.gateway).get('/health').expect(200);
    expect(health.body.details).toMatchObject({ postgres: { status: 'up' }, nats: { status: 'up' } });
  });
});

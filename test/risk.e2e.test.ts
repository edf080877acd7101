import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { Client } from 'pg';
import request from 'supertest';
import { KorgooStack } from './support/korgoo-stack';
import { until } from './support/until';
import { protectionOrderBody } from './support/protection-order.fixture';

type Event = { eventId: string; correlationId: string; payload: Record<string, unknown> };

describe('risk assessment through the API', () => {
  const stack = new KorgooStack();
  let police: string;
  let coordinator: string;

  beforeAll(async () => {
    await stack.start();
    [police, coordinator] = await stack.demoTokens('police', 'coordinator');
  });

  afterAll(() => stack.stop());

  it('serves the ODARA form with every question in Kyrgyz, Russian and English', async () => {
    const { body } = await request(stack.gateway).get('/api/v1/odara/form').auth(police, { type: 'bearer' }).expect(200);
    expect(body.questions.length).toBeGreaterThanOrEqual(13 + 8 + 5 + 11);
    for (const question of body.questions) {
      for (const language of ['ky', 'ru', 'en']) expect(question.text[language]).toMatch(/\S/);
    }
  });

  it('keeps every corrected screening as a new version and announces the raised priority', async () => {
    const body = protectionOrderBody();
    const { body: created } = await request(stack.gateway)
      .post('/api/v1/protection-orders')
      .auth(police, { type: 'bearer' })
      .send(body)
      .expect(201);
    const first = await stack.awaitEvent<Event>('risk.assessed.v1', (e) => e.correlationId === created.orderId);
    expect(first.payload).toMatchObject({ assessmentVersion: 1, immediateDanger: false });

    const corrected = structuredClone(body.screening);
    corrected.immediateDanger.critical.threatenedToKill = 'yes';
    await request(stack.gateway)
      .post(`/api/v1/protection-orders/${created.orderId}/screening-corrections`)
      .auth(police, { type: 'bearer' })
      .send(corrected)
      .expect(202);
    const second = await stack.awaitEvent<Event>('risk.reassessed.v1', (e) => e.correlationId === created.orderId);
    expect(second.payload).toMatchObject({
      assessmentVersion: 2,
      priority: 'urgent',
      immediateDanger: true,
      previousPriority: first.payload.priority,
    });
    // The correction is the first to show danger: the coordinators are alerted as for a first assessment.
    await stack.awaitEvent<Event>(
      'notification.sent.v1',
      (e) => e.payload.sourceEventId === second.eventId && e.payload.recipientKind === 'coordinators' && e.payload.channel === 'inbox',
    );
    const handled = await stack.eventsHandled('notification', 'risk.reassessed.v1', 'applied');
    await request(stack.gateway)
      .post(`/api/v1/protection-orders/${created.orderId}/screening-corrections`)
      .auth(police, { type: 'bearer' })
      .send(corrected)
      .expect(202);
    const third = await stack.awaitEvent<Event>('risk.reassessed.v1', (e) => e.correlationId === created.orderId && e.payload.assessmentVersion === 3);
    await until(async () => (await stack.eventsHandled('notification', 'risk.reassessed.v1', 'applied')) > handled, 'the notification service to take it');
    // Already alerted: a further correction that still shows danger is no new alert.
    expect(stack.eventsOn('notification.sent.v1').filter((e) => (e.payload as { sourceEventId: string }).sourceEventId === third.eventId)).toEqual([]);

    const { body: history } = await request(stack.gateway)
      .get(`/api/v1/protection-orders/${created.orderId}/assessments`)
      .auth(coordinator, { type: 'bearer' })
      .expect(200);
    expect(history.assessments.map((a: { version: number }) => a.version)).toEqual([1, 2, 3]);
    const explanation = history.assessments[1].explanation;
    expect(explanation.items).toHaveLength(13);
    expect(explanation.items.find((i: { key: string }) => i.key === 'violenceAgainstOthers')).toMatchObject({
      answer: 'unknown',
      counted: false,
    });
    expect(history.assessments[1].policyVersions).toEqual(
      expect.objectContaining({ proration: expect.any(String), normTable: expect.any(String), priority: expect.any(String) }),
    );
  });

  it.each([
    ['a wrong enum', (b: ReturnType<typeof protectionOrderBody>) => (b.screening.items.confinement = 'sometimes'), 'screening.items.confinement'],
    ['an extra key', (b: ReturnType<typeof protectionOrderBody>) => Object.assign(b.screening.context, { religion: 'x' }), 'screening.context.religion'],
    ['a missing item', (b: ReturnType<typeof protectionOrderBody>) => delete (b.screening.items as Partial<typeof b.screening.items>).confinement, 'screening.items.confinement'],
    ['expiry before issue', (b: ReturnType<typeof protectionOrderBody>) => (b.expiresAt = new Date(Date.parse(b.issuedAt) - 1000).toISOString()), 'expiresAt'],
  ])('answers 400 naming the field for %s and stores nothing', async (_, spoil, field) => {
    const body = protectionOrderBody();
    spoil(body);
    const response = await request(stack.gateway).post('/api/v1/protection-orders').auth(police, { type: 'bearer' }).send(body).expect(400);
    expect(response.body.problems.map((p: { field: string }) => p.field)).toContain(field);
    const valid = { ...protectionOrderBody(), orderNumber: body.orderNumber };
    await request(stack.gateway).post('/api/v1/protection-orders').auth(police, { type: 'bearer' }).send(valid).expect(201);
  });

  it('scores an order once when its registration comes again under another event id, and announces it once', async () => {
    const { body: created } = await request(stack.gateway).post('/api/v1/protection-orders').auth(police, { type: 'bearer' }).send(protectionOrderBody()).expect(201);
    await stack.awaitEvent<Event>('risk.assessed.v1', (e) => e.correlationId === created.orderId);
    const registered = stack.eventsOn('order.registered.v1').find((e) => e.correlationId === created.orderId)!;
    const applied = await stack.eventsHandled('risk', 'order.registered.v1', 'applied');
    const again = { ...registered, eventId: randomUUID() };
    await jetstream(stack.nc).publish(`${stack.namespace}.order.registered.v1`, JSON.stringify(again), { msgID: again.eventId });
    // A new event id passes the inbox: the assessment's own uniqueness keeps it to one.
    await until(async () => (await stack.eventsHandled('risk', 'order.registered.v1', 'applied')) > applied, 'the second registration to be handled');
    const owner = new Client({ connectionString: process.env.KORGOO_TEST_DATABASE_URL });
    await owner.connect();
    try {
      const rows = await owner.query('SELECT version FROM risk.risk_assessment WHERE order_id = $1', [created.orderId]);
      expect(rows.rows).toEqual([{ version: 1 }]);
      const announced = await owner.query(`SELECT count(*)::int AS n FROM risk.outbox WHERE subject = 'risk.assessed.v1' AND envelope->>'correlationId' = $1`, [created.orderId]);
      expect(announced.rows[0].n).toBe(1);
    } finally {
      await owner.end();
    }
  });

  it('refuses a correction of an unknown order or a bad screening', async () => {
    const body = protectionOrderBody();
    await request(stack.gateway)
      .post('/api/v1/protection-orders/8a0e0cb4-8b3f-4f43-9a39-6a8b1c1d2e3f/screening-corrections')
      .auth(police, { type: 'bearer' })
      .send(body.screening)
      .expect(404);
    // The order is looked up before the body is read: a bad screening is a 400 only on an order of one's own.
    const bad = { ...body.screening, items: { ...body.screening.items, substanceAbuse: 'often' } };
    await request(stack.gateway)
      .post('/api/v1/protection-orders/8a0e0cb4-8b3f-4f43-9a39-6a8b1c1d2e3f/screening-corrections')
      .auth(police, { type: 'bearer' })
      .send(bad)
      .expect(404);
    const { orderId } = (await request(stack.gateway).post('/api/v1/protection-orders').auth(police, { type: 'bearer' }).send(body).expect(201)).body;
    const refused = await request(stack.gateway)
      .post(`/api/v1/protection-orders/${orderId}/screening-corrections`)
      .auth(police, { type: 'bearer' })
      .send(bad)
      .expect(400);
    expect(refused.body.problems.map((p: { field: string }) => p.field)).toContain('items.substanceAbuse');
  });
});

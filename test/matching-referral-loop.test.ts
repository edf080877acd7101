import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { centreFreeEveryDay, setCentresStatus } from './support/last-place-centre';
import { Envelope, MatchingStack, riskAssessed } from './support/matching-stack';
import { protectionOrderBody } from './support/protection-order.fixture';

type Routed = {
  referralId: string;
  orderId: string;
  referralNumber: string;
  centreId: string;
  acknowledgeBy: string;
  firstSessionAt: string;
  handOff?: number;
  previousCentreId?: string;
};
type Transition = { from_status: string | null; to_status: string; actor_kind: string; actor_id: string | null; reason_code: string; note: string | null };

/** Waits for state that no event announces (a reassessment changes no status), checking it on every turn. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the referral loop: centres answer, coordinators assign, nothing stalls', () => {
  const NARYN_ROOM = ['naryn-loop-1', 'naryn-loop-2'];
  // Acknowledgement windows keep the risk policy's hours; a test that needs one to pass moves the clock.
  const stack = new MatchingStack({ services: ['gateway', 'risk', 'matching'] });
  let admin: string;
  let coordinator: string;
  let police: string;
  let oshStaff: string;
  const staffByCentre = new Map<string, string>();

  const staff = async (centreId: string) => {
    if (!staffByCentre.has(centreId)) staffByCentre.set(centreId, await stack.centreStaff(admin, centreId));
    return staffByCentre.get(centreId)!;
  };
  const post = (path: string, token: string, body?: object) =>
    request(stack.gateway).post(path).auth(token, { type: 'bearer' }).send(body ?? {});
  const transitions = (referralId: string) =>
    stack.sql<Transition>(
      `SELECT from_status, to_status, actor_kind, actor_id, reason_code, note FROM matching.referral_transition
        WHERE referral_id = $1 ORDER BY id`,
      [referralId],
    );
  const holds = (referralId: string) =>
    stack.sql<{ booked_session_id: string; hand_off: number; confirmed_at: Date | null }>(
      'SELECT booked_session_id, hand_off, confirmed_at FROM matching.session_hold WHERE referral_id = $1 ORDER BY session_index',
      [referralId],
    );

  const heldSessions = (referralId: string) =>
    stack.sql<{ id: string; participants: number }>(
      `SELECT b.id, b.participants FROM matching.booked_session b
         JOIN matching.session_hold h ON h.booked_session_id = b.id WHERE h.referral_id = $1`,
      [referralId],
    );
  /** A session only this referral held is gone; a group it shared has one participant fewer. */
  async function expectGivenBack(before: Array<{ id: string; participants: number }>) {
    const after = await stack.sql<{ id: string; participants: number }>(
      'SELECT id, participants FROM matching.booked_session WHERE id = ANY($1)',
      [before.map((b) => b.id)],
    );
    expect(before).toHaveLength(4);
    for (const session of before) {
      const left = after.find((a) => a.id === session.id);
      if (session.participants === 1) expect(left).toBeUndefined();
      else expect(left?.participants).toBe(session.participants - 1);
    }
  }

  async function route(overrides: Parameters<typeof riskAssessed>[0] = {}): Promise<Envelope<Routed>> {
    const assessed = riskAssessed(overrides);
    await stack.publish('risk.assessed.v1', assessed.orderId, assessed);
    return stack.awaitEvent<Routed>('referral.routed.v1', (e) => e.correlationId === assessed.orderId);
  }

  beforeAll(async () => {
    await stack.start();
    [admin, coordinator, police] = await Promise.all([
      stack.login('admin.demo', 'korgoo-demo-admin'),
      stack.login('coordinator.demo', 'korgoo-demo-coordinator'),
      stack.login('police.demo', 'korgoo-demo-police'),
    ]);
    oshStaff = await stack.login('centre.osh-ak-jurok.demo', 'korgoo-demo-centre');
    // Room in Naryn for a referral and the centre it moves to after a decline or a lapse, whatever the suites
    // before this one left of the demo centres' few programmes.
    for (const id of NARYN_ROOM) await centreFreeEveryDay(stack.gateway, admin, id, 'naryn', `Loop ${id}`, 1);
  });

  // Back to the real time after each test, so the next one routes and answers now.
  afterEach(() => stack.setClock(new Date()));
  afterAll(async () => {
    await setCentresStatus(stack.gateway, await stack.login('admin.demo', 'korgoo-demo-admin'), NARYN_ROOM, 'paused');
    await stack.stop();
  });

  it('lets the centre accept its own referral, and answers 403, 404 and 409 otherwise', async () => {
    // A real order, through the gateway and risk.
    const body = protectionOrderBody({
      perpetrator: { fullName: 'Асанов Бакыт', sex: 'male', language: 'ky', location: { settlementCode: 'naryn' } },
    });
    const created = await post('/api/v1/protection-orders', police, body).expect(201);
    const routed = await stack.awaitEvent<Routed>('referral.routed.v1', (e) => e.correlationId === created.body.orderId);
    const { referralId, centreId } = routed.payload;
    expect(centreId).toMatch(/^naryn-/);
    // Numbered in the year it was routed in, by matching's clock.
    expect(routed.payload.referralNumber).toMatch(new RegExp(`^R-${new Date(routed.occurredAt).getUTCFullYear()}-\\d{6,}$`));
    expect(await holds(referralId)).toHaveLength(4);

    await post(`/api/v1/referrals/${referralId}/accept`, oshStaff).expect(403);
    await post(`/api/v1/referrals/${referralId}/accept`, coordinator).expect(403);
    await post(`/api/v1/referrals/${randomUUID()}/accept`, await staff(centreId)).expect(404);
    await post('/api/v1/referrals/not-a-uuid/accept', await staff(centreId)).expect(400);

    const accepted = await post(`/api/v1/referrals/${referralId}/accept`, await staff(centreId)).expect(200);
    expect(accepted.body.referral).toMatchObject({ referralId, status: 'accepted', centreId });
    const event = await stack.awaitEvent('referral.accepted.v1', (e) => e.payload.referralId === referralId);
    expect(event.payload).toMatchObject({ centreId, firstSessionAt: routed.payload.firstSessionAt });
    expect(JSON.stringify(event)).not.toContain('Асанов');
    expect((await holds(referralId)).every((h) => h.confirmed_at !== null)).toBe(true);

    await post(`/api/v1/referrals/${referralId}/accept`, await staff(centreId)).expect(409);
    const answered = await post(`/api/v1/referrals/${referralId}/decline`, await staff(centreId), { reason: 'at_capacity' }).expect(409);
    expect(answered.body.refusals).toEqual([expect.objectContaining({ rule: 'referral_no_longer_proposed', params: { referralNumber: expect.any(String) } })]);
    const rows = await transitions(referralId);
    expect(rows.map((t) => [t.from_status, t.to_status, t.actor_kind, t.reason_code])).toEqual([
      [null, 'proposed', 'system', 'routed'],
      ['proposed', 'accepted', 'centre', 'accepted'],
    ]);
    expect(rows[1].actor_id).toEqual(expect.any(String));
  });

  it('declines with a reason code, gives the held sessions back and re-routes to another centre', async () => {
    const routed = await route({ settlementCode: 'naryn' });
    const { referralId, centreId: first } = routed.payload;
    const token = await staff(first);
    const before = await heldSessions(referralId);

    const noNote = await post(`/api/v1/referrals/${referralId}/decline`, token, { reason: 'other' }).expect(400);
    expect(noNote.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'note' })]));
    // Blank past the gateway's check, matching names its rule at the note.
    const blankNote = await post(`/api/v1/referrals/${referralId}/decline`, token, { reason: 'other', note: '   ' }).expect(400);
    expect(blankNote.body.refusals).toEqual([expect.objectContaining({ rule: 'decline_note_required', field: 'note' })]);
    expect(blankNote.body.problems).toEqual([expect.objectContaining({ field: 'note', codes: ['decline_note_required'] })]);
    const badReason = await post(`/api/v1/referrals/${referralId}/decline`, token, { reason: 'busy' }).expect(400);
    expect(badReason.body.problems[0].field).toBe('reason');
    await post(`/api/v1/referrals/${referralId}/decline`, oshStaff, { reason: 'at_capacity' }).expect(404);

    const declined = await post(`/api/v1/referrals/${referralId}/decline`, token, { reason: 'at_capacity' }).expect(200);
    const second = declined.body.referral.centreId;
    expect(declined.body.referral.status).toBe('proposed');
    expect(second).not.toBe(first);

    const declinedEvent = await stack.awaitEvent('referral.declined.v1', (e) => e.payload.referralId === referralId);
    expect(declinedEvent.payload).toMatchObject({ centreId: first, reason: 'at_capacity' });
    const rerouted = await stack.awaitEvent<Routed>('referral.rerouted.v1', (e) => e.payload.referralId === referralId);
    expect(rerouted.payload).toMatchObject({ centreId: second, previousCentreId: first, handOff: 1 });

    // The first centre's sessions were given back; the new holds are the second hand-off's.
    await expectGivenBack(before);
    const now = await holds(referralId);
    expect(now).toHaveLength(4);
    expect(now.every((h) => h.hand_off === 1)).toBe(true);

    await post(`/api/v1/referrals/${referralId}/accept`, token).expect(409);
    expect((await transitions(referralId)).map((t) => [t.from_status, t.to_status, t.reason_code])).toEqual([
      [null, 'proposed', 'routed'],
      ['proposed', 'declined', 'at_capacity'],
      ['declined', 'proposed', 'rerouted'],
    ]);
  });

  it('re-routes after a decline, lets the next deadline pass, then escalates, with each step recorded', async () => {
    const routed = await route({ settlementCode: 'naryn' });
    const { referralId, orderId, centreId: first } = routed.payload;
    await post(`/api/v1/referrals/${referralId}/decline`, await staff(first), { reason: 'other', note: 'a relative works here' }).expect(200);
    const rerouted = await stack.awaitEvent<Routed>('referral.rerouted.v1', (e) => e.payload.referralId === referralId);
    const second = rerouted.payload.centreId;

    // A reassessment to urgent brings the second centre's deadline forward to the urgent hour; the clock passes it.
    await stack.publish('risk.reassessed.v1', orderId, {
      ...riskAssessed({ orderId, priority: 'urgent', assessmentVersion: 2 }),
      previousPriority: 'standard',
    });
    await eventually(
      () => transitions(referralId),
      (steps) => steps.some((t) => t.reason_code === 'deadline_brought_forward'),
    );
    const [{ due_at: dueAt }] = await stack.sql<{ due_at: Date }>(
      `SELECT due_at FROM matching.referral_deadline WHERE referral_id = $1 AND state = 'pending'`,
      [referralId],
    );
    expect(dueAt.getTime()).toBeLessThan(Date.parse(rerouted.payload.acknowledgeBy));
    await stack.setClock(new Date(dueAt.getTime() + 60_000));
    const expired = await stack.awaitEvent('referral.expired.v1', (e) => e.payload.referralId === referralId);
    expect(expired.payload.centreId).toBe(second);
    expect(Date.parse(expired.payload.acknowledgeBy as string)).toBeLessThan(Date.parse(rerouted.payload.acknowledgeBy));

    const escalated = await stack.awaitEvent<{ reasons: string[]; priority: string }>(
      'referral.escalated.v1',
      (e) => e.correlationId === orderId,
    );
    expect(escalated.payload.priority).toBe('urgent');
    expect(escalated.payload.reasons).toEqual([
      `${first} declined (other)`,
      expect.stringMatching(new RegExp(`^${second} did not acknowledge by `)),
      '2 failed hand-offs reached the limit of 2',
    ]);
    expect(JSON.stringify(escalated)).not.toContain('relative');

    expect((await transitions(referralId)).map((t) => [t.from_status, t.to_status, t.actor_kind, t.reason_code])).toEqual([
      [null, 'proposed', 'system', 'routed'],
      ['proposed', 'declined', 'centre', 'other'],
      ['declined', 'proposed', 'system', 'rerouted'],
      ['proposed', 'proposed', 'system', 'deadline_brought_forward'],
      ['proposed', 'expired', 'timer', 'acknowledgement_deadline_passed'],
      ['expired', 'escalated', 'system', 'hand_off_limit_reached'],
    ]);
    expect(await holds(referralId)).toEqual([]);

    const { body } = await request(stack.gateway)
      .get(`/api/v1/referrals/${referralId}/decision`)
      .auth(coordinator, { type: 'bearer' })
      .expect(200);
    expect(body.decision).toMatchObject({ status: 'escalated', failedHandOffs: 2, handOffLimit: 2 });
    expect(body.decision.handOffs.map((h: { centreId: string; outcome: string; reasonCode: string }) => [h.centreId, h.outcome, h.reasonCode])).toEqual([
      [first, 'declined', 'other'],
      [second, 'fired', 'acknowledgement_deadline_passed'],
    ]);
    expect(body.decision.routings.map((r: { trigger: string; chosen: string }) => [r.trigger, r.chosen])).toEqual([
      ['assessed', first],
      ['declined', second],
    ]);
    const reroute = body.decision.routings[1];
    expect(reroute.candidates.find((c: { centreId: string }) => c.centreId === first).excluded).toBe('declined');
    expect(body.decision.transitions[1].note).toBe('a relative works here');
  });

  it('lets a coordinator assign by hand, even a centre the rules found unable, and records the override', async () => {
    const routed = await route({ settlementCode: 'karakol', priority: 'high' });
    const { referralId, centreId: first } = routed.payload;

    await post(`/api/v1/referrals/${referralId}/assign`, oshStaff, { centreId: 'karakol-ayalzat', reason: 'x' }).expect(403);
    const noReason = await post(`/api/v1/referrals/${referralId}/assign`, coordinator, { centreId: 'karakol-ayalzat' }).expect(400);
    expect(noReason.body.problems[0].field).toBe('reason');
    await post(`/api/v1/referrals/${referralId}/assign`, coordinator, { centreId: 'nowhere', reason: 'x' }).expect(404);
    await post(`/api/v1/referrals/${randomUUID()}/assign`, coordinator, { centreId: 'karakol-ayalzat', reason: 'x' }).expect(404);
    await post(`/api/v1/referrals/${referralId}/assign`, coordinator, { centreId: first, reason: 'x' }).expect(409);
    // Batken is a day's drive from Karakol: nobody could attend there, whoever chose it.
    const far = await post(`/api/v1/referrals/${referralId}/assign`, coordinator, { centreId: 'batken-demo', reason: 'x' }).expect(409);
    expect(far.body.message).toMatch(/^batken-demo is out of reach for referral R-\d{4}-\d{6}: from Karakol, \d+ minutes one way( on \d{4}-\d\d-\d\d)?, beyond the reach of 180 minutes$/);
    expect(await holds(referralId)).toHaveLength(4);

    // Karakol Ayalzat has no male facilitator: the rules say no, the coordinator decides otherwise.
    const reason = 'the centre agreed by phone to bring in a male facilitator from Bishkek';
    const assigned = await post(`/api/v1/referrals/${referralId}/assign`, coordinator, { centreId: 'karakol-ayalzat', reason }).expect(200);
    expect(assigned.body.referral).toMatchObject({ status: 'proposed', centreId: 'karakol-ayalzat' });
    const rerouted = await stack.awaitEvent<Routed>('referral.rerouted.v1', (e) => e.payload.referralId === referralId);
    expect(rerouted.payload).toMatchObject({ centreId: 'karakol-ayalzat', previousCentreId: first, handOff: 1 });
    expect(await holds(referralId)).toEqual([]);

    const rows = await transitions(referralId);
    expect(rows[rows.length - 1]).toMatchObject({
      from_status: 'proposed',
      to_status: 'proposed',
      actor_kind: 'coordinator',
      reason_code: 'assigned_despite_no_certified_pair',
      note: reason,
    });
    const { body } = await request(stack.gateway)
      .get(`/api/v1/referrals/${referralId}/decision`)
      .auth(coordinator, { type: 'bearer' })
      .expect(200);
    const override = body.decision.routings[1];
    expect(override).toMatchObject({ trigger: 'assigned', chosen: 'karakol-ayalzat', override: { reason, verdict: { feasible: false } } });
    expect(body.decision.handOffs.map((h: { outcome: string; assigned: boolean }) => [h.outcome, h.assigned])).toEqual([
      ['superseded', false],
      ['pending', true],
    ]);

    // A person chose this centre: when it declines, coordinators decide again instead of the rules.
    await post(`/api/v1/referrals/${referralId}/decline`, await staff('karakol-ayalzat'), { reason: 'no_facilitator_pair' }).expect(200);
    const escalated = await stack.awaitEvent<{ referralId: string; reasons: string[] }>(
      'referral.escalated.v1',
      (e) => e.payload.referralId === referralId,
    );
    expect(escalated.payload.reasons).toContain('the centre a coordinator assigned did not take the referral');
  });

  it('brings a pending deadline forward on a higher priority and never pushes it back', async () => {
    const routed = await route({ settlementCode: 'osh' });
    const { referralId, orderId } = routed.payload;
    const dueAt = async () =>
      (await stack.sql<{ due_at: Date }>(`SELECT due_at FROM matching.referral_deadline WHERE referral_id = $1 AND state = 'pending'`, [referralId]))[0].due_at.getTime();
    const original = await dueAt();

    await stack.publish('risk.reassessed.v1', orderId, {
      ...riskAssessed({ orderId, priority: 'high', assessmentVersion: 2 }),
      previousPriority: 'standard',
    });
    const sooner = await eventually(dueAt, (due) => due < original);
    expect(original - sooner).toBeGreaterThan(19 * 3_600_000);

    await stack.publish('risk.reassessed.v1', orderId, {
      ...riskAssessed({ orderId, priority: 'standard', assessmentVersion: 3 }),
      previousPriority: 'high',
    });
    await eventually(
      () => transitions(referralId),
      (rows) => rows.some((t) => t.note === 'priority high → standard'),
    );
    expect(await dueAt()).toBe(sooner);
    const { body: referral } = await request(stack.gateway)
      .get(`/api/v1/referrals/${referralId}`)
      .auth(coordinator, { type: 'bearer' })
      .expect(200);
    expect(referral).toMatchObject({ priority: 'standard', acknowledgeBy: new Date(sooner).toISOString() });
  });

  it('cancels on withdrawal, gives back every session, and never routes an order withdrawn first', async () => {
    const routed = await route({ settlementCode: 'bishkek' });
    const { referralId, orderId, centreId } = routed.payload;
    const before = await heldSessions(referralId);
    await post(`/api/v1/referrals/${referralId}/accept`, await staff(centreId)).expect(200);

    await stack.publish('order.withdrawn.v1', orderId, { orderId, reason: 'cancelled_by_court' }, 'gateway');
    const cancelled = await stack.awaitEvent('referral.cancelled.v1', (e) => e.payload.referralId === referralId);
    expect(cancelled.payload).toMatchObject({ centreId });
    expect(await holds(referralId)).toEqual([]);
    await expectGivenBack(before);
    const rows = await transitions(referralId);
    expect(rows[rows.length - 1]).toMatchObject({ from_status: 'accepted', to_status: 'cancelled', actor_kind: 'police', reason_code: 'cancelled_by_court', note: null });

    const early = randomUUID();
    await stack.publish('order.withdrawn.v1', early, { orderId: early, reason: 'registered_in_error' }, 'gateway');
    await eventually(() => stack.sql('SELECT 1 FROM matching.withdrawn_order WHERE order_id = $1', [early]), (r) => r.length === 1);
    const eventId = await stack.publish('risk.assessed.v1', early, riskAssessed({ orderId: early }));
    // The inbox row commits with the handling: once it is there, the assessment was seen and passed over.
    await eventually(() => stack.sql('SELECT 1 FROM matching.inbox WHERE event_id = $1', [eventId]), (r) => r.length === 1);
    expect(await stack.sql('SELECT 1 FROM matching.referral WHERE order_id = $1', [early])).toEqual([]);
  });

  it('shows the decision record to coordinators only', async () => {
    const routed = await route({ settlementCode: 'jalal-abad' });
    const { referralId, centreId } = routed.payload;
    await request(stack.gateway).get(`/api/v1/referrals/${referralId}/decision`).auth(await staff(centreId), { type: 'bearer' }).expect(403);
    await request(stack.gateway).get(`/api/v1/referrals/${referralId}/decision`).auth(police, { type: 'bearer' }).expect(403);
    await request(stack.gateway).get(`/api/v1/referrals/${referralId}/decision`).auth(admin, { type: 'bearer' }).expect(403);
    await request(stack.gateway).get(`/api/v1/referrals/${randomUUID()}/decision`).auth(coordinator, { type: 'bearer' }).expect(404);
    const { body } = await request(stack.gateway).get(`/api/v1/referrals/${referralId}/decision`).auth(coordinator, { type: 'bearer' }).expect(200);
    const [routing] = body.decision.routings;
    expect(routing).toMatchObject({ trigger: 'assessed', chosen: centreId, providers: ['road-graph'] });
    expect(routing.candidates.length).toBeGreaterThan(10);
    for (const candidate of routing.candidates) {
      expect(candidate.capacity).toEqual(expect.objectContaining({ groupCapacity: expect.any(Number), activeReferrals: expect.any(Number) }));
      expect(candidate.verdict.feasible ? candidate.verdict.firstSessionAt : candidate.verdict.reason).toEqual(expect.any(String));
    }
    expect(body.decision.handOffs).toEqual([expect.objectContaining({ centreId, outcome: 'pending', handOff: 0 })]);
  });
});

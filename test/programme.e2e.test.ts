import { Client } from 'pg';
import request from 'supertest';
import { MANDATORY_PLAN } from '../apps/programme/src/domain/mandatory-programme';
import { farEnoughApart } from '../libs/contracts/src';
import { KorgooStack } from './support/korgoo-stack';
import { acceptedProgramme as accept, roomyCentre, ROOMY_SETTLEMENT, during, Event, HOUR, recordAttendance as recordAttendanceAt, Sent, Started } from './support/programme-flow';
import { protectionOrderBody } from './support/protection-order.fixture';
import { ReceivedMail, SmtpPeer } from './support/smtp-peer';
import { until } from './support/until';

type InboxEntry = { entryId: string; kind: string; referralId: string; orderNumber: string | null; title: Record<string, string> };

describe('the programme follows each accepted referral to exactly one outcome', () => {
  const smtp = new SmtpPeer();
  let stack: KorgooStack;
  let police: string;
  let coordinator: string;
  let admin: string;

  beforeAll(async () => {
    await smtp.start();
    stack = new KorgooStack({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SMTP_FROM: 'Korgoo <no-reply@korgoo.test>' });
    await stack.start();
    [police, coordinator, admin] = await stack.demoTokens('police', 'coordinator', 'admin');
    await roomyCentre(stack, admin);
    // Five services start one after another; on a shared machine that can take longer than one test.
  }, 900_000);

  // setClock moves every service: back to the real time after each test, so its orders register and route now.
  afterEach(() => stack.setClock(new Date()));
  afterAll(async () => {
    await stack.stop();
    await smtp.stop();
  });

  // In the roomy centre: the demo centres' weeks may be booked by the suites that ran before this one.
  const acceptedProgramme = () => accept(stack, police, admin, ROOMY_SETTLEMENT);
  const record = (staff: string, referralId: string, index: number, body: Record<string, unknown>) =>
    recordAttendanceAt(stack, staff, referralId, index, body);

  /** Session 1 attended, then session 2 recorded as `second` while it runs. */
  async function attendFirstThenMarkSecond(staff: string, referralId: string, sessions: Started['sessions'], second: Record<string, unknown>) {
    await stack.setClock(during(sessions[0]));
    await record(staff, referralId, 1, { mark: 'attended' }).expect(200);
    await stack.setClock(during(sessions[1]));
    return record(staff, referralId, 2, second).expect(200);
  }

  it('completes after four attended sessions, and centre, coordinator and police read the completion record', async () => {
    const { orderId, started, staff } = await acceptedProgramme();
    const { referralId, sessions } = started.payload;
    expect(sessions.map((s) => s.kind)).toEqual(['individual', 'individual', 'group', 'group']);

    for (const session of sessions) {
      await stack.setClock(during(session));
      await record(staff, referralId, session.index, { mark: 'attended' }).expect(200);
    }
    const completed = await stack.awaitEvent<Event>('programme.completed.v1', (e) => e.correlationId === orderId);
    expect(completed.payload).toMatchObject({ referralId, orderId });
    expect(JSON.stringify(completed.payload)).not.toMatch(/Асанов/);

    const asCentre = await request(stack.gateway).get(`/api/v1/referrals/${referralId}/programme`).auth(staff, { type: 'bearer' }).expect(200);
    expect(asCentre.body.programme.state).toBe('completed');
    expect(asCentre.body.programme.completion.text.ky).toContain(asCentre.body.programme.referralNumber);
    expect(asCentre.body.programme.sessions[0].facilitatorNote).toMatch(/Took part/);

    const asCoordinator = await request(stack.gateway)
      .get(`/api/v1/referrals/${referralId}/programme`)
      .auth(coordinator, { type: 'bearer' })
      .expect(200);
    expect(asCoordinator.body.programme.state).toBe('completed');

    const asPolice = await request(stack.gateway).get(`/api/v1/referrals/${referralId}/programme`).auth(police, { type: 'bearer' }).expect(200);
    expect(asPolice.body.programme.completion.text.ru).toMatch(/полностью пройдена/);
    expect(asPolice.body.programme.order.personName).toBe('Асанов Бакыт Үмөтбекович');
    expect(asPolice.body.programme.sessions.map((s: { mark: string }) => s.mark)).toEqual(['attended', 'attended', 'attended', 'attended']);
    expect(asPolice.body.programme.sessions[0].facilitatorNote).toBeUndefined();

    // The outcome is final: nothing closes or re-records a completed programme.
    await request(stack.gateway)
      .post(`/api/v1/referrals/${referralId}/programme/close`)
      .auth(coordinator, { type: 'bearer' })
      .send({ reason: 'left_country' })
      .expect(409);
  });

  it('reports an explicit refusal in week 2 to the police once, with the sessions offered and missed', async () => {
    const { orderId, started, staff } = await acceptedProgramme();
    const { referralId, sessions } = started.payload;
    const refused = await attendFirstThenMarkSecond(staff, referralId, sessions, { mark: 'refused' });
    expect(refused.body.programme.state).toBe('refused');

    const notice = await stack.awaitEvent<Event>('programme.refusal_reported.v1', (e) => e.correlationId === orderId);
    expect(notice.payload).toMatchObject({
      ground: 'explicit_refusal',
      refusalPolicy: 'second-unexcused-or-cannot-finish',
      sessionsOffered: 2,
      missed: [{ index: 2, startsAt: sessions[1].startsAt, mark: 'refused' }],
    });
    expect(new Date(notice.payload.reportedAt as string).getTime()).toBeLessThan(new Date(notice.payload.expiresAt as string).getTime());
    expect(JSON.stringify(notice.payload)).not.toMatch(/Асанов|Took part/);

    // A repeated request cannot report twice: the programme is closed to further records.
    await record(staff, referralId, 3, { mark: 'refused' }).expect(409);
    const asPolice = await request(stack.gateway).get(`/api/v1/referrals/${referralId}/programme`).auth(police, { type: 'bearer' }).expect(200);
    expect(asPolice.body.programme.notices).toHaveLength(1);
    // The unit's list of orders carries the same programme, so a list needs no request per order.
    const listed = await request(stack.gateway).get('/api/v1/protection-orders').auth(police, { type: 'bearer' }).expect(200);
    const { order: _order, ...programme } = asPolice.body.programme;
    expect(listed.body.items.find((o: { orderId: string }) => o.orderId === orderId).programme).toEqual(programme);
    await stack.awaitEvent<Event>('programme.session_recorded.v1', (e) => e.correlationId === orderId && e.payload.sessionIndex === 2);
    expect(stack.eventsOn('programme.refusal_reported.v1').filter((e) => e.correlationId === orderId)).toHaveLength(1);
  });

  it('finds a refusal at the second unexcused absence, or at the first once the programme can no longer finish, and tells the unit', async () => {
    const { orderId, orderNumber, started, staff, expiresAt } = await acceptedProgramme();
    const { referralId, sessions } = started.payload;
    // Where the centre's calendar put the sessions decides which half of the default policy applies: a missed
    // session needs a make-up after the last one planned, the plan's gap later, before the order ends.
    const makeUpEnds = Date.parse(sessions[3].endsAt) + MANDATORY_PLAN.minimumGapDays * 24 * HOUR;
    const finishesAfterOneMiss = makeUpEnds <= Date.parse(expiresAt);
    await stack.setClock(during(sessions[0]));
    const first = await record(staff, referralId, 1, { mark: 'unexcused_absence' }).expect(200);
    expect(first.body.programme.state).toBe(finishesAfterOneMiss ? 'in_progress' : 'refused');
    if (finishesAfterOneMiss) {
      await stack.setClock(during(sessions[1]));
      await record(staff, referralId, 2, { mark: 'unexcused_absence' }).expect(200);
    }
    const notice = await stack.awaitEvent<Event>('programme.refusal_reported.v1', (e) => e.correlationId === orderId);
    const missed = finishesAfterOneMiss ? 2 : 1;
    expect(notice.payload).toMatchObject({
      ground: finishesAfterOneMiss ? 'unexcused_absences' : 'cannot_finish_before_expiry',
      sessionsOffered: missed,
    });
    expect((notice.payload.missed as unknown[]).length).toBe(missed);
    const { mail } = await noticeReachedUnit(notice, { orderNumber, referralId, expiresAt });
    expect(mail.text).toMatch(/неявка без уважительной причины/);
  });

  type Plan = Array<{ index: number; kind: string; startsAt: string; endsAt: string }>;
  type Moved = { excusedIndex: number; sessions: Plan; expiresAt: string };

  /** The ids of this order's moves and alerts seen so far. */
  const movesOf = (orderId: string) =>
    new Set(
      [...stack.eventsOn('programme.sessions_rescheduled.v1'), ...stack.eventsOn('programme.alert.v1')]
        .filter((e) => e.correlationId === orderId)
        .map((e) => e.eventId),
    );

  /** An excused absence either moves the sessions left or waits for a coordinator: whichever comes first after `seen`. */
  async function afterExcuse(orderId: string, index: number, seen: Set<string>) {
    return Promise.race([
      stack
        .awaitEvent<Event<Moved>>(
          'programme.sessions_rescheduled.v1',
          (e) => e.correlationId === orderId && e.payload.excusedIndex === index && !seen.has(e.eventId),
        )
        .then((e) => ({ moved: e.payload })),
      stack
        .awaitEvent<Event>(
          'programme.alert.v1',
          (e) => e.correlationId === orderId && e.payload.kind === 'reschedule_needed' && !seen.has(e.eventId),
        )
        .then((e) => ({ alert: e.payload })),
    ]);
  }

  /** The rule the calendar must keep: in order, a week apart, the last ending before the order does. */
  function expectFitsBeforeExpiry(held: Plan, expiresAt: string) {
    for (let i = 1; i < held.length; i++) {
      expect(farEnoughApart(new Date(held[i - 1].startsAt), new Date(held[i].startsAt))).toBe(true);
    }
    expect(Date.parse(held[held.length - 1].endsAt)).toBeLessThanOrEqual(Date.parse(expiresAt));
  }

  it('moves an excused session to the next free slot before expiry, keeping the later sessions a week apart', async () => {
    // A centre free every day: whether a make-up fits must not hang on the weekday the suite runs.
    const { orderId, started, staff } = await acceptedProgramme();
    const { referralId, sessions } = started.payload;
    const excused = await attendFirstThenMarkSecond(staff, referralId, sessions, { mark: 'excused_absence', excuseReason: 'court_hearing' });
    expect(excused.body.programme.sessions[1].mark).toBe('excused_absence');

    const outcome = await afterExcuse(orderId, 2, new Set());
    if (!('moved' in outcome)) throw new Error(`no make-up found: ${JSON.stringify(outcome.alert)}`);
    const moved = outcome.moved.sessions;
    expect(moved.map((s) => s.index)).toEqual([2, 3, 4]);
    expect(Date.parse(moved[0].startsAt)).toBeGreaterThanOrEqual(Date.parse(sessions[1].endsAt));
    expectFitsBeforeExpiry([sessions[0], ...moved], outcome.moved.expiresAt);

    // Matching answers a repeated move with the move it already made: a retry after a crash never moves twice.
    const again = await stack.nc.request(
      `${stack.namespace}.command.matching.programme-sessions-move.v1`,
      JSON.stringify({
        referralId,
        fromIndex: 2,
        excusedStartsAt: sessions[1].startsAt,
        notBefore: sessions[1].endsAt,
        previousStartsAt: sessions[0].startsAt,
        mustFinishBy: outcome.moved.expiresAt,
      }),
      { timeout: 30_000 },
    );
    expect(again.json()).toMatchObject({ moved: true, sessions: moved.map((s) => ({ index: s.index, startsAt: s.startsAt, endsAt: s.endsAt })) });
    // Each moved session names the pair-session matching booked for it, and the repeated answer the same one.
    const movedIds = (again.json() as { sessions: Array<{ bookedSessionId: string }> }).sessions.map((s) => s.bookedSessionId);
    expect(moved.map((s) => (s as { bookedSessionId?: string }).bookedSessionId)).toEqual(movedIds);
    expect(movedIds.every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);

    const view = await request(stack.gateway).get(`/api/v1/referrals/${referralId}/programme`).auth(staff, { type: 'bearer' }).expect(200);
    expect(view.body.programme.sessions[1]).toMatchObject({ index: 2, startsAt: moved[0].startsAt, mark: null });
    expect(view.body.programme.state).toBe('in_progress');
    // The make-up is a session like any other: attended at its new time, the programme goes on.
    await stack.setClock(during(moved[0]));
    const attended = await record(staff, referralId, 2, { mark: 'attended' }).expect(200);
    expect(attended.body.programme.sessions[1].mark).toBe('attended');
    expect(stack.eventsOn('programme.sessions_rescheduled.v1').filter((e) => e.correlationId === orderId)).toHaveLength(1);
  });

  /**
   * Sessions 1-3 attended, then session 4 excused again and again: each make-up pushes it later, until none
   * is left before the order ends and the programme waits for a coordinator.
   */
  async function excusedUntilNothingFits() {
    const { orderId, started, staff, expiresAt } = await acceptedProgramme();
    const { referralId } = started.payload;
    let plan: Plan = started.payload.sessions;
    for (const session of plan.slice(0, 3)) {
      await stack.setClock(during(session));
      await record(staff, referralId, session.index, { mark: 'attended' }).expect(200);
    }
    // Each excused absence pushes the last session later (in a centre free every day, by as little as a day),
    // until none is left before the order ends.
    let alert: Record<string, unknown> | null = null;
    for (let attempt = 0; alert === null; attempt++) {
      expect(attempt).toBeLessThan(40);
      await stack.setClock(during(plan[3]));
      const seen = movesOf(orderId);
      await record(staff, referralId, 4, { mark: 'excused_absence', excuseReason: 'illness_with_document' }).expect(200);
      const outcome = await afterExcuse(orderId, 4, seen);
      if ('alert' in outcome) alert = outcome.alert;
      else {
        expect(Date.parse(outcome.moved.sessions[0].startsAt)).toBeGreaterThan(Date.parse(plan[3].startsAt));
        expectFitsBeforeExpiry([...plan.slice(0, 3), ...outcome.moved.sessions], outcome.moved.expiresAt);
        plan = [...plan.slice(0, 3), ...outcome.moved.sessions];
      }
    }
    expect(alert).toMatchObject({ audience: 'coordinators', sessionIndex: 4, referralId });
    return { orderId, referralId, plan, expiresAt };
  }

  it('sends the programme to a coordinator when an excused session can no longer fit before expiry', async () => {
    const { referralId } = await excusedUntilNothingFits();
    const view = await request(stack.gateway)
      .get(`/api/v1/referrals/${referralId}/programme`)
      .auth(coordinator, { type: 'bearer' })
      .expect(200);
    expect(view.body.programme.state).toBe('awaiting_decision');
    expect(view.body.programme.sessions[3].mark).toBe('excused_absence');
    const closed = await request(stack.gateway)
      .post(`/api/v1/referrals/${referralId}/programme/close`)
      .auth(coordinator, { type: 'bearer' })
      .send({ reason: 'treatment_first', recheckOn: '2099-01-15' })
      .expect(200);
    expect(closed.body.programme).toMatchObject({ state: 'closed_by_decision', closure: { reason: 'treatment_first', recheckOn: '2099-01-15' } });
  });

  it('gives a programme waiting for a coordinator the slack of an extension: the excused session moves after all', async () => {
    const { orderId, referralId, plan, expiresAt } = await excusedUntilNothingFits();
    const seen = movesOf(orderId);
    const bad = await request(stack.gateway)
      .post(`/api/v1/protection-orders/${orderId}/extension`)
      .auth(police, { type: 'bearer' })
      .send({ expiresAt: new Date(Date.parse(expiresAt) - HOUR).toISOString() })
      .expect(400);
    expect(bad.body.problems).toEqual([{ field: 'expiresAt', rules: [expect.stringMatching(/later than the current expiry/)] }]);

    const extendedTo = new Date(Date.parse(expiresAt) + 14 * 24 * HOUR).toISOString();
    const extended = await request(stack.gateway)
      .post(`/api/v1/protection-orders/${orderId}/extension`)
      .auth(police, { type: 'bearer' })
      .send({ expiresAt: extendedTo })
      .expect(200);
    expect(extended.body).toMatchObject({ expiresAt: extendedTo, firstExpiresAt: new Date(expiresAt).toISOString() });

    const outcome = await afterExcuse(orderId, 4, seen);
    if (!('moved' in outcome)) throw new Error('the extension gave no slack');
    expect(outcome.moved.expiresAt).toBe(extendedTo);
    expect(Date.parse(outcome.moved.sessions[0].endsAt)).toBeGreaterThan(Date.parse(expiresAt));
    expectFitsBeforeExpiry([...plan.slice(0, 3), ...outcome.moved.sessions], extendedTo);
    const view = await request(stack.gateway).get(`/api/v1/referrals/${referralId}/programme`).auth(coordinator, { type: 'bearer' }).expect(200);
    expect(view.body.programme).toMatchObject({ state: 'in_progress', expiresAt: extendedTo });
    expect(view.body.programme.sessions[3]).toMatchObject({ mark: null, startsAt: outcome.moved.sessions[0].startsAt });

    // The court's decision is recorded by the police and shown with the order.
    const issuedOn = (await request(stack.gateway).get(`/api/v1/protection-orders/${orderId}`).auth(police, { type: 'bearer' }).expect(200)).body
      .issuedAt.slice(0, 10);
    await request(stack.gateway)
      .post(`/api/v1/protection-orders/${orderId}/court-decision`)
      .auth(police, { type: 'bearer' })
      .send({ decidedOn: '2020-01-01', reference: '2-1234/26' })
      .expect(400);
    await request(stack.gateway)
      .post(`/api/v1/protection-orders/${orderId}/court-decision`)
      .auth(police, { type: 'bearer' })
      .send({ decidedOn: issuedOn, reference: '2-1234/26' })
      .expect(200);
    const order = await request(stack.gateway).get(`/api/v1/protection-orders/${orderId}`).auth(coordinator, { type: 'bearer' }).expect(200);
    expect(order.body).toMatchObject({
      expiresAt: extendedTo,
      firstExpiresAt: new Date(expiresAt).toISOString(),
      courtDecision: { decidedOn: issuedOn, reference: '2-1234/26' },
    });
  });

  it('reminds the centre once a day after a session left unrecorded, then the coordinators; a coordinator closes with a reason', async () => {
    const { orderId, started, staff } = await acceptedProgramme();
    const { referralId, sessions } = started.payload;
    const ended = new Date(sessions[0].endsAt).getTime();
    await stack.setClock(new Date(ended + 25 * HOUR));
    const centreAlert = await stack.awaitEvent<Event>(
      'programme.alert.v1',
      (e) => e.correlationId === orderId && e.payload.audience === 'centre' && e.payload.sessionIndex === 1,
    );
    expect(centreAlert.payload.kind).toBe('attendance_missing');
    await stack.setClock(new Date(ended + 49 * HOUR));
    await stack.awaitEvent<Event>(
      'programme.alert.v1',
      (e) => e.correlationId === orderId && e.payload.audience === 'coordinators' && e.payload.sessionIndex === 1,
    );
    const sessionOneAlerts = stack
      .eventsOn('programme.alert.v1')
      .filter((e) => e.correlationId === orderId && (e.payload as { sessionIndex?: number }).sessionIndex === 1);
    expect(sessionOneAlerts).toHaveLength(2);

    await request(stack.gateway)
      .post(`/api/v1/referrals/${referralId}/programme/close`)
      .auth(coordinator, { type: 'bearer' })
      .send({ reason: 'other' })
      .expect(400);
    await request(stack.gateway)
      .post(`/api/v1/referrals/${referralId}/programme/close`)
      .auth(staff, { type: 'bearer' })
      .send({ reason: 'in_custody' })
      .expect(403);
    const closed = await request(stack.gateway)
      .post(`/api/v1/referrals/${referralId}/programme/close`)
      .auth(coordinator, { type: 'bearer' })
      .send({ reason: 'in_custody' })
      .expect(200);
    expect(closed.body.programme).toMatchObject({ state: 'closed_by_decision', closure: { reason: 'in_custody' } });
    await stack.awaitEvent<Event>('programme.closed_by_decision.v1', (e) => e.correlationId === orderId);
  });

  function inbox(token: string) {
    return request(stack.gateway).get('/api/v1/inbox').auth(token, { type: 'bearer' }).expect(200);
  }

  /**
   * The notice reached the issuing unit (the demo officer's, naryn-riib) before the order ended: one e-mail
   * naming the order and nothing personal, and one entry in the unit's inbox.
   */
  async function noticeReachedUnit(
    notice: Event,
    order: { orderNumber: string; referralId: string; expiresAt: string },
  ): Promise<{ mail: ReceivedMail; entry: InboxEntry & { acknowledgedAt: string | null } }> {
    const emailed = await stack.awaitEvent<Event<Sent> & { occurredAt: string }>(
      'notification.sent.v1',
      (e) => e.payload.sourceEventId === notice.eventId && e.payload.channel === 'email',
    );
    expect(emailed.payload).toMatchObject({ recipientKind: 'police_unit', unitCode: 'naryn-riib' });
    expect(Date.parse(emailed.occurredAt)).toBeLessThan(Date.parse(order.expiresAt));
    const mails = smtp.received.filter((mail) => mail.text.includes(order.orderNumber));
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(`Номер ордера: ${order.orderNumber}`);
    expect(mails[0].text).not.toMatch(/Асанов|Took part/);
    const entries = (await inbox(police)).body.items as Array<InboxEntry & { acknowledgedAt: string | null }>;
    const found = entries.filter((e) => e.kind === 'article72_notice' && e.referralId === order.referralId);
    expect(found).toHaveLength(1);
    expect(found[0].orderNumber).toBe(order.orderNumber);
    expect(found[0].title.ky).toContain(order.orderNumber);
    return { mail: mails[0], entry: found[0] };
  }

  it('delivers the Article 72 notice to the issuing unit’s inbox and e-mail once, before expiry; an officer of that unit acknowledges it once', async () => {
    const unitMailbox = 'naryn-riib.duty@police.korgoo.test';
    await request(stack.gateway)
      .put('/api/v1/admin/notification-recipients/police-units/naryn-riib')
      .auth(admin, { type: 'bearer' })
      .send({ language: 'ru', channels: [{ channel: 'email', address: unitMailbox }] })
      .expect(200);
    await request(stack.gateway)
      .put('/api/v1/admin/notification-recipients/police-units/Naryn RIIB')
      .auth(admin, { type: 'bearer' })
      .send({ language: 'ru', channels: [] })
      .expect(400);

    const { orderId, orderNumber, started, staff, expiresAt } = await acceptedProgramme();
    const { referralId, sessions } = started.payload;
    await stack.setClock(during(sessions[0]));
    await record(staff, referralId, 1, { mark: 'attended' }).expect(200);
    await stack.setClock(during(sessions[1]));
    await record(staff, referralId, 2, { mark: 'refused' }).expect(200);
    const notice = await stack.awaitEvent<Event>('programme.refusal_reported.v1', (e) => e.correlationId === orderId);

    const { mail, entry } = await noticeReachedUnit(notice, { orderNumber, referralId, expiresAt });
    expect(smtp.to(unitMailbox)).toContain(mail);
    expect(mail.text).toContain(`${bishkek(sessions[1].startsAt)} (время Бишкека): отказ`);
    expect(entry.acknowledgedAt).toBeNull();

    // Another unit neither sees nor acknowledges it, and centre staff may not acknowledge for the police.
    const osh = await stack.policeOfficer(admin, 'osh-city');
    expect((await inbox(osh)).body.items.map((e: InboxEntry) => e.entryId)).not.toContain(entry.entryId);
    // Nor does it read the programme, which names the person: another unit's order answers as missing.
    await request(stack.gateway).get(`/api/v1/referrals/${referralId}/programme`).auth(osh, { type: 'bearer' }).expect(404);
    await request(stack.gateway).get(`/api/v1/referrals/${referralId}/programme`).auth(police, { type: 'bearer' }).expect(200);
    // Staff of another centre neither read nor record it: it answers as missing.
    const elsewhere = await stack.centreStaff(admin, started.payload.centreId === 'bishkek-shans' ? 'osh-ak-jurok' : 'bishkek-shans');
    await request(stack.gateway).get(`/api/v1/referrals/${referralId}/programme`).auth(elsewhere, { type: 'bearer' }).expect(404);
    await record(elsewhere, referralId, 3, { mark: 'attended' }).expect(404);
    await request(stack.gateway).post(`/api/v1/inbox/${entry.entryId}/acknowledge`).auth(osh, { type: 'bearer' }).expect(404);
    await request(stack.gateway).post(`/api/v1/inbox/${entry.entryId}/acknowledge`).auth(staff, { type: 'bearer' }).expect(403);

    const first = await request(stack.gateway).post(`/api/v1/inbox/${entry.entryId}/acknowledge`).auth(police, { type: 'bearer' }).expect(200);
    expect(first.body).toMatchObject({ entryId: entry.entryId, recorded: true });
    const again = await request(stack.gateway).post(`/api/v1/inbox/${entry.entryId}/acknowledge`).auth(police, { type: 'bearer' }).expect(200);
    expect(again.body).toEqual({ ...first.body, recorded: false });
    const acknowledged = (await inbox(police)).body.items.find((e: InboxEntry) => e.entryId === entry.entryId);
    expect(acknowledged).toMatchObject({ acknowledgedAt: first.body.acknowledgedAt, acknowledgedBy: first.body.acknowledgedBy });

    const audit = await request(stack.gateway)
      .get('/api/v1/audit-log')
      .query({ resourceId: entry.entryId, action: 'acknowledge' })
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(audit.body.items.map((a: { outcome: string }) => a.outcome).sort()).toEqual(['refused', 'success', 'success']);
    expect(smtp.to(unitMailbox).filter((mail) => mail.text.includes(orderNumber))).toHaveLength(1);
    expect(stack.eventsOn('notification.sent.v1').filter((e) => (e.payload as Sent).sourceEventId === notice.eventId)).toHaveLength(2);
  });

  it('alerts the coordinators and the duty hotline at once when the screening shows immediate danger, naming order and settlement only', async () => {
    const hotline = 'duty-hotline@hotline.korgoo.test';
    await request(stack.gateway)
      .put('/api/v1/admin/notification-recipients/duty-hotline')
      .auth(admin, { type: 'bearer' })
      .send({ language: 'ru', channels: [{ channel: 'email', address: hotline }] })
      .expect(200);
    const order = protectionOrderBody();
    order.screening.immediateDanger.critical.threatenedToKill = 'yes';
    const created = await request(stack.gateway).post('/api/v1/protection-orders').auth(police, { type: 'bearer' }).send(order).expect(201);
    const assessed = await stack.awaitEvent<Event>('risk.assessed.v1', (e) => e.correlationId === created.body.orderId);
    expect(assessed.payload.immediateDanger).toBe(true);

    await stack.awaitEvent<Event<Sent>>(
      'notification.sent.v1',
      (e) => e.payload.sourceEventId === assessed.eventId && e.payload.recipientKind === 'duty_hotline' && e.payload.channel === 'email',
    );
    const mails = smtp.to(hotline).filter((mail) => mail.text.includes(order.orderNumber));
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(`НЕПОСРЕДСТВЕННАЯ ОПАСНОСТЬ: охранный ордер ${order.orderNumber}, Бишкек`);
    expect(mails[0].text).not.toMatch(/Асанов/);

    const entries: InboxEntry[] = (await inbox(coordinator)).body.items;
    const alert = entries.find((e) => e.kind === 'immediate_danger' && e.orderNumber === order.orderNumber);
    expect(alert).toMatchObject({ referralId: null, priority: 'urgent' });
    expect(alert!.title.en).toBe(`IMMEDIATE DANGER: protection order ${order.orderNumber}, Bishkek. Coordinators and the duty hotline must act now`);
  });

  it('tells the centre in its inbox when a session’s attendance is left unrecorded', async () => {
    const { orderId, started, staff } = await acceptedProgramme();
    const { referralId, sessions } = started.payload;
    await stack.setClock(new Date(new Date(sessions[0].endsAt).getTime() + 25 * HOUR));
    const alert = await stack.awaitEvent<Event>(
      'programme.alert.v1',
      (e) => e.correlationId === orderId && e.payload.audience === 'centre' && e.payload.sessionIndex === 1,
    );
    await stack.awaitEvent<Event<Sent>>('notification.sent.v1', (e) => e.payload.sourceEventId === alert.eventId && e.payload.channel === 'inbox');
    const entries: InboxEntry[] = (await inbox(staff)).body.items;
    const reminder = entries.find((e) => e.kind === 'programme_attendance_missing' && e.referralId === referralId);
    expect(reminder!.title.ru).toMatch(/не отмечено посещение сессии 1/);
  });

  it('ends an order that no centre could take as expired_unplaced at its expiry, once, with the routing reasons', async () => {
    const db = new Client({ connectionString: process.env.KORGOO_TEST_DATABASE_URL });
    await db.connect();
    try {
      // Earlier tests moved the programme's clock weeks ahead; these orders are registered now.
      const now = new Date();
      await stack.setClock(now);
      const shortOrder = (days: number) => protectionOrderBody({ expiresAt: new Date(now.getTime() + days * 24 * HOUR).toISOString() }, now);
      const orderIds: string[] = [];
      for (const days of [10, 11]) {
        const created = await request(stack.gateway).post('/api/v1/protection-orders').auth(police, { type: 'bearer' }).send(shortOrder(days)).expect(201);
        orderIds.push(created.body.orderId);
      }
      const [first, second] = orderIds;
      // Ten days leave no room for four sessions a week apart: routing finds no centre.
      const unroutable = await stack.awaitEvent<Event<{ reasons: string[] }>>('referral.unroutable.v1', (e) => e.correlationId === first);
      expect(unroutable.payload.reasons.length).toBeGreaterThan(0);
      await until(async () => {
        const { rows } = await db.query('SELECT reasons FROM programme.placement WHERE order_id = $1', [first]);
        return rows[0]?.reasons.length === unroutable.payload.reasons.length;
      }, 'the programme to keep the routing reasons');

      const expiresAt = Date.parse(shortOrder(10).expiresAt);
      await stack.setClock(new Date(expiresAt + 60_000));
      const ended = await stack.awaitEvent<Event<{ orderId: string; reasons: string[] }>>(
        'programme.expired_unplaced.v1',
        (e) => e.correlationId === first,
      );
      expect(ended.payload).toMatchObject({ orderId: first, reasons: unroutable.payload.reasons });
      expect(JSON.stringify(ended.payload)).not.toMatch(/Асанов/);

      // A later round ends the second order; the first one ended once, however many rounds passed.
      await stack.setClock(new Date(expiresAt + 25 * HOUR));
      await stack.awaitEvent<Event>('programme.expired_unplaced.v1', (e) => e.correlationId === second);
      expect(stack.eventsOn('programme.expired_unplaced.v1').filter((e) => e.correlationId === first)).toHaveLength(1);
    } finally {
      await db.end();
    }
  });
});

/** Kyrgyzstan keeps UTC+6 all year. */
function bishkek(iso: string): string {
  return new Date(Date.parse(iso) + 6 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
}

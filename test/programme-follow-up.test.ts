import { Client } from 'pg';
import request from 'supertest';
import { KorgooStack } from './support/korgoo-stack';
import { until } from './support/until';
import { acceptedProgramme, AcceptedProgramme, roomyCentre, ROOMY_SETTLEMENT, during, Event, HOUR, recordAttendance, Sent, SIGNED_NOTE } from './support/programme-flow';

type InboxEntry = { entryId: string; kind: string; referralId: string; title: Record<string, string> };
type Meeting = { number: number; monthsAfterCompletion: number; dueAt: string; outcome: string | null };

const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

describe('after the mandatory programme: the voluntary component, monitoring, the treatment_first re-check, and timers across replicas', () => {
  let stack: KorgooStack;
  let police: string;
  let coordinator: string;
  let admin: string;

  beforeAll(async () => {
    stack = new KorgooStack();
    await stack.start();
    [police, coordinator, admin] = await stack.demoTokens('police', 'coordinator', 'admin');
    await roomyCentre(stack, admin);
    // Three programme replicas poll the same timers: each must still fire once.
    await stack.addReplica('programme');
    await stack.addReplica('programme');
  }, 900_000);

  // setClock moves every service: back to the real time after each test, so its orders register and route now.
  afterEach(() => stack.setClock(new Date()));
  afterAll(() => stack.stop());

  const programmeOf = (token: string, referralId: string) =>
    request(stack.gateway).get(`/api/v1/referrals/${referralId}/programme`).auth(token, { type: 'bearer' }).expect(200);
  const post = (token: string, path: string, body: Record<string, unknown> = {}) =>
    request(stack.gateway).post(path).auth(token, { type: 'bearer' }).send(body);
  const ofOrder = (subject: string, orderId: string) => stack.eventsOn(subject).filter((e) => e.correlationId === orderId);
  const inbox = async (token: string): Promise<InboxEntry[]> =>
    (await request(stack.gateway).get('/api/v1/inbox').auth(token, { type: 'bearer' }).expect(200)).body.items;

  async function timersOf(referralId: string, where = 'true'): Promise<Array<{ fired_at: Date | null; alerted: boolean | null; due_at: Date }>> {
    const db = new Client({ connectionString: process.env.KORGOO_TEST_DATABASE_URL });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT t.fired_at, t.alerted, t.due_at FROM programme.timer t JOIN programme.programme p ON p.id = t.programme_id
          WHERE p.referral_id = $1 AND ${where} ORDER BY t.due_at`,
        [referralId],
      );
      return rows;
    } finally {
      await db.end();
    }
  }

  /** The four sessions attended: the programme ends `completed`. */
  async function complete(accepted: AcceptedProgramme): Promise<AcceptedProgramme & { referralId: string }> {
    const { referralId, sessions } = accepted.started.payload;
    for (const session of sessions) {
      await stack.setClock(during(session));
      await recordAttendance(stack, accepted.staff, referralId, session.index, { mark: 'attended' }).expect(200);
    }
    await stack.awaitEvent('programme.completed.v1', (e) => e.correlationId === accepted.orderId);
    return { ...accepted, referralId };
  }

  it('enrols a person who completed in the voluntary component, records its sessions with their dates, and ends it voluntary_completed', async () => {
    const accepted = await acceptedProgramme(stack, police, admin, ROOMY_SETTLEMENT);
    const { referralId } = accepted.started.payload;
    const enrol = (token: string) => post(token, `/api/v1/referrals/${referralId}/programme/voluntary`);
    // Only a completed mandatory programme leads on to the voluntary part.
    await enrol(accepted.staff).expect(409);
    const { orderId, staff } = await complete(accepted);

    // Another centre neither enrols nor learns that the programme exists.
    const elsewhere = await stack.centreStaff(admin, accepted.started.payload.centreId === 'bishkek-shans' ? 'osh-ak-jurok' : 'bishkek-shans');
    await enrol(elsewhere).expect(404);
    const enrolled = await enrol(staff).expect(200);
    const voluntary = enrolled.body.programme.voluntary;
    expect(voluntary).toMatchObject({ state: 'enrolled', plan: { individual: 2, group: 24, months: 6 }, sessions: [] });
    await enrol(coordinator).expect(409);
    const event = await stack.awaitEvent<Event>('programme.voluntary_enrolled.v1', (e) => e.correlationId === orderId);
    expect(event.payload).toMatchObject({ referralId, track: 'men', individualSessions: 2, groupSessions: 24 });

    // The centre records weekly sessions afterwards, with the dates it held them; absences cost nothing.
    const enrolledAt = Date.parse(voluntary.enrolledAt);
    await stack.setClock(new Date(enrolledAt + 30 * WEEK));
    const marks = ['attended', 'excused_absence', 'unexcused_absence', 'attended', ...Array<string>(24).fill('attended')];
    const session = (number: number, body: Record<string, unknown>) =>
      post(staff, `/api/v1/referrals/${referralId}/programme/voluntary/sessions/${number}/attendance`, { ...SIGNED_NOTE, ...body });
    const heldAt = (number: number) => new Date(enrolledAt + number * WEEK).toISOString();

    const bad = await session(1, { mark: 'attended', heldAt: 'next week' }).expect(400);
    expect(bad.body.problems).toEqual([{ field: 'heldAt', rules: ['heldAt must be an ISO 8601 date-time'], codes: ['isIso8601'] }]);
    await session(2, { mark: 'attended', heldAt: heldAt(2) }).expect(409);
    await session(1, { mark: 'attended', heldAt: new Date(enrolledAt + 40 * WEEK).toISOString() }).expect(409);
    let last = null as null | request.Response;
    for (const [i, mark] of marks.entries()) {
      const extra = mark === 'excused_absence' ? { excuseReason: 'illness_with_document' } : {};
      last = await session(i + 1, { mark, heldAt: heldAt(i + 1), ...extra }).expect(200);
    }
    await session(1, { mark: 'attended', heldAt: heldAt(1) }).expect(409);
    const recorded = last!.body.programme.voluntary;
    expect(recorded.state).toBe('voluntary_completed');
    expect(recorded.sessions.slice(0, 5).map((s: { kind: string; mark: string }) => [s.kind, s.mark])).toEqual([
      ['individual', 'attended'],
      ['individual', 'excused_absence'],
      ['individual', 'unexcused_absence'],
      ['individual', 'attended'],
      ['group', 'attended'],
    ]);
    await stack.awaitEvent('programme.voluntary_completed.v1', (e) => e.correlationId === orderId);
    await session(29, { mark: 'attended', heldAt: heldAt(29) }).expect(409);
    expect(ofOrder('programme.voluntary_completed.v1', orderId)).toHaveLength(1);
    // Being voluntary, no absence there is ever reported to the police.
    expect(ofOrder('programme.refusal_reported.v1', orderId)).toHaveLength(0);

    const asPolice = (await programmeOf(police, referralId)).body.programme;
    expect(asPolice.voluntary.state).toBe('voluntary_completed');
    expect(asPolice.voluntary.sessions[0]).toEqual({ number: 1, kind: 'individual', heldAt: heldAt(1), mark: 'attended' });
  });

  it('schedules three monitoring meetings at completion, reminds the centre once when each falls due, and records them held or missed', async () => {
    const { orderId, referralId, staff, started } = await complete(await acceptedProgramme(stack, police, admin, ROOMY_SETTLEMENT));
    const meetings: Meeting[] = (await programmeOf(staff, referralId)).body.programme.monitoring;
    expect(meetings.map((m) => [m.number, m.monthsAfterCompletion, m.outcome])).toEqual([
      [1, 1, null],
      [2, 6, null],
      [3, 18, null],
    ]);
    const dueOf = (n: number) => Date.parse(meetings[n - 1].dueAt);
    const followUp = (n: number, outcome: string) => post(staff, `/api/v1/referrals/${referralId}/programme/follow-ups/${n}`, { outcome });
    const reminders = (n: number) => ofOrder('programme.follow_up_due.v1', orderId).filter((e) => (e.payload as { meetingNumber: number }).meetingNumber === n);

    await stack.setClock(new Date(dueOf(1) + 60_000));
    const due = await stack.awaitEvent<Event>('programme.follow_up_due.v1', (e) => e.correlationId === orderId && e.payload.meetingNumber === 1);
    expect(due.payload).toMatchObject({ referralId, monthsAfterCompletion: 1, dueAt: meetings[0].dueAt });
    await stack.awaitEvent<Event<Sent>>('notification.sent.v1', (e) => e.payload.sourceEventId === due.eventId && e.payload.channel === 'inbox');
    const entry = (await inbox(staff)).find((e) => e.kind === 'programme_follow_up_due' && e.referralId === referralId);
    expect(entry!.title.ru).toMatch(/встречу мониторинга 1/);

    await followUp(1, 'maybe').expect(400);
    await followUp(19, 'held').expect(400);
    const elsewhere = await stack.centreStaff(admin, started.payload.centreId === 'bishkek-shans' ? 'osh-ak-jurok' : 'bishkek-shans');
    await post(elsewhere, `/api/v1/referrals/${referralId}/programme/follow-ups/1`, { outcome: 'held' }).expect(404);
    const early = await followUp(2, 'missed').expect(409);
    expect(early.body.refusals).toEqual([expect.objectContaining({ rule: 'follow_up_not_due', params: { number: 2 } })]);
    const held = await followUp(1, 'held').expect(200);
    expect(held.body.programme.monitoring[0]).toMatchObject({ number: 1, outcome: 'held' });
    const again = await followUp(1, 'missed').expect(409);
    expect(again.body.refusals).toEqual([expect.objectContaining({ rule: 'follow_up_already_recorded', params: { number: 1 } })]);

    // Held a few days early, meeting 2 is recorded and its reminder stays silent; meeting 3 is reminded after it.
    await stack.setClock(new Date(dueOf(2) - 3 * DAY));
    await followUp(2, 'held').expect(200);
    await stack.setClock(new Date(dueOf(3) + 60_000));
    await stack.awaitEvent('programme.follow_up_due.v1', (e) => e.correlationId === orderId && e.payload.meetingNumber === 3);
    await followUp(3, 'missed').expect(200);
    expect([reminders(1).length, reminders(2).length, reminders(3).length]).toEqual([1, 0, 1]);
    await stack.awaitEvent<Event>('programme.follow_up_recorded.v1', (e) => e.correlationId === orderId && e.payload.meetingNumber === 3);
    expect(ofOrder('programme.follow_up_recorded.v1', orderId).map((e) => (e.payload as { outcome: string }).outcome)).toEqual(['held', 'held', 'missed']);

    const asPolice = (await programmeOf(police, referralId)).body.programme;
    expect(asPolice.monitoring.map((m: Meeting) => m.outcome)).toEqual(['held', 'held', 'missed']);
  });

  it('closes a programme for treatment first with a re-check day, final, and reminds the coordinators once on that day', async () => {
    const { orderId, started } = await acceptedProgramme(stack, police, admin, ROOMY_SETTLEMENT);
    const { referralId } = started.payload;
    const close = (body: Record<string, unknown>) => post(coordinator, `/api/v1/referrals/${referralId}/programme/close`, body);

    const missing = await close({ reason: 'treatment_first' }).expect(400);
    expect(missing.body.problems).toEqual([{ field: 'recheckOn', rules: [expect.stringMatching(/required with treatment_first/)], codes: ['matches'] }]);
    await close({ reason: 'treatment_first', recheckOn: '2020-01-01' }).expect(400);
    await close({ reason: 'in_custody', recheckOn: '2099-01-01' }).expect(400);
    const recheckOn = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10);
    const closed = await close({ reason: 'treatment_first', recheckOn }).expect(200);
    expect(closed.body.programme).toMatchObject({ state: 'closed_by_decision', closure: { reason: 'treatment_first', recheckOn } });
    const decided = await stack.awaitEvent<Event>('programme.closed_by_decision.v1', (e) => e.correlationId === orderId);
    expect(decided.payload).toMatchObject({ reason: 'treatment_first', recheckOn });
    // The outcome is final: the re-check brings the person back to the coordinators, not the programme.
    await close({ reason: 'in_custody' }).expect(409);

    await stack.setClock(new Date(`${recheckOn}T09:01:00+06:00`));
    const due = await stack.awaitEvent<Event>('programme.treatment_recheck_due.v1', (e) => e.correlationId === orderId);
    expect(due.payload).toMatchObject({ referralId, recheckOn });
    await stack.awaitEvent<Event<Sent>>('notification.sent.v1', (e) => e.payload.sourceEventId === due.eventId && e.payload.channel === 'inbox');
    const entry = (await inbox(coordinator)).find((e) => e.kind === 'programme_treatment_recheck' && e.referralId === referralId);
    expect(entry!.title.en).toContain(`re-check day (${recheckOn})`);

    // Later rounds find the reminder fired: it is never sent again.
    await stack.setClock(new Date(Date.parse(`${recheckOn}T09:00:00+06:00`) + 2 * DAY));
    const rows = await timersOf(referralId, `t.kind = 'treatment_recheck'`);
    expect(rows).toEqual([expect.objectContaining({ fired_at: expect.any(Date), alerted: true })]);
    expect(ofOrder('programme.treatment_recheck_due.v1', orderId)).toHaveLength(1);
    expect((await programmeOf(coordinator, referralId)).body.programme.state).toBe('closed_by_decision');
  });

  it('fires every timer of a programme once with three replicas polling, across a kill -9 and restart of one', async () => {
    const { orderId, started } = await acceptedProgramme(stack, police, admin, ROOMY_SETTLEMENT);
    const { referralId, sessions } = started.payload;
    const alerts = () => ofOrder('programme.alert.v1', orderId).map((e) => e.payload as { kind: string; audience: string; sessionIndex?: number; daysBeforeExpiry?: number });
    const endOf = (index: number) => Date.parse(sessions[index - 1].endsAt);
    const isAlert = (audience: string, sessionIndex: number) => (e: Event) =>
      e.correlationId === orderId && e.payload.audience === audience && e.payload.sessionIndex === sessionIndex;

    // Nothing is recorded: session 1's reminders to the centre and the coordinators, then session 2's to the centre.
    await stack.setClock(new Date(endOf(2) + 25 * HOUR));
    await stack.awaitEvent<Event>('programme.alert.v1', isAlert('coordinators', 1));
    await stack.awaitEvent<Event>('programme.alert.v1', isAlert('centre', 2));

    await stack.kill('programme');
    await stack.startOne('programme');
    await stack.setClock(new Date(endOf(4) + 49 * HOUR));
    await stack.awaitEvent<Event>('programme.alert.v1', isAlert('coordinators', 4));

    // Every timer due by now has fired, and each one that alerted is one event: none lost, none twice.
    const now = endOf(4) + 49 * HOUR;
    const due = (await timersOf(referralId)).filter((t) => t.due_at.getTime() <= now);
    expect(due.filter((t) => t.fired_at === null)).toEqual([]);
    const alerted = due.filter((t) => t.alerted).length;
    await until(() => alerts().length >= alerted, 'an event for every timer that alerted', 60_000);
    const keys = alerts().map((a) => `${a.kind}/${a.audience}/${a.sessionIndex ?? '-'}/${a.daysBeforeExpiry ?? '-'}`);
    expect(keys).toHaveLength(alerted);
    expect(new Set(keys).size).toBe(keys.length);
    for (const index of [1, 2, 3, 4]) {
      expect(keys).toEqual(expect.arrayContaining([`attendance_missing/centre/${index}/-`, `attendance_missing/coordinators/${index}/-`]));
    }
  });
});

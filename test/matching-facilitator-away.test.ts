import request from 'supertest';
import { toktogulCentre } from './support/last-place-centre';
import { MatchingStack, riskAssessed } from './support/matching-stack';
import { until } from './support/until';

type Routed = { referralId: string; centreId: string };
type Changed = { referralId: string; sessionIndex: number; bookedSessionId: string; startsAt: string; facilitatorIds: string[] };
type Displaced = { referralId: string; sessionIndex: number; bookedSessionId: string; startsAt: string };
type Rescheduled = { referralId: string; cause?: string; excusedIndex?: number; sessions: Array<{ index: number; startsAt: string; bookedSessionId?: string }> };
type Held = { session_index: number; booked_session_id: string; starts_at: Date; ends_at: Date; facilitator_ids: string[] };
type ProgrammeSession = { index: number; startsAt: string; facilitatorIds: string[] };

const CENTRE = 'away-toktogul';
const HOUR = 3_600_000;
const EXPIRES_IN_DAYS = 45;

describe('a facilitator away over booked sessions: a free colleague takes them, or the programme re-plans them', () => {
  const stack = new MatchingStack({ services: ['gateway', 'matching', 'programme', 'notification'] });
  let admin: string;
  let staff: string;
  let referralId: string;
  let orderId: string;
  let expiresAt: Date;

  const leave = (facilitatorId: string, from: Date, to: Date) =>
    request(stack.gateway)
      .post(`/api/v1/directory/facilitators/${facilitatorId}/exceptions`)
      .auth(admin, { type: 'bearer' })
      .send({ from: from.toISOString(), to: to.toISOString(), reason: 'leave' })
      .expect(201);
  const held = () =>
    stack.sql<Held>(
      `SELECT h.session_index, h.booked_session_id, b.starts_at, b.ends_at, b.facilitator_ids FROM matching.session_hold h
         JOIN matching.booked_session b ON b.id = h.booked_session_id WHERE h.referral_id = $1 ORDER BY h.session_index`,
      [referralId],
    );
  const programmeSessions = async () => {
    const { body } = await request(stack.gateway).get(`/api/v1/referrals/${referralId}/programme`).auth(staff, { type: 'bearer' }).expect(200);
    return body.programme.sessions as ProgrammeSession[];
  };

  beforeAll(async () => {
    await stack.start();
    admin = await stack.login('admin.demo', 'korgoo-demo-admin');
    // The order comes here. Two men and two women.
    await toktogulCentre(stack.gateway, admin, CENTRE, 'Away test centre', 2);
    staff = await stack.centreStaff(admin, CENTRE);
    const assessed = riskAssessed({ settlementCode: 'toktogul', expiresInDays: EXPIRES_IN_DAYS });
    expiresAt = new Date(assessed.period.expiresAt);
    orderId = assessed.orderId;
    await stack.publish('risk.assessed.v1', assessed.orderId, assessed);
    const routed = await stack.awaitEvent<Routed>('referral.routed.v1', (e) => e.correlationId === assessed.orderId);
    expect(routed.payload.centreId).toBe(CENTRE);
    referralId = routed.payload.referralId;
    await request(stack.gateway).post(`/api/v1/referrals/${referralId}/accept`).auth(staff, { type: 'bearer' }).expect(200);
    await stack.awaitEvent('programme.started.v1', (e) => e.correlationId === assessed.orderId);
  });

  afterAll(() => stack.stop());

  let lead: string;
  let substitute: string;

  it('hands a session to the free colleague of the same sex at the same time, and the programme shows the new pair', async () => {
    const [first] = await held();
    [lead] = first.facilitator_ids;
    substitute = [`${CENTRE}-1`, `${CENTRE}-3`].find((id) => id !== lead)!;

    const answer = await leave(lead, new Date(first.starts_at.getTime() - HOUR), new Date(first.ends_at.getTime() + HOUR));
    expect(answer.body.facilitator.sessionsCover).toEqual({ substituted: 1, replanned: 0 });

    const changed = await stack.awaitEvent<Changed>('referral.session_facilitator_changed.v1', (e) => e.payload.referralId === referralId);
    expect(changed.payload).toMatchObject({
      sessionIndex: 1,
      bookedSessionId: first.booked_session_id,
      startsAt: first.starts_at.toISOString(),
      facilitatorIds: [substitute, first.facilitator_ids[1]],
    });
    const [after] = await held();
    expect(after).toEqual({ ...first, facilitator_ids: [substitute, first.facilitator_ids[1]] });
    await until(async () => (await programmeSessions())[0].facilitatorIds[0] === substitute, 'the programme to take the substitute');
    expect((await programmeSessions())[0].startsAt).toBe(first.starts_at.toISOString());
    expect(stack.eventsOn('referral.session_displaced.v1')).toEqual([]);
  });

  it('re-plans a session nobody can take after the absence, before expiry, releasing the old place, with the new cause', async () => {
    const before = await held();
    const second = before[1];
    expect(second.facilitator_ids[0]).toBe(lead);
    const absenceEnds = new Date(second.ends_at.getTime() + 3 * 24 * HOUR);
    // The colleague is away first (none of their sessions is touched), then the lead: nobody is left.
    const colleague = await leave(substitute, new Date(second.starts_at.getTime() - HOUR), absenceEnds);
    expect(colleague.body.facilitator.sessionsCover).toEqual({ substituted: 0, replanned: 0 });
    const answer = await leave(lead, new Date(second.starts_at.getTime() - HOUR), absenceEnds);
    expect(answer.body.facilitator.sessionsCover).toEqual({ substituted: 0, replanned: 1 });

    const displaced = await stack.awaitEvent<Displaced>('referral.session_displaced.v1', (e) => e.payload.referralId === referralId);
    expect(displaced.payload).toMatchObject({ sessionIndex: 2, bookedSessionId: second.booked_session_id, startsAt: second.starts_at.toISOString() });
    const rescheduled = await stack.awaitEvent<Rescheduled>(
      'programme.sessions_rescheduled.v1',
      (e) => e.payload.referralId === referralId && e.payload.cause === 'facilitator_away',
    );
    expect(rescheduled.payload.excusedIndex).toBe(2);
    expect(rescheduled.payload.sessions.map((s) => s.index)).toEqual([2, 3, 4]);
    const [moved] = rescheduled.payload.sessions;
    expect(new Date(moved.startsAt).getTime()).toBeGreaterThanOrEqual(absenceEnds.getTime());

    const after = await held();
    expect(after.map((h) => h.session_index)).toEqual([1, 2, 3, 4]);
    expect(after[1].starts_at.toISOString()).toBe(moved.startsAt);
    expect(after[3].ends_at.getTime()).toBeLessThanOrEqual(expiresAt.getTime());
    expect(await stack.sql('SELECT 1 FROM matching.booked_session WHERE id = $1', [second.booked_session_id])).toEqual([]);
    await until(async () => (await programmeSessions())[1].startsAt === moved.startsAt, 'the programme session to move');
    // The centre hears which sessions moved and when the first now meets, to tell the participant.
    const notice = await until(async () => {
      const { body } = await request(stack.gateway).get('/api/v1/inbox?limit=100').auth(staff, { type: 'bearer' }).expect(200);
      return (body.items as Array<{ kind: string; referralId: string; title: { ky: string; ru: string; en: string } }>).find(
        (e) => e.kind === 'sessions_replanned' && e.referralId === referralId,
      );
    }, 'the centre to hear the sessions moved');
    expect(notice.title.en).toMatch(/a facilitator is away, so session 2 and the later ones moved; session 2 is now on /);
    expect(notice.title.ky).toMatch(/2-сессия жана андан кийинкилер которулду/);
    // No absence is counted against the participant: the session is open at its new time.
    const [programme] = await stack.sql<{ state: string }>('SELECT state FROM programme.programme WHERE referral_id = $1', [referralId]);
    expect(programme.state).not.toBe('awaiting_decision');
    expect(await stack.sql("SELECT 1 FROM programme.session_move")).toEqual([]);
  });

  it('moves nothing twice when the displacement and the substitution are told again', async () => {
    const before = { holds: await held(), sessions: await programmeSessions() };
    for (const subject of ['referral.session_displaced.v1', 'referral.session_facilitator_changed.v1']) {
      const [told] = stack.eventsOn(subject).filter((e) => (e.payload as { referralId: string }).referralId === referralId);
      const applied = await stack.eventsHandled('programme', subject, 'applied');
      // A new event id: the inbox does not know it, so only the session's own state can tell it was done.
      await stack.publish(subject, told.correlationId, told.payload, 'matching');
      await until(async () => (await stack.eventsHandled('programme', subject, 'applied')) > applied, `${subject} handled again`);
    }
    expect(await held()).toEqual(before.holds);
    expect(await programmeSessions()).toEqual(before.sessions);
    const reschedules = stack.eventsOn<Rescheduled>('programme.sessions_rescheduled.v1').filter((e) => e.payload.referralId === referralId);
    expect(reschedules.map((e) => e.payload.cause)).toEqual(['facilitator_away']);
  });

  it('moves the holds of a referral not yet accepted itself, so it starts with sessions its facilitators can hold', async () => {
    const assessed = riskAssessed({ settlementCode: 'toktogul', expiresInDays: EXPIRES_IN_DAYS });
    await stack.publish('risk.assessed.v1', assessed.orderId, assessed);
    const routed = await stack.awaitEvent<Routed>('referral.routed.v1', (e) => e.correlationId === assessed.orderId);
    const pending = routed.payload.referralId;
    const holds = () =>
      stack.sql<Held & { confirmed_at: Date | null }>(
        `SELECT h.session_index, h.booked_session_id, b.starts_at, b.ends_at, b.facilitator_ids, h.confirmed_at FROM matching.session_hold h
           JOIN matching.booked_session b ON b.id = h.booked_session_id WHERE h.referral_id = $1 ORDER BY h.session_index`,
        [pending],
      );
    const [first] = await holds();
    const [pendingLead] = first.facilitator_ids;
    const other = [`${CENTRE}-1`, `${CENTRE}-3`].find((id) => id !== pendingLead)!;
    const absence = { from: new Date(first.starts_at.getTime() - HOUR), to: new Date(first.ends_at.getTime() + HOUR) };
    await leave(other, absence.from, absence.to);
    await leave(pendingLead, absence.from, absence.to);

    const moved = await holds();
    expect(moved.map((h) => [h.session_index, h.confirmed_at])).toEqual([1, 2, 3, 4].map((i) => [i, null]));
    expect(moved[0].starts_at.getTime()).toBeGreaterThanOrEqual(absence.to.getTime());
    expect(moved[3].ends_at.getTime()).toBeLessThanOrEqual(new Date(assessed.period.expiresAt).getTime());
    expect(await stack.sql('SELECT 1 FROM matching.booked_session WHERE id = $1', [first.booked_session_id])).toEqual([]);
    expect(stack.eventsOn<Displaced>('referral.session_displaced.v1').filter((e) => e.payload.referralId === pending)).toEqual([]);

    await request(stack.gateway).post(`/api/v1/referrals/${pending}/accept`).auth(staff, { type: 'bearer' }).expect(200);
    await stack.awaitEvent('programme.started.v1', (e) => e.correlationId === assessed.orderId);
    const { body } = await request(stack.gateway).get(`/api/v1/referrals/${pending}/programme`).auth(staff, { type: 'bearer' }).expect(200);
    expect((body.programme.sessions as ProgrammeSession[]).map((s) => [s.startsAt, s.facilitatorIds])).toEqual(
      moved.map((h) => [h.starts_at.toISOString(), h.facilitator_ids]),
    );
  });

  it('alerts the coordinators when nobody is free for a displaced session before expiry, and the programme waits for them', async () => {
    const [, , third] = await held();
    const untilExpiry = { from: new Date(third.starts_at.getTime() - HOUR), to: expiresAt };
    // The lead last: then both of the participant's remaining sessions are displaced together, from the third on.
    const [thirdLead] = third.facilitator_ids;
    const other = [`${CENTRE}-1`, `${CENTRE}-3`].find((id) => id !== thirdLead)!;
    for (const id of [other, thirdLead]) await leave(id, untilExpiry.from, untilExpiry.to);
    type Alert = { referralId: string; kind: string; audience: string; sessionIndex?: number };
    const alert = await stack.awaitEvent<Alert>('programme.alert.v1', (e) => e.payload.referralId === referralId && e.payload.kind === 'reschedule_needed');
    expect(alert.payload).toMatchObject({ audience: 'coordinators', sessionIndex: 3 });
    // Both sessions were displaced, but the programme is told once, from the earlier: the later moves with it.
    const told = await stack.sql<{ index: number }>(
      `SELECT (envelope->'payload'->>'sessionIndex')::int AS index FROM matching.outbox
        WHERE subject = 'referral.session_displaced.v1' AND envelope->'payload'->>'referralId' = $1 ORDER BY seq`,
      [referralId],
    );
    expect(told.map((t) => t.index)).toEqual([2, 3]);
    const [programme] = await stack.sql<{ state: string }>('SELECT state FROM programme.programme WHERE referral_id = $1', [referralId]);
    expect(programme.state).toBe('awaiting_decision');
    // The calendar keeps the old places until a coordinator decides.
    expect((await held()).map((h) => h.booked_session_id)[2]).toBe(third.booked_session_id);
  });

  it('tries the displaced session again when the order is extended, and moves it once a slot fits in the longer period', async () => {
    const [, , third] = await held();
    const [waiting] = await stack.sql<{ displaced: boolean }>(
      'SELECT s.displaced FROM programme.session s JOIN programme.programme p ON p.id = s.programme_id WHERE p.referral_id = $1 AND s.session_index = 3',
      [referralId],
    );
    expect(waiting.displaced).toBe(true);
    // Both of the pair are away until the old expiry: three weeks more leave room for sessions 3 and 4 after it.
    const extendedTo = new Date(expiresAt.getTime() + 21 * 24 * HOUR);
    await stack.publish('order.extended.v1', orderId, { orderId, previousExpiresAt: expiresAt.toISOString(), expiresAt: extendedTo.toISOString() }, 'gateway');

    const rescheduled = await stack.awaitEvent<Rescheduled>(
      'programme.sessions_rescheduled.v1',
      (e) => e.payload.referralId === referralId && e.payload.excusedIndex === 3,
    );
    expect(rescheduled.payload.cause).toBe('facilitator_away');
    expect(rescheduled.payload.sessions.map((s) => s.index)).toEqual([3, 4]);
    const after = await held();
    expect(after[2].starts_at.getTime()).toBeGreaterThanOrEqual(expiresAt.getTime());
    expect(after[2].starts_at.toISOString()).toBe(rescheduled.payload.sessions[0].startsAt);
    expect(after[3].ends_at.getTime()).toBeLessThanOrEqual(extendedTo.getTime());
    // The old group meeting may still hold the other participant; this one's place in it is given back.
    expect(after[2].booked_session_id).not.toBe(third.booked_session_id);
    await until(async () => (await programmeSessions())[2].startsAt === after[2].starts_at.toISOString(), 'the programme session to move');
    const [programme] = await stack.sql<{ state: string }>('SELECT state FROM programme.programme WHERE referral_id = $1', [referralId]);
    expect(programme.state).not.toBe('awaiting_decision');
    // No absence is counted, and the session is no longer waiting.
    expect(await stack.sql('SELECT 1 FROM programme.session_move')).toEqual([]);
    const [moved] = await stack.sql<{ displaced: boolean; mark: string | null }>(
      'SELECT s.displaced, s.mark FROM programme.session s JOIN programme.programme p ON p.id = s.programme_id WHERE p.referral_id = $1 AND s.session_index = 3',
      [referralId],
    );
    expect(moved).toEqual({ displaced: false, mark: null });
  });
});

import request from 'supertest';
import { bishkekDateString } from '../apps/matching/src/capacity/bishkek-time';
import { addFacilitatorPairs } from './support/last-place-centre';
import { MatchingStack, riskAssessed } from './support/matching-stack';
import { until } from './support/until';

type Routed = { referralId: string; centreId: string; previousCentreId?: string };
type Withdrawn = { referralId: string; centreId: string; reason: string };
type Held = { session_index: number; centre_id: string; starts_at: Date; ends_at: Date; facilitator_ids: string[]; confirmed_at: Date | null };
type InboxEntry = { kind: string; referralId: string | null; title: { ky: string; ru: string; en: string } };

// Toktogul is beyond the reach of every demo centre: only these two can take its orders. One pair each.
const FIRST = 'stranded-toktogul-a';
const SECOND = 'stranded-toktogul-b';
const HOUR = 3_600_000;

describe('a referral not yet accepted whose centre can no longer hold a session: it leaves that centre as after a decline', () => {
  const stack = new MatchingStack({ services: ['gateway', 'matching', 'programme', 'notification', 'reporting'] });
  let admin: string;
  let coordinator: string;

  const centre = async (id: string) => {
    await request(stack.gateway)
      .post('/api/v1/directory/centres')
      .auth(admin, { type: 'bearer' })
      .send({ id, name: `Stranded test centre ${id.slice(-1)}`, settlementCode: 'toktogul', status: 'open', groupCapacity: 10 })
      .expect(201);
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '20:00' }));
    await addFacilitatorPairs(stack.gateway, admin, id, { pairs: 1, languages: ['ky'], weekly });
  };
  const order = async () => {
    const assessed = riskAssessed({ settlementCode: 'toktogul', expiresInDays: 45 });
    await stack.publish('risk.assessed.v1', assessed.orderId, assessed);
    const routed = await stack.awaitEvent<Routed>('referral.routed.v1', (e) => e.correlationId === assessed.orderId);
    return {
      referralId: routed.payload.referralId,
      centreId: routed.payload.centreId,
      expiresAt: new Date(assessed.period.expiresAt),
      issuedMonth: bishkekDateString(new Date(assessed.period.issuedAt)).slice(0, 7),
    };
  };
  const holds = (referralId: string) =>
    stack.sql<Held>(
      `SELECT h.session_index, b.centre_id, b.starts_at, b.ends_at, b.facilitator_ids, h.confirmed_at FROM matching.session_hold h
         JOIN matching.booked_session b ON b.id = h.booked_session_id WHERE h.referral_id = $1 ORDER BY h.session_index`,
      [referralId],
    );
  /** The lead of the referral's first session is away from just before it until the order expires: nothing fits. */
  const leadAwayUntilExpiry = async (referralId: string, expiresAt: Date) => {
    const [first] = await holds(referralId);
    await request(stack.gateway)
      .post(`/api/v1/directory/facilitators/${first.facilitator_ids[0]}/exceptions`)
      .auth(admin, { type: 'bearer' })
      .send({ from: new Date(first.starts_at.getTime() - HOUR).toISOString(), to: expiresAt.toISOString(), reason: 'leave' })
      .expect(201);
  };
  const transitions = async (referralId: string) =>
    (
      await stack.sql<{ from_status: string | null; to_status: string; centre_id: string | null; actor_kind: string; reason_code: string }>(
        'SELECT from_status, to_status, centre_id, actor_kind, reason_code FROM matching.referral_transition WHERE referral_id = $1 ORDER BY id',
        [referralId],
      )
    ).map((t) => [t.from_status, t.to_status, t.centre_id, t.actor_kind, t.reason_code]);
  const decision = async (referralId: string) =>
    (await request(stack.gateway).get(`/api/v1/referrals/${referralId}/decision`).auth(coordinator, { type: 'bearer' }).expect(200)).body.decision as {
      status: string;
      failedHandOffs: number;
      routings: Array<{ trigger: string; chosen: string | null; candidates: Array<{ centreId: string }> }>;
      handOffs: Array<{ centreId: string; outcome: string; reasonCode: string | null; by: { kind: string } | null }>;
    };
  const inbox = async (staff: string) =>
    (await request(stack.gateway).get('/api/v1/inbox?limit=100').auth(staff, { type: 'bearer' }).expect(200)).body.items as InboxEntry[];

  beforeAll(async () => {
    await stack.start();
    admin = await stack.login('admin.demo', 'korgoo-demo-admin');
    coordinator = await stack.login('coordinator.demo', 'korgoo-demo-coordinator');
    await centre(FIRST);
  });

  afterAll(() => stack.stop());

  let moved: { referralId: string; expiresAt: Date };

  it('re-routes it to another centre that can run the programme, and the first centre hears it was withdrawn', async () => {
    const proposed = await order();
    expect(proposed.centreId).toBe(FIRST);
    moved = proposed;
    const firstStaff = await stack.centreStaff(admin, FIRST);
    // The other centre opens only now: the order went to the first one.
    await centre(SECOND);
    await leadAwayUntilExpiry(proposed.referralId, proposed.expiresAt);

    const withdrawn = await stack.awaitEvent<Withdrawn>('referral.withdrawn_from_centre.v1', (e) => e.payload.referralId === proposed.referralId);
    expect(withdrawn.payload).toMatchObject({ centreId: FIRST, reason: 'facilitator_away' });
    const rerouted = await stack.awaitEvent<Routed>('referral.rerouted.v1', (e) => e.payload.referralId === proposed.referralId);
    expect(rerouted.payload).toMatchObject({ centreId: SECOND, previousCentreId: FIRST });

    const held = await holds(proposed.referralId);
    expect(held.map((h) => [h.session_index, h.centre_id, h.confirmed_at])).toEqual([1, 2, 3, 4].map((i) => [i, SECOND, null]));
    expect(await stack.sql("SELECT 1 FROM matching.booked_session WHERE centre_id = $1", [FIRST])).toEqual([]);
    expect(await transitions(proposed.referralId)).toEqual([
      [null, 'proposed', FIRST, 'system', 'routed'],
      ['proposed', 'declined', FIRST, 'system', 'facilitator_away'],
      ['declined', 'proposed', SECOND, 'system', 'rerouted'],
    ]);
    const record = await decision(proposed.referralId);
    expect(record).toMatchObject({ status: 'proposed', failedHandOffs: 1 });
    expect(record.handOffs[0]).toMatchObject({ centreId: FIRST, outcome: 'declined', reasonCode: 'facilitator_away', by: { kind: 'system' } });
    expect(record.routings.map((r) => [r.trigger, r.chosen])).toEqual([
      ['assessed', FIRST],
      ['facilitator_away', SECOND],
    ]);

    const notice = await until(
      async () => (await inbox(firstStaff)).find((e) => e.kind === 'referral_withdrawn' && e.referralId === proposed.referralId),
      'the first centre to hear of the withdrawal',
    );
    expect(notice.title.en).toMatch(/withdrawn: a facilitator is away/);
    expect(notice.title.ky).toMatch(/кайтарылып алынды/);
    expect(notice.title.ru).toMatch(/отозвано/);

    // The indicators count the withdrawal by its reason, for the centre it was taken from.
    const withdrawals = async () => {
      const { body } = await request(stack.gateway)
        .get('/api/v1/indicators')
        .query({ from: proposed.issuedMonth, to: proposed.issuedMonth, groupBy: 'centre' })
        .auth(admin, { type: 'bearer' })
        .expect(200);
      const sheet = (body.report.sheets as Array<{ columns: Array<{ key: string }>; rows: Array<{ key: string; values: number[] }> }>).find((s) =>
        s.columns.some((c) => c.key === 'referrals_withdrawn.facilitator_away'),
      )!;
      const column = sheet.columns.findIndex((c) => c.key === 'referrals_withdrawn.facilitator_away');
      return sheet.rows.find((row) => row.key === FIRST)?.values[column] ?? 0;
    };
    await until(async () => (await withdrawals()) === 1, 'the withdrawal to be counted for the first centre');
  });

  it('sends it to the coordinators when no other centre can run the programme, as the hand-off does', async () => {
    // The first centre's man is away until expiry: a new order goes to the second centre, as the re-routed one did.
    const proposed = await order();
    expect(proposed.centreId).toBe(SECOND);
    await leadAwayUntilExpiry(proposed.referralId, proposed.expiresAt);

    const escalated = await stack.awaitEvent<{ referralId: string; reasons: string[] }>(
      'referral.escalated.v1',
      (e) => e.payload.referralId === proposed.referralId,
    );
    expect(escalated.payload.reasons[0]).toBe(`${SECOND} can no longer hold session 1: a facilitator is away and nothing fits before expiry`);
    expect(await holds(proposed.referralId)).toEqual([]);
    expect(await transitions(proposed.referralId)).toEqual([
      [null, 'proposed', SECOND, 'system', 'routed'],
      ['proposed', 'declined', SECOND, 'system', 'facilitator_away'],
      ['declined', 'escalated', null, 'system', 'no_feasible_centre'],
    ]);
    expect(await decision(proposed.referralId)).toMatchObject({ status: 'escalated', failedHandOffs: 1 });
    // The referral re-routed before held the same pair at the second centre: it goes to the coordinators too.
    await stack.awaitEvent('referral.escalated.v1', (e) => (e.payload as { referralId: string }).referralId === moved.referralId);
    expect((await decision(moved.referralId)).status).toBe('escalated');
  });
});

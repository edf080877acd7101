import request from 'supertest';
import { toktogulCentre } from './support/last-place-centre';
import { MatchingStack, riskAssessed } from './support/matching-stack';
import { until } from './support/until';

type Routed = { referralId: string; referralNumber: string; centreId: string };
type Rescheduled = { referralId: string; cause?: string; excusedIndex?: number; sessions: Array<{ index: number; startsAt: string }> };
type Held = { session_index: number; booked_session_id: string; starts_at: Date };

const CENTRE = 'displaced-early-toktogul';
const DISPLACED = 'referral.session_displaced.v1';

describe('a displacement that reaches the programme before the acceptance that starts it', () => {
  const stack = new MatchingStack({ services: ['gateway', 'matching', 'programme'] });
  let admin: string;
  let staff: string;

  beforeAll(async () => {
    await stack.start();
    admin = await stack.login('admin.demo', 'korgoo-demo-admin');
    await toktogulCentre(stack.gateway, admin, CENTRE, 'Displaced early test centre', 1);
    staff = await stack.centreStaff(admin, CENTRE);
  });

  afterAll(() => stack.stop());

  it('waits for the programme, then re-plans the displaced session and the later ones once', async () => {
    const assessed = riskAssessed({ settlementCode: 'toktogul', expiresInDays: 45 });
    const { orderId } = assessed;
    await stack.publish('risk.assessed.v1', orderId, assessed);
    const routed = await stack.awaitEvent<Routed>('referral.routed.v1', (e) => e.correlationId === orderId);
    const { referralId, referralNumber } = routed.payload;
    const held = () =>
      stack.sql<Held>(
        `SELECT h.session_index, h.booked_session_id, b.starts_at FROM matching.session_hold h
           JOIN matching.booked_session b ON b.id = h.booked_session_id WHERE h.referral_id = $1 ORDER BY h.session_index`,
        [referralId],
      );
    const [, second] = await held();

    // Matching tells a displacement only after the acceptance commits, but the programme may hear the two in either
    // order: here the displacement of session 2 comes first, as matching would word it.
    await stack.publish(
      DISPLACED,
      orderId,
      { referralId, orderId, referralNumber, centreId: CENTRE, sessionIndex: 2, bookedSessionId: second.booked_session_id, startsAt: second.starts_at.toISOString() },
      'matching',
    );
    await until(async () => (await stack.eventsHandled('programme', DISPLACED, 'retried')) > 0, 'the programme to put the displacement off');
    expect(await stack.sql('SELECT 1 FROM programme.programme WHERE referral_id = $1', [referralId])).toEqual([]);

    await request(stack.gateway).post(`/api/v1/referrals/${referralId}/accept`).auth(staff, { type: 'bearer' }).expect(200);
    await stack.awaitEvent('programme.started.v1', (e) => e.correlationId === orderId);

    const rescheduled = await stack.awaitEvent<Rescheduled>('programme.sessions_rescheduled.v1', (e) => e.payload.referralId === referralId);
    expect(rescheduled.payload).toMatchObject({ cause: 'facilitator_away', excusedIndex: 2 });
    expect(rescheduled.payload.sessions.map((s) => s.index)).toEqual([2, 3, 4]);
    // Nobody is really away here: the earliest slot that fits, never before the displaced start, is booked afresh.
    const [moved] = rescheduled.payload.sessions;
    expect(Date.parse(moved.startsAt)).toBeGreaterThanOrEqual(second.starts_at.getTime());
    await until(async () => (await stack.eventsHandled('programme', DISPLACED, 'applied')) === 1, 'the displacement to be applied');

    // Matching holds the new times; the old place is given back; no absence is counted; told once, moved once.
    const after = await held();
    expect(after.map((h) => h.session_index)).toEqual([1, 2, 3, 4]);
    expect(after[1].starts_at.toISOString()).toBe(moved.startsAt);
    expect(after[1].booked_session_id).not.toBe(second.booked_session_id);
    expect(await stack.sql('SELECT 1 FROM matching.booked_session WHERE id = $1', [second.booked_session_id])).toEqual([]);
    const [programme] = await stack.sql<{ state: string }>('SELECT state FROM programme.programme WHERE referral_id = $1', [referralId]);
    expect(programme.state).not.toBe('awaiting_decision');
    expect(await stack.sql('SELECT 1 FROM programme.session_move')).toEqual([]);
    expect(await stack.eventsHandled('programme', DISPLACED, 'dead_lettered')).toBe(0);
    expect(stack.eventsOn<Rescheduled>('programme.sessions_rescheduled.v1').filter((e) => e.payload.referralId === referralId)).toHaveLength(1);
  }, 90_000);
});

import { jetstream } from '@nats-io/jetstream';
import request from 'supertest';
import { addFacilitatorPairs } from './support/last-place-centre';
import { Envelope, MatchingStack, riskAssessed } from './support/matching-stack';
import { until } from './support/until';

type Routed = { referralId: string; centreId: string };
type Moved = { referralId: string; sessionIndex: number; fromBookedSessionId: string; bookedSessionId: string; previousStartsAt: string; startsAt: string };
type RunsSmall = { referralId: string; bookedSessionId: string; participants: number; minParticipants: number };
type Rescheduled = { referralId: string; cause?: string; excusedIndex?: number; sessions: Array<{ index: number; kind: string; startsAt: string; bookedSessionId?: string }> };
type Meeting = { referral_id: string; session_index: number; booked_session_id: string; starts_at: Date };

const CENTRE = 'merge-toktogul';
const HOUR = 3_600_000;
const LEAD_HOURS = 48;
/** The month an instant falls in, in Bishkek: indicators count orders by the month they were issued. */
const bishkekMonth = (iso: string) => new Date(new Date(iso).getTime() + 6 * HOUR).toISOString().slice(0, 7);

describe('small group meetings a set time before they start: merged where every member fits, run anyway where none does', () => {
  const stack = new MatchingStack({ services: ['gateway', 'matching', 'programme', 'notification', 'reporting'] });
  let admin: string;
  let staff: string;
  const referrals: string[] = [];
  const issuedMonths: string[] = [];

  const directory = (method: 'post' | 'patch', path: string, body: object) =>
    request(stack.gateway)[method](`/api/v1/directory${path}`).auth(admin, { type: 'bearer' }).send(body);
  /** Two men's Kyrgyz groups on consecutive days, run by the centre's one pair; `declared` keeps their ids. */
  const slots = (minParticipants: number, maxParticipants: number, declared = false) =>
    [2, 3].map((weekday, i) => ({
      ...(declared ? { id: `${CENTRE}-slot-${i + 1}` } : {}),
      weekday,
      start: '14:00',
      minutes: 240,
      sex: 'male',
      language: 'ky',
      leadFacilitatorId: `${CENTRE}-1`,
      coFacilitatorId: `${CENTRE}-2`,
      minParticipants,
      maxParticipants,
    }));
  const groupMeetings = () =>
    stack.sql<Meeting>(
      `SELECT h.referral_id, h.session_index, h.booked_session_id, b.starts_at FROM matching.session_hold h
         JOIN matching.booked_session b ON b.id = h.booked_session_id
        WHERE b.kind = 'group' AND b.centre_id = $1 ORDER BY b.starts_at, h.referral_id`,
      [CENTRE],
    );
  const programmeSession = async (referralId: string, index: number) => {
    const { body } = await request(stack.gateway).get(`/api/v1/referrals/${referralId}/programme`).auth(staff, { type: 'bearer' }).expect(200);
    return (body.programme.sessions as Array<{ index: number; startsAt: string }>).find((s) => s.index === index)!;
  };
  /** An indicator's national figure over the months the orders were issued in. */
  const indicator = async (key: string) => {
    const months = [...issuedMonths].sort();
    const { body } = await request(stack.gateway)
      .get('/api/v1/indicators')
      .query({ from: months[0], to: months[months.length - 1], groupBy: 'centre' })
      .auth(admin, { type: 'bearer' })
      .expect(200);
    const sheet = (body.report.sheets as Array<{ columns: Array<{ key: string }>; total: number[] }>).find((s) => s.columns.some((c) => c.key === key))!;
    return sheet.total[sheet.columns.findIndex((c) => c.key === key)];
  };
  /** How many events of a subject a service's inbox found it had handled already. */
  const duplicatesHandled = (service: 'programme' | 'reporting', subject: string) => stack.eventsHandled(service, subject, 'duplicate');
  /** The same event again under another message id, as a redelivery after a lost acknowledgement would be. */
  const redeliver = (event: Envelope) =>
    jetstream(stack.nc).publish(`${stack.namespace}.${event.subject}`, JSON.stringify(event), { msgID: `again-${event.eventId}` });
  const inbox = async () =>
    (await request(stack.gateway).get('/api/v1/inbox?limit=100').auth(staff, { type: 'bearer' }).expect(200)).body.items as Array<{
      kind: string;
      referralId: string;
      title: Record<string, string>;
    }>;

  beforeAll(async () => {
    await stack.start();
    admin = await stack.login('admin.demo', 'korgoo-demo-admin');
    // Toktogul is beyond the reach of every demo centre: both orders come here.
    await directory('post', '/centres', { id: CENTRE, name: 'Merge test centre', settlementCode: 'toktogul', status: 'open', groupCapacity: 10 }).expect(201);
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '20:00' }));
    await addFacilitatorPairs(stack.gateway, admin, CENTRE, { pairs: 1, languages: ['ky'], weekly });
    // Groups of one while routing, so the second man opens meetings of his own beside the first man's.
    await directory('patch', `/centres/${CENTRE}`, { groupSlots: slots(1, 1) }).expect(200);
    staff = await stack.centreStaff(admin, CENTRE);
    for (let i = 0; i < 2; i++) {
      const assessed = riskAssessed({ settlementCode: 'toktogul' });
      issuedMonths.push(bishkekMonth(assessed.period.issuedAt));
      await stack.publish('risk.assessed.v1', assessed.orderId, assessed);
      const routed = await stack.awaitEvent<Routed>('referral.routed.v1', (e) => e.correlationId === assessed.orderId);
      expect(routed.payload.centreId).toBe(CENTRE);
      await request(stack.gateway).post(`/api/v1/referrals/${routed.payload.referralId}/accept`).auth(staff, { type: 'bearer' }).expect(200);
      await stack.awaitEvent('programme.started.v1', (e) => e.correlationId === assessed.orderId);
      referrals.push(routed.payload.referralId);
    }
    // Now the slots need three: every meeting is a group of one.
    await directory('patch', `/centres/${CENTRE}`, { groupSlots: slots(3, 10, true) }).expect(200);
  });

  afterAll(() => stack.stop());

  let into: Meeting;
  let from: Meeting;

  it('merges the first week’s two small meetings into the one both men can attend, once, and tells the programme and the centre', async () => {
    const before = await groupMeetings();
    expect(before).toHaveLength(4);
    expect(new Set(before.map((m) => m.booked_session_id)).size).toBe(4);
    // The earliest meeting and the other man's meeting of the same session: groups on consecutive days.
    const [first] = before;
    const partner = before.find((m) => m.referral_id !== first.referral_id && m.session_index === first.session_index)!;

    await stack.setClock(new Date(first.starts_at.getTime() - LEAD_HOURS * HOUR + 60_000));
    const pair = [first.booked_session_id, partner.booked_session_id];
    const moved = await stack.awaitEvent<Moved>('referral.group_session_moved.v1', (e) => pair.includes(e.payload.fromBookedSessionId));
    [from, into] = moved.payload.fromBookedSessionId === first.booked_session_id ? [first, partner] : [partner, first];
    expect(moved.payload).toMatchObject({
      referralId: from.referral_id,
      sessionIndex: from.session_index,
      bookedSessionId: into.booked_session_id,
      previousStartsAt: from.starts_at.toISOString(),
      startsAt: into.starts_at.toISOString(),
    });

    // The bookings moved: one meeting of two, the emptied one gone and its pair free.
    const after = await groupMeetings();
    expect(after).toHaveLength(4);
    expect(after.filter((m) => m.booked_session_id === into.booked_session_id).map((m) => m.referral_id).sort()).toEqual([...referrals].sort());
    expect(await stack.sql('SELECT 1 FROM matching.booked_session WHERE id = $1', [from.booked_session_id])).toEqual([]);
    const [{ participants }] = await stack.sql<{ participants: number }>('SELECT participants FROM matching.booked_session WHERE id = $1', [
      into.booked_session_id,
    ]);
    expect(participants).toBe(2);
    const [decided] = await stack.sql('SELECT outcome, into_booked_session_id FROM matching.group_meeting_decision WHERE booked_session_id = $1', [
      from.booked_session_id,
    ]);
    expect(decided).toEqual({ outcome: 'merged', into_booked_session_id: into.booked_session_id });

    // The participant's programme shows the new time and announces it as moved by the merge, once per member
    // moved; the centre's inbox names it.
    await until(async () => (await programmeSession(from.referral_id, from.session_index)).startsAt === into.starts_at.toISOString(), 'the programme session to move');
    const rescheduled = await stack.awaitEvent<Rescheduled>('programme.sessions_rescheduled.v1', (e) => e.payload.referralId === from.referral_id);
    expect(rescheduled.payload).toMatchObject({
      cause: 'group_merge',
      sessions: [{ index: from.session_index, kind: 'group', startsAt: into.starts_at.toISOString(), bookedSessionId: into.booked_session_id }],
    });
    expect(rescheduled.payload.excusedIndex).toBeUndefined();
    const movedMembers = stack.eventsOn<Moved>('referral.group_session_moved.v1').map((e) => e.payload.referralId);
    const mergeReschedules = stack.eventsOn<Rescheduled>('programme.sessions_rescheduled.v1').filter((e) => e.payload.cause === 'group_merge');
    expect(mergeReschedules.map((e) => e.payload.referralId).sort()).toEqual(movedMembers.sort());
    const notice = await until(async () => (await inbox()).find((e) => e.kind === 'group_session_moved' && e.referralId === from.referral_id), 'the centre notice');
    expect(notice.title.ru).toContain(new Date(into.starts_at.getTime() + 6 * HOUR).toISOString().slice(0, 16).replace('T', ' '));
    expect(notice.title.ky).toContain(new Date(from.starts_at.getTime() + 6 * HOUR).toISOString().slice(0, 16).replace('T', ' '));
    // The indicators count the meeting merged away.
    await until(async () => (await indicator('group_meetings_merged')) === 1, 'the merged meeting to be counted');

    // A restart and a second replica meet the next decision below; neither decides this meeting again.
    await stack.kill('matching');
    await stack.startOne('matching');
    await stack.startOne('matching');
  });

  it('runs the merged meeting anyway, as no other meeting suits both men, and tells each, with two replicas deciding', async () => {
    const meetings = await groupMeetings();
    await stack.setClock(new Date(into.starts_at.getTime() - LEAD_HOURS * HOUR + 60_000));
    const runs = await stack.awaitEvents<RunsSmall>('referral.group_session_runs_small.v1', (e) => e.payload.bookedSessionId === into.booked_session_id, 2);
    expect(runs.map((e) => e.payload.referralId).sort()).toEqual([...referrals].sort());
    expect(runs[0].payload).toMatchObject({ participants: 2, minParticipants: 3 });
    // Nothing moved again: the same four places, the merge announced once, each meeting decided once.
    expect(await groupMeetings()).toEqual(meetings);
    expect(stack.eventsOn('referral.group_session_moved.v1')).toHaveLength(1);
    expect(stack.eventsOn('referral.group_session_runs_small.v1')).toHaveLength(2);
    const decisions = await stack.sql<{ booked_session_id: string; outcome: string; participants: number }>(
      'SELECT booked_session_id, outcome, participants FROM matching.group_meeting_decision ORDER BY outcome',
    );
    expect(decisions).toEqual([
      { booked_session_id: from.booked_session_id, outcome: 'merged', participants: 1 },
      { booked_session_id: into.booked_session_id, outcome: 'runs_below_minimum', participants: 2 },
    ]);
    await until(async () => (await inbox()).filter((e) => e.kind === 'group_session_runs_small').length === 2, 'the centre notices');
    // Two members told, one meeting counted.
    await until(async () => (await indicator('group_meetings_run_small')) === 1, 'the meeting run small to be counted');
  });

  it('counts each meeting once and moves nothing again when the decisions are delivered a second time', async () => {
    const [moved] = stack.eventsOn('referral.group_session_moved.v1');
    const [runs] = stack.eventsOn('referral.group_session_runs_small.v1');
    const before = {
      programme: await duplicatesHandled('programme', moved.subject),
      reporting: await duplicatesHandled('reporting', moved.subject),
      runs: await duplicatesHandled('reporting', runs.subject),
    };
    await redeliver(moved);
    await redeliver(runs);
    await until(
      async () =>
        (await duplicatesHandled('programme', moved.subject)) > before.programme &&
        (await duplicatesHandled('reporting', moved.subject)) > before.reporting &&
        (await duplicatesHandled('reporting', runs.subject)) > before.runs,
      'the redeliveries to be seen',
    );
    expect(await indicator('group_meetings_merged')).toBe(1);
    expect(await indicator('group_meetings_run_small')).toBe(1);
    expect(stack.eventsOn('programme.sessions_rescheduled.v1')).toHaveLength(1);
  });
});

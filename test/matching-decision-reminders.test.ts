import request from 'supertest';
import { setCentresStatus, toktogulCentre } from './support/last-place-centre';
import { MatchingStack, riskAssessed } from './support/matching-stack';
import { until } from './support/until';

type Routed = { referralId: string; centreId: string; acknowledgeBy: string };
type Reminder = { referralId: string; reminder: number; status: string; waitingSince: string };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const latest = (events: Array<{ payload: { acknowledgeBy: string } }>) => Math.max(...events.map((e) => Date.parse(e.payload.acknowledgeBy)));

describe('coordinators are reminded of a referral that waits for their decision', () => {
  // Standard referrals keep the risk policy's 24 hours; the test moves every service's clock instead of waiting.
  const stack = new MatchingStack({ services: ['gateway', 'matching', 'notification'] });
  const OWN = ['reminders-toktogul-1', 'reminders-toktogul-2'];

  beforeAll(async () => {
    await stack.start();
    // Two centres of the suite's own, so that both referrals are routed and then routed on to the other: the
    // demo centres run few programmes a month, and the suites before this one in the run may have taken them.
    const admin = await stack.login('admin.demo', 'korgoo-demo-admin');
    for (const [i, id] of OWN.entries()) await toktogulCentre(stack.gateway, admin, id, `Reminders test centre ${i + 1}`, 1);
  });
  afterAll(async () => {
    // Out of routing for the suites after this one, which send their Toktogul orders to centres of their own;
    // the clocks back to the real time first, with a token of that time.
    await stack.setClock(new Date());
    await setCentresStatus(stack.gateway, await stack.login('admin.demo', 'korgoo-demo-admin'), OWN, 'paused');
    await stack.stop();
  });

  const remindersOf = (referralId: string) =>
    stack.eventsOn<Reminder>('referral.decision_reminder_due.v1').filter((e) => e.payload.referralId === referralId);

  it('every 4 hours, once each across replicas and restarts, recorded, until a coordinator assigns the referral', async () => {
    // Two referrals escalate together; the one nobody decides on shows that the reminder rounds did run.
    const orders = [riskAssessed({ settlementCode: 'toktogul' }), riskAssessed({ settlementCode: 'toktogul' })];
    for (const order of orders) await stack.publish('risk.assessed.v1', order.orderId, order);
    const ids = new Set(orders.map((o) => o.orderId));
    const routed = await stack.awaitEvents<Routed>('referral.routed.v1', (e) => ids.has(e.correlationId), 2);
    await stack.setClock(new Date(latest(routed) + MINUTE));
    const rerouted = await stack.awaitEvents<Routed>('referral.rerouted.v1', (e) => ids.has(e.correlationId), 2);
    await stack.setClock(new Date(latest(rerouted) + MINUTE));
    await stack.awaitEvents('referral.escalated.v1', (e) => ids.has(e.correlationId), 2);
    const [decided, waiting] = routed.map((e) => e.payload.referralId);

    const [{ since }] = await stack.sql<{ since: Date }>(
      `SELECT max(waiting_since) AS since FROM matching.decision_reminder WHERE referral_id = ANY($1) AND state = 'pending'`,
      [[decided, waiting]],
    );
    const escalatedAt = since.getTime();
    expect(remindersOf(decided)).toEqual([]);
    // A second replica races the first for every reminder.
    await stack.startOne('matching');

    await stack.setClock(new Date(escalatedAt + 4 * HOUR + MINUTE));
    const [first] = await stack.awaitEvents<Reminder>('referral.decision_reminder_due.v1', (e) => e.payload.referralId === decided, 1);
    expect(first.payload).toMatchObject({ reminder: 1, status: 'escalated' });
    await stack.awaitEvent<Reminder>('referral.decision_reminder_due.v1', (e) => e.payload.referralId === waiting && e.payload.reminder === 1);
    // Nothing about the people: ids, codes and times only.
    expect(Object.keys(first.payload).sort()).toEqual(['orderId', 'priority', 'referralId', 'referralNumber', 'reminder', 'status', 'waitingSince']);

    // The coordinators hear it in their inbox, in three languages.
    await stack.awaitEvent<{ sourceEventId: string; channel: string }>(
      'notification.sent.v1',
      (e) => e.payload.sourceEventId === first.eventId && e.payload.channel === 'inbox',
    );
    const [entry] = await stack.sql<{ kind: string; recipient_kind: string; title: Record<string, string> }>(
      `SELECT i.kind, i.recipient_kind, i.title FROM notification.inbox_entry i
         JOIN notification.notification n ON n.id = i.notification_id WHERE n.source_event_id = $1`,
      [first.eventId],
    );
    expect(entry).toMatchObject({ kind: 'referral_decision_reminder', recipient_kind: 'coordinators' });
    expect(Object.keys(entry.title).sort()).toEqual(['en', 'ky', 'ru']);

    // Replicas that hold nothing in memory take over; none repeats the reminder already sent.
    await stack.kill('matching');
    await Promise.all([stack.startOne('matching'), stack.startOne('matching')]);
    await stack.setClock(new Date(escalatedAt + 8 * HOUR + MINUTE));
    const second = await stack.awaitEvent<Reminder>('referral.decision_reminder_due.v1', (e) => e.payload.referralId === decided && e.payload.reminder === 2);
    expect(second.payload.waitingSince).toBe(first.payload.waitingSince);
    await stack.awaitEvent<Reminder>('referral.decision_reminder_due.v1', (e) => e.payload.referralId === waiting && e.payload.reminder === 2);

    const coordinator = await stack.login('coordinator.demo', 'korgoo-demo-coordinator');
    await request(stack.gateway)
      .post(`/api/v1/referrals/${decided}/assign`)
      .auth(coordinator, { type: 'bearer' })
      .send({ centreId: routed[0].payload.centreId, reason: 'the centre confirmed a free pair by phone' })
      .expect(200);

    await stack.setClock(new Date(escalatedAt + 12 * HOUR + MINUTE));
    await stack.awaitEvent<Reminder>('referral.decision_reminder_due.v1', (e) => e.payload.referralId === waiting && e.payload.reminder === 3);
    expect(remindersOf(decided).map((e) => e.payload.reminder)).toEqual([1, 2]);
    expect(remindersOf(waiting).map((e) => e.payload.reminder)).toEqual([1, 2, 3]);

    // Each reminder is in the referral's history, and the decision record shows them to the coordinator.
    const decision = await request(stack.gateway)
      .get(`/api/v1/referrals/${decided}/decision`)
      .auth(coordinator, { type: 'bearer' })
      .expect(200);
    const history = decision.body.decision.transitions.map((t: { from: string; to: string; by: { kind: string }; reasonCode: string }) => [
      t.from,
      t.to,
      t.by.kind,
      t.reasonCode,
    ]);
    expect(history.slice(-4)).toEqual([
      ['expired', 'escalated', 'system', 'hand_off_limit_reached'],
      ['escalated', 'escalated', 'timer', 'decision_reminder_sent'],
      ['escalated', 'escalated', 'timer', 'decision_reminder_sent'],
      ['escalated', 'proposed', 'coordinator', expect.stringMatching(/^assigned/)],
    ]);
    const [{ sent }] = await stack.sql<{ sent: number }>(
      `SELECT count(*)::int AS sent FROM matching.outbox WHERE subject = 'referral.decision_reminder_due.v1' AND envelope->'payload'->>'referralId' = $1`,
      [decided],
    );
    expect(sent).toBe(2);
    expect(stack.replicas('matching')).toHaveLength(2);
    const timers = await stack.sql<{ state: string }>('SELECT state FROM matching.decision_reminder WHERE referral_id = $1', [decided]);
    expect(timers).toEqual([{ state: 'stopped' }]);

    // The other order ends without a programme: nothing is left to decide, so its reminders stop too.
    const ended = orders.find((o) => o.orderId === routed[1].correlationId)!;
    await stack.publish(
      'programme.expired_unplaced.v1',
      ended.orderId,
      { orderId: ended.orderId, expiresAt: ended.period.expiresAt, expiredAt: ended.period.expiresAt, reasons: [] },
      'programme',
    );
    const stopped = await until(
      async () => (await stack.sql<{ state: string }>(`SELECT state FROM matching.decision_reminder WHERE referral_id = $1`, [waiting]))
        .every((row) => row.state === 'stopped'),
      'the reminders of an order that ended to stop',
    );
    expect(stopped).toBe(true);
    const [last] = await stack.sql<{ reason_code: string; to_status: string }>(
      'SELECT reason_code, to_status FROM matching.referral_transition WHERE referral_id = $1 ORDER BY id DESC LIMIT 1',
      [waiting],
    );
    expect(last).toEqual({ reason_code: 'order_expired_unplaced', to_status: 'escalated' });
  });
});

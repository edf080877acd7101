import { randomUUID } from 'node:crypto';
import { DataSource, QueryRunner } from 'typeorm';
import { Actor, EventEnvelope, EventSubjects, OdaraScreeningContract, OrderRegisteredV1 } from '@korgoo/contracts';
import { Delivery, Outbox } from '@korgoo/messaging';
import { auditAppendArguments } from '../apps/gateway/src/audit/audit-chain';
import { gatewayDatabase } from '../apps/gateway/src/gateway-database';
import { OrderIntake } from '../apps/gateway/src/orders/order-intake';
import { insertRegistrations, Registration } from '../apps/gateway/src/orders/registration-statement';
import { CentreDirectory } from '../apps/matching/src/directory/centre-directory';
import { MATCHING_DATABASE } from '../apps/matching/src/matching-database';
import { DeliveryRecords, IntentToAdd } from '../apps/notification/src/delivery/delivery-records';
import { NOTIFICATION_DATABASE } from '../apps/notification/src/notification-database';
import { recipientKeyOf } from '../apps/notification/src/recipients/recipients';
import type { RoutingRecord } from '../apps/matching/src/referrals/decision-record';
import { OrderBeforeRouting, ReferralRepository } from '../apps/matching/src/referrals/repositories/referral-repository';
import { PROGRAMME_DATABASE } from '../apps/programme/src/programme-database';
import { AssessRegisteredOrder } from '../apps/risk/src/assessment/assess-registered-order';
import { RISK_DATABASE } from '../apps/risk/src/risk-database';
import { PlacementSeenBefore, PlacementStore } from '../apps/programme/src/programmes/placement-store';
import { WatchPlacement } from '../apps/programme/src/programmes/watch-placement';
import { IndicatorReadModel } from '../apps/reporting/src/projection/read-model';
import { REPORTING_DATABASE } from '../apps/reporting/src/reporting-database';
import { GatheredWrites } from '../libs/messaging/src/gathered-writes';
import { openServiceDatabase, statementsSentSoFar } from '../libs/platform/src/database';
import { verifyAuditChain } from '../tools/verify-audit-chain';
import { inboxOf, newIntent } from './support/delivery-intent.fixture';
import { protectionOrderBody } from './support/protection-order.fixture';
import { leastPrivilegeDatabase, withAdminClient } from './support/test-environment';

/**
 * Every statement an order's events send is PostgreSQL's CPU and a round trip: the writes one event makes in a
 * service go to PostgreSQL as one statement, and every row still lands.
 */
describe('one statement for what one event writes', () => {
  const database = `korgoo_statements_${process.env.KORGOO_TEST_NAMESPACE}`.toLowerCase();
  const open = (service: 'gateway' | 'matching' | 'reporting' | 'programme' | 'risk' | 'notification') => {
    const logins = leastPrivilegeDatabase(service, database);
    const settings = { service, databaseUrl: logins.DATABASE_URL, databaseOwnerUrl: logins.DATABASE_OWNER_URL, dbPoolSize: 2, dbPreparedStatements: true };
    return openServiceDatabase(
      settings,
      { gateway: gatewayDatabase(7), matching: MATCHING_DATABASE, reporting: REPORTING_DATABASE, programme: PROGRAMME_DATABASE, risk: RISK_DATABASE, notification: NOTIFICATION_DATABASE }[
        service
      ],
    );
  };
  let gateway: DataSource;
  let matching: DataSource;
  let reporting: DataSource;
  let programme: DataSource;
  let risk: DataSource;
  let notification: DataSource;

  /** Statements `work` sends inside a transaction, not counting BEGIN and COMMIT. */
  const statementsOf = async (db: DataSource, work: (tx: DataSource['manager']) => Promise<unknown>) =>
    db.transaction(async (tx) => {
      const before = statementsSentSoFar();
      await work(tx);
      return statementsSentSoFar() - before;
    });

  /** `handle` run as a consumer runs an event's handler, alone or in a batch, what it gathered written before the end. */
  const asEvents = (tx: DataSource['manager'], shared: boolean, ...handle: Array<(delivery: Delivery) => unknown>) =>
    GatheredWrites.around(tx, async (gathered) => {
      const delivery: Delivery = { last: false, deliveries: 1, shared, gather: (write, item) => gathered.add(write, item) };
      for (const work of handle) await work(delivery);
    });
  const alone = (tx: DataSource['manager'], handle: (delivery: Delivery) => unknown) => asEvents(tx, false, handle);

  beforeAll(async () => {
    await withAdminClient((client) => client.query(`CREATE DATABASE ${database}`));
    gateway = await open('gateway');
    matching = await open('matching');
    reporting = await open('reporting');
    programme = await open('programme');
    risk = await open('risk');
    notification = await open('notification');
  });

  afterAll(async () => {
    await gateway?.destroy();
    await matching?.destroy();
    await reporting?.destroy();
    await programme?.destroy();
    await risk?.destroy();
    await notification?.destroy();
    await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  });

  it('writes an unroutable referral with its decision, first transition, reminder timer and event in one statement', async () => {
    const now = new Date('2026-03-01T08:00:00Z');
    const remindAt = new Date('2026-03-01T12:00:00Z');
    const id = randomUUID();
    const orderId = randomUUID();
    const decision = { handOff: 0, trigger: 'assessed', decidedAt: now.toISOString(), outcome: 'unroutable', candidates: [] } as unknown as RoutingRecord;
    const referrals = new ReferralRepository(new CentreDirectory());
    const announce = new Outbox(matching, 'matching', 'matching').row(EventSubjects.ReferralUnroutable, orderId, {
      referralId: id,
      orderId,
      referralNumber: 'R-2026-000001',
      priority: 'urgent',
      reasons: ['no centre'],
      reasonCodes: ['no_facilitator_pair'],
      expiresAt: '2026-04-01T00:00:00Z',
    });
    const sent = await statementsOf(matching, (tx) =>
      referrals.insert(
        tx,
        {
          id,
          referralNumber: 'R-2026-000001',
          orderId,
          status: 'unroutable',
          centreId: null,
          priority: 'urgent',
          language: 'ky',
          acknowledgeBy: null,
          firstSessionAt: null,
          travelMinutes: null,
          travelSource: null,
          reasons: ['no centre'],
          routing: { origin: { lat: 42.87, lng: 74.59 }, participantSex: 'male', language: 'ky', expiresAt: '2026-04-01T00:00:00Z', acknowledgeWithinHours: 24 },
          assessmentVersion: 1,
        },
        decision,
        { reasonCode: 'no_feasible_centre', since: now, remindAt, announce },
      ),
    );
    expect(sent).toBe(1);
    expect(await matching.query('SELECT event_id, subject, envelope FROM matching.outbox WHERE event_id = $1', [announce.eventId])).toEqual([
      { event_id: announce.eventId, subject: EventSubjects.ReferralUnroutable, envelope: JSON.parse(announce.envelopeJson) },
    ]);
    expect(await matching.query('SELECT hand_off, trigger, record FROM matching.routing_decision WHERE referral_id = $1', [id])).toEqual([
      { hand_off: 0, trigger: 'assessed', record: decision },
    ]);
    expect(
      await matching.query('SELECT from_status, to_status, actor_kind, reason_code, at FROM matching.referral_transition WHERE referral_id = $1', [id]),
    ).toEqual([{ from_status: null, to_status: 'unroutable', actor_kind: 'system', reason_code: 'no_feasible_centre', at: now }]);
    expect(await matching.query('SELECT waiting_since, due_at, state FROM matching.decision_reminder WHERE referral_id = $1', [id])).toEqual([
      { waiting_since: now, due_at: remindAt, state: 'pending' },
    ]);
  });

  it("fills the rows of a batch's orders and counts all their facts in one statement, and a redelivery counts nothing twice", async () => {
    const orderId = randomUUID();
    const other = randomUUID();
    const occurredAt = new Date('2026-03-02T09:00:00Z');
    const fact = (order: string, eventId: string, participants: number | null) => ({
      eventId,
      orderId: order,
      kind: 'order_registered' as const,
      reason: null,
      centreId: 'bishkek',
      occurredAt,
      sessionId: participants === null ? null : randomUUID(),
      participants,
    });
    const registered = { order: { orderId, oblast: 'chui', sex: 'male' }, fact: fact(orderId, randomUUID(), null), groupPlaces: [fact(orderId, randomUUID(), 3), fact(orderId, randomUUID(), 4)] };
    const batch = [
      registered,
      { order: { orderId, riskBin: '3', priority: 'high', riskVersion: 1 }, fact: null },
      { order: { orderId: other, oblast: 'naryn' }, fact: fact(other, randomUUID(), null) },
      { order: { orderId, riskBin: '5-6', priority: 'urgent', riskVersion: 2, sex: null }, fact: null },
    ];
    const model = new IndicatorReadModel();
    expect(await statementsOf(reporting, (tx) => model.write(tx, batch))).toBe(1);
    expect(await statementsOf(reporting, (tx) => model.write(tx, [registered]))).toBe(1);
    // An older assessment arriving late changes no risk; a language learnt later fills its field.
    expect(await statementsOf(reporting, (tx) => model.write(tx, [{ order: { orderId, riskBin: '3', priority: 'high', riskVersion: 1, language: 'ky' }, fact: null }]))).toBe(1);
    expect(await reporting.query('SELECT order_id, oblast, sex, language, risk_bin, priority, risk_version FROM reporting.order_case WHERE order_id = ANY($1) ORDER BY oblast', [[orderId, other]])).toEqual([
      { order_id: orderId, oblast: 'chui', sex: 'male', language: 'ky', risk_bin: '5-6', priority: 'urgent', risk_version: 2 },
      { order_id: other, oblast: 'naryn', sex: null, language: null, risk_bin: null, priority: null, risk_version: null },
    ]);
    expect(await reporting.query('SELECT participants FROM reporting.case_fact WHERE order_id = $1 ORDER BY participants', [orderId])).toEqual([
      { participants: 3 },
      { participants: 4 },
      { participants: null },
    ]);
    expect(await reporting.query('SELECT count(*)::int AS n FROM reporting.case_fact WHERE order_id = $1', [other])).toEqual([{ n: 1 }]);
  });

  /** An order's registration as risk receives it. */
  const registration = (orderId: string): EventEnvelope<OrderRegisteredV1> => {
    const order = protectionOrderBody();
    return {
      eventId: randomUUID(),
      subject: EventSubjects.OrderRegistered,
      occurredAt: new Date().toISOString(),
      correlationId: orderId,
      producer: 'gateway',
      payload: {
        orderId,
        screening: order.screening as OdaraScreeningContract,
        period: { issuedAt: order.issuedAt, expiresAt: order.expiresAt },
        participant: { sex: 'male', language: 'ky', location: { settlementCode: 'bishkek' } },
      },
    };
  };

  /** The announcements of these orders' assessments in the risk outbox, in the order the relay publishes them. */
  const assessedAnnounced = async (orderIds: string[]): Promise<Array<{ order_id: string; assessment_id: string }>> =>
    risk.query(
      `SELECT envelope->>'correlationId' AS order_id, envelope->'payload'->>'assessmentId' AS assessment_id FROM risk.outbox
        WHERE subject = $1 AND envelope->>'correlationId' = ANY($2) ORDER BY seq`,
      [EventSubjects.RiskAssessed, orderIds],
    );

  it('stores an assessment with the event that announces it in one statement, and a redelivery writes neither again', async () => {
    const registered = registration(randomUUID());
    const assess = new AssessRegisteredOrder(new Outbox(risk, 'risk', 'risk'));
    expect(await statementsOf(risk, (tx) => alone(tx, (d) => assess.execute(registered, tx, d)))).toBe(1);
    // The registration again under another event id: the version's uniqueness refuses it, in the same one statement.
    expect(await statementsOf(risk, (tx) => alone(tx, (d) => assess.execute({ ...registered, eventId: randomUUID() }, tx, d)))).toBe(1);
    const [stored] = await risk.query('SELECT id FROM risk.risk_assessment WHERE order_id = $1', [registered.payload.orderId]);
    expect(await assessedAnnounced([registered.payload.orderId])).toEqual([{ order_id: registered.payload.orderId, assessment_id: stored.id }]);
  });

  it("stores a batch's assessments with their announcements in one statement, in order, a registration seen before announced by none", async () => {
    const assess = new AssessRegisteredOrder(new Outbox(risk, 'risk', 'risk'));
    const seen = registration(randomUUID());
    await risk.transaction((tx) => alone(tx, (d) => assess.execute(seen, tx, d)));
    const batch = [registration(randomUUID()), { ...seen, eventId: randomUUID() }, registration(randomUUID())];
    expect(await statementsOf(risk, (tx) => asEvents(tx, true, ...batch.map((event) => (d: Delivery) => assess.execute(event, tx, d))))).toBe(1);
    const orderIds = batch.map((event) => event.payload.orderId);
    const announced = await assessedAnnounced(orderIds);
    expect(announced.map((row) => row.order_id)).toEqual([seen.payload.orderId, orderIds[0], orderIds[2]]);
    const stored = await risk.query('SELECT id FROM risk.risk_assessment WHERE order_id = ANY($1)', [orderIds]);
    expect(stored.map((row: { id: string }) => row.id).sort()).toEqual(announced.map((row) => row.assessment_id).sort());
  });

  const police: Actor = { role: 'police', accountId: randomUUID(), unitId: 'naryn-riib' };
  /** A new order as the gateway registers it, with `notes` notes, under `orderNumber` if given. */
  const newOrder = (notes = 0, orderNumber = `TPO-${randomUUID()}`): Registration => {
    const id = randomUUID();
    const at = new Date();
    const event = registration(id);
    return {
      order: {
        id,
        orderNumber,
        bodyHash: orderNumber,
        issuingUnit: 'Нарын РИИБ',
        issuedAt: new Date(event.payload.period.issuedAt),
        expiresAt: new Date(event.payload.period.expiresAt),
        perpetrator: { fullName: 'sealed', birthYear: 1986, sex: 'male', language: 'ky' },
        unitCode: 'naryn-riib',
        registeredBy: police.accountId,
        registeredAt: at,
      },
      notes: Array.from({ length: notes }, () => ({ id: randomUUID(), orderId: id, kind: 'officer_concern', body: 'sealed', writtenBy: police.accountId, writtenAt: at })),
      event: new Outbox(gateway, 'gateway', 'gateway').row(EventSubjects.OrderRegistered, id, event.payload),
      audit: auditAppendArguments({
        actorId: police.accountId,
        actorRole: 'police',
        centreId: null,
        unitCode: 'naryn-riib',
        action: 'register',
        resourceType: 'protection_order',
        resourceId: id,
        outcome: 'success',
        ip: null,
        requestId: null,
        at,
      }),
    };
  };
  /** Per order: whether it was written with its event and audit entry, and how many notes it has. */
  const writtenWithIt = async (orders: Registration[]) => {
    const ids = orders.map(({ order }) => order.id);
    const rows: Array<{ id: string; announced: number; audited: number; noted: number }> = await gateway.query(
      `SELECT o.id,
              (SELECT count(*)::int FROM gateway.outbox WHERE envelope->>'correlationId' = o.id::text) AS announced,
              (SELECT count(*)::int FROM gateway.audit_log WHERE action = 'register' AND resource_id = o.id::text) AS audited,
              (SELECT count(*)::int FROM gateway.order_note WHERE order_id = o.id) AS noted
         FROM unnest($1::uuid[]) AS o (id) WHERE EXISTS (SELECT 1 FROM gateway.protection_order p WHERE p.id = o.id)`,
      [ids],
    );
    return ids.map((id) => rows.find((row) => row.id === id) ?? null);
  };
  const chainIntact = () => verifyAuditChain(leastPrivilegeDatabase('gateway', database).DATABASE_OWNER_URL);

  it('writes the orders that come while others are written in one statement, each with its event, notes and chained audit entry', async () => {
    const seen = newOrder();
    await new OrderIntake(gateway).register(seen);
    const intake = new OrderIntake(gateway);
    // The first two go at once, one to each write; the others wait and go together, a number posted twice among them.
    const twice = newOrder(2);
    const orders = [newOrder(), newOrder(1), twice, newOrder(1, twice.order.orderNumber), newOrder(0, seen.order.orderNumber), newOrder()];
    const before = statementsSentSoFar();
    const written = await Promise.all(orders.map((order) => intake.register(order)));
    expect(statementsSentSoFar() - before).toBe(3);
    expect(written).toEqual([true, true, true, false, false, true]);
    const announcedOnce = (noted: number) => ({ announced: 1, audited: 1, noted });
    expect((await writtenWithIt(orders)).map((row) => row && { announced: row.announced, audited: row.audited, noted: row.noted })).toEqual([
      announcedOnce(0),
      announcedOnce(1),
      announcedOnce(2),
      null,
      null,
      announcedOnce(0),
    ]);
    expect(await chainIntact()).toMatchObject({ intact: true });
  });

  it('registers each number once when two gateways write the same numbers at once, in opposite orders', async () => {
    for (let round = 0; round < 5; round++) {
      const orders = Array.from({ length: 10 }, () => newOrder(1));
      const again = orders.map(({ order }) => newOrder(0, order.orderNumber)).reverse();
      const before = statementsSentSoFar();
      const [first, second] = await Promise.all([insertRegistrations(gateway.manager, orders), insertRegistrations(gateway.manager, again)]);
      expect(statementsSentSoFar() - before).toBe(2);
      expect(first.size + second.size).toBe(10);
    }
    expect(await chainIntact()).toMatchObject({ intact: true });
  });

  it('writes again one by one a batch with an order that cannot be written: that one fails alone', async () => {
    const intake = new OrderIntake(gateway);
    const broken = newOrder();
    (broken.order as { issuingUnit: string | null }).issuingUnit = null;
    const orders = [newOrder(), newOrder(), newOrder(1), broken, newOrder()];
    const before = statementsSentSoFar();
    const written = await Promise.allSettled(orders.map((order) => intake.register(order)));
    // Two alone, the batch of three that failed, then each of the three alone.
    expect(statementsSentSoFar() - before).toBe(6);
    expect(written.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((written[3] as PromiseRejectedResult).reason).toMatchObject({ message: expect.stringContaining('issuing_unit') });
    expect((await writtenWithIt(orders)).map((row) => row?.audited ?? 0)).toEqual([1, 1, 1, 0, 1]);
    expect(await chainIntact()).toMatchObject({ intact: true });
  });

  /** A proposal to a centre with only its inbox, as notification makes one for `referral.routed.v1`. */
  const proposal = (centreId: string): IntentToAdd => {
    const intent = newIntent({ centre_id: centreId });
    return { intent, recipientKey: recipientKeyOf(intent), inbox: inboxOf(notification, intent) };
  };

  it("makes a transaction's intents with their inbox deliveries in one statement, in order, one made before written again by none", async () => {
    const records = new DeliveryRecords();
    const seen = proposal('statements-centre');
    await notification.transaction((tx) => records.addIntent(tx, seen.intent, seen.recipientKey, [], seen.inbox));
    const batch = [proposal('statements-centre'), { ...seen, inbox: proposal('statements-centre').inbox }, proposal('statements-centre')];
    let added: Awaited<ReturnType<DeliveryRecords['addIntents']>> = [];
    // The statement, and before it the setting that keeps PostgreSQL from planning it anew at every execution.
    expect(await statementsOf(notification, async (tx) => (added = await records.addIntents(tx, batch, [])))).toBe(2);
    expect(added.map((intent) => intent && [intent.source_event_id, intent.outcome, intent.delivered])).toEqual([
      [batch[0].intent.source_event_id, 'inbox_only', true],
      null,
      [batch[2].intent.source_event_id, 'inbox_only', true],
    ]);
    const announced: Array<{ id: string }> = await notification.query(
      `SELECT envelope->'payload'->>'notificationId' AS id FROM notification.outbox WHERE envelope->>'correlationId' = ANY($1) ORDER BY seq`,
      [batch.map(({ intent }) => intent.order_id)],
    );
    expect(announced.map(({ id }) => id)).toEqual([seen.inbox.notificationId, batch[0].inbox.notificationId, batch[2].inbox.notificationId]);
    const entries = await notification.query('SELECT count(*)::int AS n FROM notification.inbox_entry WHERE notification_id = ANY($1)', [
      batch.map(({ inbox }) => inbox.notificationId),
    ]);
    expect(entries).toEqual([{ n: 2 }]);
    expect(await records.outcomes(notification.manager, [seen.intent])).toEqual([{ source_event_id: seen.intent.source_event_id, outcome: 'inbox_only' }]);
  });

  it('runs the intent statement on its generic plan, a setting of its transaction alone', async () => {
    const records = new DeliveryRecords();
    const planMode = async (runner: QueryRunner) => ((await runner.query('SHOW plan_cache_mode')) as Array<{ plan_cache_mode: string }>)[0].plan_cache_mode;
    const runner = notification.createQueryRunner();
    try {
      await runner.startTransaction();
      const { intent, recipientKey, inbox } = proposal('statements-centre');
      await records.addIntent(runner.manager, intent, recipientKey, [], inbox);
      expect(await planMode(runner)).toBe('force_generic_plan');
      await runner.commitTransaction();
      expect(await planMode(runner)).toBe('auto');
    } finally {
      await runner.release();
    }
  });

  it("reads an order's state and the open centres routing assesses in one statement", async () => {
    await matching.query(
      `INSERT INTO matching.centre (id, name, settlement_code, oblast, lat, lng, status, group_capacity)
       VALUES ('statements-naryn', 'Naryn', 'naryn', 'naryn', 41.43, 75.99, 'open', 6), ('statements-talas', 'Talas', 'talas', 'talas', 42.52, 72.24, 'paused', 6)`,
    );
    const directory = new CentreDirectory();
    const referrals = new ReferralRepository(directory);
    let order: OrderBeforeRouting | undefined;
    expect(await statementsOf(matching, async (tx) => (order = await referrals.beforeRouting(tx, randomUUID())))).toBe(1);
    const naryn = { id: 'statements-naryn', name: 'Naryn', lat: 41.43, lng: 75.99, calendarVersion: expect.stringMatching(/^\d+$/) };
    expect(order).toEqual({ extendedTo: null, drawnNumber: expect.stringMatching(/^\d+$/), openCentres: [naryn] });
    expect(await directory.openCentres(matching.manager)).toEqual([naryn]);
  });

  it("makes an order's placement with its expiry and timer in one statement, and writes nothing for what it already knows", async () => {
    const orderId = randomUUID();
    const expiresAt = new Date('2026-05-01T00:00:00Z');
    const watch = new WatchPlacement(new PlacementStore());
    expect(await statementsOf(programme, (tx) => alone(tx, (d) => watch.registered(tx, d, orderId, expiresAt)))).toBe(1);
    expect(await statementsOf(programme, (tx) => alone(tx, (d) => watch.notPlaced(d, orderId, ['no centre', 'beyond reach', 'no centre'])))).toBe(1);
    expect(await statementsOf(programme, (tx) => alone(tx, (d) => watch.notPlaced(d, orderId, ['beyond reach', 'declined'])))).toBe(1);
    expect(await statementsOf(programme, (tx) => alone(tx, (d) => watch.notPlaced(d, orderId, ['declined'])))).toBe(1);
    expect(await statementsOf(programme, (tx) => watch.withdrawn(tx, orderId))).toBe(1);
    expect(await statementsOf(programme, (tx) => watch.withdrawn(tx, orderId))).toBe(1);
    // An extension takes the placement's lock first; a withdrawn order takes no later expiry, so nothing is written.
    expect(await statementsOf(programme, (tx) => watch.expiry(tx, orderId, new Date('2026-06-01T00:00:00Z')))).toBe(1);
    expect(await programme.query('SELECT expires_at, state, reasons FROM programme.placement WHERE order_id = $1', [orderId])).toEqual([
      { expires_at: expiresAt, state: 'withdrawn', reasons: ['no centre', 'beyond reach', 'declined'] },
    ]);
    expect(await programme.query('SELECT kind, audience, due_at FROM programme.timer WHERE order_id = $1', [orderId])).toEqual([
      { kind: 'order_expiry', audience: 'coordinators', due_at: expiresAt },
    ]);
  });

  it("makes a batch's placements in one statement and adds its reasons in another, an order's reasons merged in the order they came", async () => {
    const orderIds = [randomUUID(), randomUUID(), randomUUID()];
    const expiresAt = new Date('2026-05-01T00:00:00Z');
    const watch = new WatchPlacement(new PlacementStore());
    const sent = await statementsOf(programme, (tx) =>
      asEvents(
        tx,
        true,
        ...orderIds.map((orderId) => (d: Delivery) => watch.registered(tx, d, orderId, expiresAt)),
        (d) => watch.notPlaced(d, orderIds[0], ['no centre', 'beyond reach']),
        (d) => watch.notPlaced(d, orderIds[1], ['no centre']),
        (d) => watch.notPlaced(d, orderIds[0], ['declined', 'no centre']),
      ),
    );
    expect(sent).toBe(2);
    const placements = await programme.query('SELECT order_id, expires_at, state, reasons FROM programme.placement WHERE order_id = ANY($1) ORDER BY order_id', [orderIds]);
    expect(placements).toEqual(
      [
        { order_id: orderIds[0], expires_at: expiresAt, state: 'waiting', reasons: ['no centre', 'beyond reach', 'declined'] },
        { order_id: orderIds[1], expires_at: expiresAt, state: 'waiting', reasons: ['no centre'] },
        { order_id: orderIds[2], expires_at: expiresAt, state: 'waiting', reasons: [] },
      ].sort((a, b) => a.order_id.localeCompare(b.order_id)),
    );
    const [{ n }] = await programme.query(`SELECT count(*)::int AS n FROM programme.timer WHERE order_id = ANY($1) AND kind = 'order_expiry'`, [orderIds]);
    expect(n).toBe(3);
  });

  it('fails a batch holding a registration of an order seen before, so that its events go one by one', async () => {
    const [seen, fresh] = [randomUUID(), randomUUID()];
    const expiresAt = new Date('2026-05-01T00:00:00Z');
    const watch = new WatchPlacement(new PlacementStore());
    await programme.transaction((tx) => alone(tx, (d) => watch.notPlaced(d, seen, ['no centre'])));
    await expect(
      programme.transaction((tx) => asEvents(tx, true, (d) => watch.registered(tx, d, fresh, expiresAt), (d) => watch.registered(tx, d, seen, expiresAt))),
    ).rejects.toThrow(PlacementSeenBefore);
    expect(await programme.query('SELECT order_id FROM programme.placement WHERE order_id = ANY($1)', [[seen, fresh]])).toEqual([{ order_id: seen }]);
  });

  it('takes a registration that comes after routing\'s reasons under the placement\'s lock', async () => {
    const orderId = randomUUID();
    const expiresAt = new Date('2026-05-01T00:00:00Z');
    const watch = new WatchPlacement(new PlacementStore());
    expect(await statementsOf(programme, (tx) => alone(tx, (d) => watch.notPlaced(d, orderId, ['no centre'])))).toBe(1);
    // The first sight finds the placement, then its lock, then the expiry with its timer.
    expect(await statementsOf(programme, (tx) => alone(tx, (d) => watch.registered(tx, d, orderId, expiresAt)))).toBe(3);
    expect(await programme.query('SELECT expires_at, state, reasons FROM programme.placement WHERE order_id = $1', [orderId])).toEqual([
      { expires_at: expiresAt, state: 'waiting', reasons: ['no centre'] },
    ]);
    expect(await programme.query('SELECT kind, due_at FROM programme.timer WHERE order_id = $1', [orderId])).toEqual([
      { kind: 'order_expiry', due_at: expiresAt },
    ]);
  });

  it('withdraws an order none of whose other events came yet, and routing\'s reasons still reach it', async () => {
    const orderId = randomUUID();
    const watch = new WatchPlacement(new PlacementStore());
    expect(await statementsOf(programme, (tx) => watch.withdrawn(tx, orderId))).toBe(1);
    expect(await statementsOf(programme, (tx) => alone(tx, (d) => watch.notPlaced(d, orderId, ['no centre'])))).toBe(1);
    expect(await programme.query('SELECT expires_at, state, reasons FROM programme.placement WHERE order_id = $1', [orderId])).toEqual([
      { expires_at: null, state: 'withdrawn', reasons: ['no centre'] },
    ]);
  });
});

import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import request from 'supertest';
import { parseCsv } from './support/csv';
import { KorgooStack } from './support/korgoo-stack';
import { protectionOrderBody } from './support/protection-order.fixture';
import { until } from './support/until';

type Event = { eventId: string; correlationId: string; payload: Record<string, string> };
type Sheet = { group: string; columns: Array<{ key: string }>; rows: Array<{ key: string; values: Array<number | null> }>; total: Array<number | null> };

/** Bishkek keeps UTC+6 all year. */
const thisMonth = () => new Date(Date.now() + 6 * 3_600_000).toISOString().slice(0, 7);

type Directory = {
  id: string;
  displayName: string;
  sex: 'male' | 'female';
  certifiedOn: string | null;
  active: boolean;
  weekly: Array<{ weekday: number; start: string; end: string }>;
  exceptions: Array<{ from: string; to: string }>;
};

const bishkekMonth = (instant: Date) => new Date(instant.getTime() + 6 * 3_600_000).toISOString().slice(0, 7);

/**
 * Rostered pair-minutes the plain way, minute by minute from the roster's announcement to the end of the month
 * (Bishkek): at each minute as many pairs as the smaller side of available men and women.
 */
function rosteredMinutes(facilitators: Directory[], effectiveFrom: Date, month: string): number {
  const [year, monthNumber] = month.split('-').map(Number);
  const monthStart = Date.UTC(year, monthNumber - 1, 1) - 6 * 3_600_000;
  const monthEnd = Date.UTC(year, monthNumber, 1) - 6 * 3_600_000;
  const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  let total = 0;
  for (let minute = Math.max(monthStart / 60_000, Math.floor(effectiveFrom.getTime() / 60_000)); minute < monthEnd / 60_000; minute++) {
    const local = new Date((minute + 360) * 60_000);
    const [date, weekday, ofDay] = [local.toISOString().slice(0, 10), ((local.getUTCDay() + 6) % 7) + 1, local.getUTCHours() * 60 + local.getUTCMinutes()];
    const available = (f: Directory) =>
      f.active &&
      f.certifiedOn !== null &&
      f.certifiedOn <= date &&
      f.weekly.some((w) => w.weekday === weekday && clock(w.start) <= ofDay && ofDay < clock(w.end)) &&
      !f.exceptions.some((e) => Date.parse(e.from) <= minute * 60_000 && minute * 60_000 < Date.parse(e.to));
    const men = facilitators.filter((f) => f.sex === 'male' && available(f)).length;
    const women = facilitators.filter((f) => f.sex === 'female' && available(f)).length;
    total += Math.min(men, women);
  }
  return total;
}

describe('reporting: indicators from the event stream, each event counted once', () => {
  const stack = new KorgooStack();
  let police: string;
  let coordinator: string;
  let admin: string;
  const month = thisMonth();
  const staff = (centreId: string) => stack.centreStaff(admin, centreId);

  const indicators = (token: string, query: Record<string, string | undefined>) =>
    request(stack.gateway).get('/api/v1/indicators').query({ from: month, to: month, ...query }).auth(token, { type: 'bearer' });

  /** Each indicator's value per row key (and under `total`), for the given grouping. */
  async function figures(token: string, groupBy: string, query: Record<string, string> = {}) {
    const response = await indicators(token, { groupBy, ...query }).expect(200);
    const table: Record<string, Record<string, number | null>> = {};
    for (const sheet of response.body.report.sheets as Sheet[]) {
      sheet.columns.forEach((column, index) => {
        table[column.key] = Object.fromEntries([...sheet.rows.map((row) => [row.key, row.values[index]]), ['total', sheet.total[index]]]);
      });
    }
    return table;
  }

  const PIN = '21505198600123';

  const issuedAtOf = new Map<string, string>();

  async function register(settlementCode: string, immediateDanger = false, pin?: string, days = 30): Promise<string> {
    const issuedAt = Date.now() - 3_600_000;
    const body = protectionOrderBody({
      issuingUnit: `${settlementCode} unit`,
      issuedAt: new Date(issuedAt).toISOString(),
      expiresAt: new Date(issuedAt + days * 24 * 3_600_000).toISOString(),
      perpetrator: { fullName: 'Асанов Бакыт', sex: 'male', language: 'ky', location: { settlementCode }, ...(pin ? { pin } : {}) },
    });
    if (immediateDanger) (body.screening.immediateDanger.critical as Record<string, string>).threatenedToKill = 'yes';
    const created = await request(stack.gateway).post('/api/v1/protection-orders').auth(police, { type: 'bearer' }).send(body).expect(201);
    issuedAtOf.set(created.body.orderId, body.issuedAt);
    return created.body.orderId;
  }

  const routed = (orderId: string) => stack.awaitEvent<Event>('referral.routed.v1', (e) => e.correlationId === orderId);

  const reportingMetric = (subject: string, outcome: 'applied' | 'duplicate') => stack.eventsHandled('reporting', subject, outcome);

  /**
   * The programme service starts the programme of an accepted referral; the attendance and the completion that
   * follow weeks later are published here in its name, for the programme it started.
   */
  async function followProgramme(orderId: string, issuedAt: string) {
    type Started = { programmeId: string; referralId: string; referralNumber: string; centreId: string; sessions: Array<{ startsAt: string; endsAt: string }> };
    const started = await stack.awaitEvent<{ correlationId: string; payload: Started }>('programme.started.v1', (e) => e.correlationId === orderId);
    const { programmeId, referralId, referralNumber, centreId, sessions } = started.payload;
    firstSessionHours = (Date.parse(sessions[0].startsAt) - Date.parse(issuedAt)) / 3_600_000;
    const facts = { programmeId, orderId, referralId, referralNumber, centreId };
    const js = jetstream(stack.nc);
    const events: Array<[string, object]> = [
      ['programme.session_recorded.v1', { ...facts, sessionIndex: 1, kind: 'individual', mark: 'attended', sessionStartsAt: sessions[0].startsAt }],
      ['programme.session_recorded.v1', { ...facts, sessionIndex: 2, kind: 'individual', mark: 'excused_absence', excuseReason: 'court_hearing', sessionStartsAt: sessions[1].startsAt }],
      ['programme.completed.v1', { ...facts, completedAt: sessions[3].endsAt }],
      // After completion: the voluntary component joined then left, the first monitoring meeting held, the second due.
      ['programme.voluntary_enrolled.v1', { ...facts, track: 'men', individualSessions: 2, groupSessions: 24, enrolledAt: sessions[3].endsAt, plannedEnd: sessions[3].endsAt }],
      ['programme.voluntary_left.v1', { ...facts, sessionNumber: 3, leftAt: sessions[3].endsAt }],
      ['programme.follow_up_recorded.v1', { ...facts, meetingNumber: 1, outcome: 'held', recordedAt: sessions[3].endsAt }],
      ['programme.follow_up_due.v1', { ...facts, meetingNumber: 2, monthsAfterCompletion: 6, dueAt: sessions[3].endsAt }],
    ];
    for (const [subject, payload] of events) {
      const envelope = { eventId: randomUUID(), subject, occurredAt: new Date().toISOString(), correlationId: orderId, producer: 'programme', payload };
      await js.publish(`${stack.namespace}.${subject}`, JSON.stringify(envelope), { msgID: envelope.eventId });
    }
  }

  let dangerOrder: string;
  let firstSessionHours: number;
  let declinedOrder: string;
  let withdrawnOrder: string;
  let acceptingCentre: string;
  let decliningCentre: string;
  let reroutedTo: string;
  let unroutableCodes: string[];

  beforeAll(async () => {
    await stack.start();
    [police, coordinator, admin] = await stack.demoTokens('police', 'coordinator', 'admin');

    // Naryn: one order accepted where it was routed (immediate danger), one declined there and re-routed.
    dangerOrder = await register('naryn', true, PIN);
    const first = await routed(dangerOrder);
    acceptingCentre = first.payload.centreId;
    await request(stack.gateway).post(`/api/v1/referrals/${first.payload.referralId}/accept`).auth(await staff(acceptingCentre), { type: 'bearer' }).expect(200);
    await stack.awaitEvent('referral.accepted.v1', (e) => e.correlationId === dangerOrder);
    await followProgramme(dangerOrder, issuedAtOf.get(dangerOrder)!);

    declinedOrder = await register('naryn');
    const second = await routed(declinedOrder);
    decliningCentre = second.payload.centreId;
    await request(stack.gateway)
      .post(`/api/v1/referrals/${second.payload.referralId}/decline`)
      .auth(await staff(decliningCentre), { type: 'bearer' })
      .send({ reason: 'at_capacity' })
      .expect(200);
    reroutedTo = (await stack.awaitEvent<Event>('referral.rerouted.v1', (e) => e.correlationId === declinedOrder)).payload.centreId;

    // Osh city: routed, then withdrawn by the police.
    withdrawnOrder = await register('osh');
    await routed(withdrawnOrder);
    await request(stack.gateway)
      .post(`/api/v1/protection-orders/${withdrawnOrder}/withdrawal`)
      .auth(police, { type: 'bearer' })
      .send({ reason: 'revoked_by_police', note: 'revoked after review' })
      .expect(202);
    await stack.awaitEvent('referral.cancelled.v1', (e) => e.correlationId === withdrawnOrder);

    // Naryn: ten days leave no centre room for four weekly sessions; routing says why in prose and in codes.
    const shortOrder = await register('naryn', false, undefined, 10);
    const unroutable = await stack.awaitEvent<{ correlationId: string; payload: { reasonCodes: string[] } }>('referral.unroutable.v1', (e) => e.correlationId === shortOrder);
    unroutableCodes = unroutable.payload.reasonCodes;
  }, 240_000);

  afterAll(() => stack.stop());

  const expectedByOblast = {
    orders_registered: { Naryn: 3, 'Osh city': 1, total: 4 },
    orders_withdrawn: { Naryn: 0, 'Osh city': 1, total: 1 },
    'orders_withdrawn.revoked_by_police': { Naryn: 0, 'Osh city': 1, total: 1 },
    immediate_danger_alerts: { Naryn: 1, 'Osh city': 0, total: 1 },
    referrals_routed: { Naryn: 2, 'Osh city': 1, total: 3 },
    referrals_accepted: { Naryn: 1, 'Osh city': 0, total: 1 },
    referrals_declined: { Naryn: 1, 'Osh city': 0, total: 1 },
    'referrals_declined.at_capacity': { Naryn: 1, 'Osh city': 0, total: 1 },
    referrals_rerouted: { Naryn: 1, 'Osh city': 0, total: 1 },
    referrals_cancelled: { Naryn: 0, 'Osh city': 1, total: 1 },
    referrals_unroutable: { Naryn: 1, 'Osh city': 0, total: 1 },
    'referrals_unroutable.no_slot_before_expiry': { Naryn: 1, 'Osh city': 0, total: 1 },
    'referrals_unroutable.no_facilitator_pair': { Naryn: 0, 'Osh city': 0, total: 0 },
    order_duration_median_days: { Naryn: 30, 'Osh city': 30, total: 30 },
    programmes_started: { Naryn: 1, 'Osh city': 0, total: 1 },
    programmes_attending: { Naryn: 1, 'Osh city': 0, total: 1 },
    programmes_completed: { Naryn: 1, 'Osh city': 0, total: 1 },
    programmes_refused: { Naryn: 0, 'Osh city': 0, total: 0 },
    // The accepted programme's two group sessions, each opened by it: one participant each.
    group_places_booked: { Naryn: 2, 'Osh city': 0, total: 2 },
    group_sessions_booked: { Naryn: 2, 'Osh city': 0, total: 2 },
    group_fill_mean: { Naryn: 1, 'Osh city': null, total: 1 },
    orders_without_person_id: { Naryn: 2, 'Osh city': 1, total: 3 },
    'orders_with_person_id.completed': { Naryn: 1, 'Osh city': 0, total: 1 },
    'repeat_orders_6m.completed': { Naryn: 0, 'Osh city': 0, total: 0 },
    voluntary_enrolled: { Naryn: 1, 'Osh city': 0, total: 1 },
    'voluntary_enrolled.men': { Naryn: 1, 'Osh city': 0, total: 1 },
    voluntary_completed: { Naryn: 0, 'Osh city': 0, total: 0 },
    voluntary_left: { Naryn: 1, 'Osh city': 0, total: 1 },
    follow_ups_due: { Naryn: 1, 'Osh city': 0, total: 1 },
    follow_ups_held: { Naryn: 1, 'Osh city': 0, total: 1 },
    follow_ups_missed: { Naryn: 0, 'Osh city': 0, total: 0 },
  };

  async function expectGroundTruth() {
    const byOblast = await figures(coordinator, 'oblast');
    for (const [key, values] of Object.entries(expectedByOblast)) expect({ [key]: byOblast[key] }).toEqual({ [key]: values });
    // Each code routing gave counts once; every other code of the vocabulary counts nothing.
    const codeColumns = Object.keys(byOblast).filter((key) => key.startsWith('referrals_unroutable.'));
    expect(codeColumns.length).toBeGreaterThan(10);
    for (const key of codeColumns) expect({ [key]: byOblast[key].total }).toEqual({ [key]: unroutableCodes.includes(key.split('.')[1]) ? 1 : 0 });
    expect(byOblast.order_to_acceptance_median_hours.Naryn).toBeGreaterThan(0);
    expect(byOblast.order_to_acceptance_p90_hours.total).toBe(byOblast.order_to_acceptance_median_hours.total);
    // From the order's issue to the first session the programme service booked (and which was attended).
    expect(byOblast.order_to_first_session_median_hours.Naryn).toBeCloseTo(firstSessionHours, 0);
  }

  it('counts every order, referral step and withdrawal exactly, per oblast', async () => {
    await until(async () => {
      const now = await figures(coordinator, 'oblast');
      return (
        now.referrals_cancelled?.total === 1 &&
        now.referrals_unroutable?.total === 1 &&
        now.programmes_completed?.total === 1 &&
        ['voluntary_enrolled', 'voluntary_left', 'follow_ups_held', 'follow_ups_due'].every((key) => now[key]?.total === 1)
      );
    }, 'reporting to catch up');
    await expectGroundTruth();
  });

  it('splits the same facts per centre, and shows centre staff only their own centre', async () => {
    const byCentre = await figures(coordinator, 'centre');
    expect(byCentre.referrals_accepted[acceptingCentre]).toBe(1);
    expect(byCentre.referrals_declined[decliningCentre]).toBe(1);
    expect(byCentre.referrals_rerouted[reroutedTo]).toBe(1);
    expect([byCentre.voluntary_enrolled[acceptingCentre], byCentre.follow_ups_held[acceptingCentre], byCentre.follow_ups_due[acceptingCentre]]).toEqual([1, 1, 1]);
    const own = await figures(await staff(decliningCentre), 'centre');
    expect(Object.keys(own.referrals_declined).sort()).toEqual([decliningCentre, 'total'].sort());
    expect(own.referrals_declined.total).toBe(1);
    const narynOnly = await figures(coordinator, 'month', { oblast: 'Naryn' });
    expect(narynOnly.orders_registered).toEqual({ [month]: 3, total: 3 });
  });

  it('measures facilitator utilisation: booked pair-hours against the rostered pair-hours matching announced, per centre and month', async () => {
    type Roster = { effectiveFrom: string; facilitators: Array<Record<string, unknown>> };
    const announced = await stack.awaitEvent<{ payload: Roster & { centreId: string } }>('directory.roster_changed.v1', (e) => e.payload.centreId === acceptingCentre);
    const { centre } = (await request(stack.gateway).get(`/api/v1/directory/centres/${acceptingCentre}`).auth(admin, { type: 'bearer' }).expect(200)).body as { centre: { facilitators: Directory[] } };
    // The roster travels as sexes, windows and absences: no facilitator's id or name.
    for (const f of centre.facilitators) expect(JSON.stringify(announced)).not.toMatch(new RegExp(`${f.id}|${f.displayName}`));

    const started = stack.eventsOn('programme.started.v1').find((e) => e.correlationId === dangerOrder)!;
    const sessions = started.payload.sessions as Array<{ startsAt: string; endsAt: string; bookedSessionId: string }>;
    expect(new Set(sessions.map((s) => s.bookedSessionId)).size).toBe(4);
    const months = [...new Set([month, ...sessions.map((s) => bishkekMonth(new Date(s.startsAt)))])].sort();
    const expected = Object.fromEntries(
      months.map((m) => {
        const rostered = rosteredMinutes(centre.facilitators, new Date(announced.payload.effectiveFrom), m);
        const booked = sessions.filter((s) => bishkekMonth(new Date(s.startsAt)) === m).reduce((sum, s) => sum + (Date.parse(s.endsAt) - Date.parse(s.startsAt)) / 60_000, 0);
        return [m, { rostered, booked }];
      }),
    );
    const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
    const percent = (booked: number, rostered: number) => (rostered === 0 ? null : Math.round((booked / rostered) * 1000) / 10);
    const period = { from: months[0], to: months[months.length - 1] };
    const byMonth = await figures(coordinator, 'month', { ...period, centreId: acceptingCentre });
    for (const m of months) {
      const { rostered, booked } = expected[m];
      expect([m, byMonth.pair_hours_rostered[m], byMonth.pair_hours_booked[m], byMonth.facilitator_utilisation_percent[m]]).toEqual([m, hours(rostered), hours(booked), percent(booked, rostered)]);
    }
    // Four sessions of four hours, each a pair-session of its own (the group sessions were opened by this programme).
    expect(byMonth.pair_hours_booked.total).toBe(16);
    const rosteredInAll = months.reduce((sum, m) => sum + expected[m].rostered, 0);
    expect(rosteredInAll).toBeGreaterThan(0);
    const byCentre = await figures(coordinator, 'centre', period);
    expect([byCentre.pair_hours_booked[acceptingCentre], byCentre.facilitator_utilisation_percent[acceptingCentre]]).toEqual([16, percent(16 * 60, rosteredInAll)]);
    const idle = [decliningCentre, reroutedTo].find((c) => c !== acceptingCentre)!;
    expect([byCentre.pair_hours_booked[idle], byCentre.pair_hours_rostered[idle]]).toEqual([0, expect.any(Number)]);
    expect(byCentre.pair_hours_rostered[idle]).toBeGreaterThan(0);
    const byOblast = await figures(coordinator, 'oblast', { ...period, oblast: 'Naryn' });
    expect(byOblast.pair_hours_booked.Naryn).toBe(16);
    // Centre staff see their own centre's figures only.
    const own = await figures(await staff(idle), 'centre', period);
    expect(Object.keys(own.pair_hours_rostered).sort()).toEqual([idle, 'total'].sort());

    // Matching announces at start-up only what it never announced: a restart adds nothing.
    const owner = new Client({ connectionString: process.env.KORGOO_TEST_DATABASE_URL });
    await owner.connect();
    const announcements = async () =>
      (await owner.query(`SELECT count(*)::int AS n FROM matching.outbox WHERE subject = 'directory.roster_changed.v1'`)).rows[0].n as number;
    try {
      const before = await announcements();
      expect(before).toBe(stack.eventsOn('directory.roster_changed.v1').length);
      await stack.kill('matching');
      await stack.startOne('matching');
      expect(await announcements()).toBe(before);
    } finally {
      await owner.end();
    }
  });

  it('lets probation read national figures, refuses the police, and names the field of a bad filter', async () => {
    const username = `probation.${randomUUID().slice(0, 8)}`;
    await request(stack.gateway)
      .post('/api/v1/accounts')
      .auth(admin, { type: 'bearer' })
      .send({ username, password: 'a-long-enough-password', role: 'probation', displayName: 'Probation Department' })
      .expect(201);
    const probation = await stack.login(username, 'a-long-enough-password');
    expect((await figures(probation, 'oblast')).orders_registered.total).toBe(4);
    await indicators(police, {}).expect(403);
    const bad = await indicators(coordinator, { from: '2026-13' }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('from');
    const badGroup = await indicators(coordinator, { groupBy: 'name' }).expect(400);
    expect(JSON.stringify(badGroup.body)).toContain('groupBy');
  });

  it('exports the same figures as XLSX (a sheet per group) and CSV, headers in the caller’s language', async () => {
    const xlsx = await indicators(coordinator, { groupBy: 'oblast', format: 'xlsx', lang: 'en' })
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Orders', 'Referrals', 'Programmes', 'Voluntary component', 'Monitoring meetings', 'Repeat orders', 'Facilitator utilisation']);
    const orders = workbook.getWorksheet('Orders')!;
    const header = (orders.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe('Oblast');
    const rowOf = (key: string) => {
      for (let r = 2; r <= orders.rowCount; r++) if (orders.getRow(r).getCell(1).value === key) return (orders.getRow(r).values as unknown[]).slice(1);
      throw new Error(`no row ${key}`);
    };
    expect(rowOf('Naryn')[header.indexOf('Orders registered')]).toBe(3);
    expect(rowOf('Osh city')[header.indexOf('Orders withdrawn')]).toBe(1);
    expect(rowOf('Total')[header.indexOf('Orders registered')]).toBe(4);
    const utilisation = workbook.getWorksheet('Facilitator utilisation')!;
    expect((utilisation.getRow(1).values as unknown[]).slice(1)).toEqual(['Oblast', 'Rostered pair-hours', 'Booked pair-hours', 'Facilitator utilisation, %']);

    const csv = await indicators(coordinator, { groupBy: 'oblast', format: 'csv' }).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parseCsv(csv.text);
    expect(rows[0]).toEqual(['Топ', 'Бөлүнүш', 'Маани', 'Көрсөткүч', 'Саны']);
    expect(rows).toContainEqual(['Буйруктар', 'Облус', 'Naryn', 'Катталган буйруктар', '3']);
    expect(rows).toContainEqual(['Буйруктар', 'Облус', 'Бардыгы', 'Катталган буйруктар', '4']);
    expect(rows).toContainEqual(['Жолдомолор', 'Облус', 'Naryn', 'Жөнөтүүгө мүмкүн эмес: мөөнөтү бүткөнгө чейин бош убакыт жок', '1']);
    const rostered = rows.find((row) => row[0] === 'Фасилитаторлордун жүктөлүшү' && row[2] === 'Бардыгы' && row[3] === 'Графиктеги жуп-сааттар')!;
    expect(Number(rostered[4])).toBe((await figures(coordinator, 'oblast')).pair_hours_rostered.total);
  });

  it('never counts a redelivered event twice, nor after the service is killed and restarted', async () => {
    const js = jetstream(stack.nc);
    const registered = stack.eventsOn('order.registered.v1').find((e) => e.correlationId === dangerOrder)!;
    const declined = stack.eventsOn('referral.declined.v1').find((e) => e.correlationId === declinedOrder)!;
    const before = await reportingMetric('referral.declined.v1', 'duplicate');
    // A new JetStream message id gets past the stream's duplicate window: only the inbox stands in the way.
    for (const event of [registered, declined]) {
      await js.publish(`${stack.namespace}.${event.subject}`, JSON.stringify(event), { msgID: randomUUID() });
    }
    await until(async () => (await reportingMetric('referral.declined.v1', 'duplicate')) > before, 'the duplicate to reach reporting');
    await expectGroundTruth();

    await stack.kill('reporting');
    await js.publish(`${stack.namespace}.${declined.subject}`, JSON.stringify(declined), { msgID: randomUUID() });
    await stack.startOne('reporting');
    await until(async () => (await reportingMetric('referral.declined.v1', 'duplicate')) > 0, 'the redelivery after restart');
    await expectGroundTruth();
  });

  it('rebuilds the indicators from the event history with the same numbers after the read model was lost', async () => {
    const groupings = ['oblast', 'centre', 'month', 'sex', 'riskBin', 'unit'];
    const everyFigure = async () => Object.fromEntries(await Promise.all(groupings.map(async (groupBy) => [groupBy, await figures(coordinator, groupBy)])));
    const before = await everyFigure();
    expect(before.centre.pair_hours_rostered[acceptingCentre]).toBeGreaterThan(0);
    const owner = new Client({ connectionString: process.env.KORGOO_TEST_DATABASE_URL });
    await owner.connect();
    try {
      for (const table of ['case_fact', 'order_case', 'centre_roster', 'pair_session_hold', 'programme_end']) await owner.query(`DELETE FROM reporting.${table}`);
    } finally {
      await owner.end();
    }
    const lost = await figures(coordinator, 'oblast');
    expect([lost.orders_registered.total, lost.pair_hours_rostered.total, lost.pair_hours_booked.total]).toEqual([0, 0, 0]);

    const rebuilt = await request(stack.gateway).post('/api/v1/admin/indicators/rebuild').auth(admin, { type: 'bearer' }).expect(200);
    expect(rebuilt.body.orders).toBe(4);
    expect(rebuilt.body.events).toBeGreaterThanOrEqual(rebuilt.body.facts);
    expect(await everyFigure()).toEqual(before);
    await expectGroundTruth();
    // Twice in a row changes nothing either.
    await request(stack.gateway).post('/api/v1/admin/indicators/rebuild').auth(admin, { type: 'bearer' }).expect(200);
    expect(await everyFigure()).toEqual(before);

    const audited = await request(stack.gateway)
      .get('/api/v1/audit-log')
      .query({ action: 'rebuild', resourceType: 'indicators' })
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(audited.body.items.length).toBe(2);
    await request(stack.gateway).post('/api/v1/admin/indicators/rebuild').auth(coordinator, { type: 'bearer' }).expect(403);
  });

  it('links a new order against the same person by the pseudonym alone, and refuses a malformed ПИН naming the field', async () => {
    const bad = await request(stack.gateway)
      .post('/api/v1/protection-orders')
      .auth(police, { type: 'bearer' })
      .send(protectionOrderBody({ perpetrator: { fullName: 'Асанов Бакыт', sex: 'male', language: 'ky', location: { settlementCode: 'naryn' }, pin: '21505198600' } }))
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('pin');
    const registered = stack.eventsOn('order.registered.v1').find((e) => e.correlationId === dangerOrder)!;
    expect(registered.payload.personRef).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(registered)).not.toContain(PIN);

    const repeat = await register('naryn', false, PIN);
    const linked = await until(async () => {
      const now = await figures(coordinator, 'oblast');
      return now['repeat_orders_6m.completed']?.total === 1 && now;
    }, 'the repeat order to be linked');
    expect(linked['repeat_orders_12m.completed'].total).toBe(1);
    expect(linked['repeat_orders_18m.completed'].total).toBe(1);
    expect(linked.orders_without_person_id.total).toBe(3);
    expect(stack.eventsOn('order.registered.v1').find((e) => e.correlationId === repeat)!.payload.personRef).toBe(registered.payload.personRef);
  });

  // Last: it moves every service's clock past the day the quarter's figures come out.
  it('shows anyone, without signing in, a quarter’s counts from the day its edition comes out, every small count suppressed', async () => {
    type View = { months: string[]; oblasts: string[]; quarters: Array<Record<string, string | null>>; indicators: Array<Record<string, unknown> & { key: string }> };
    const publicView = async () => (await request(stack.gateway).get('/api/v1/public/indicators').query({ from: month, to: month }).expect(200)).body as View;

    // The quarter is not over: nothing of it is shown, only when its first edition comes out.
    const early = await publicView();
    expect(early.quarters).toHaveLength(1);
    expect(early.quarters[0]).toMatchObject({ edition: null, countedBefore: null, nextEdition: 'provisional' });
    expect([early.months, early.indicators]).toEqual([[], []]);

    await stack.setClock(new Date(early.quarters[0].nextEditionOn!));
    const view = await publicView();
    // It counts to the day before it comes out.
    const countedBefore = new Date(Date.parse(early.quarters[0].nextEditionOn!) - 86_400_000).toISOString();
    expect(view.quarters[0]).toMatchObject({ edition: 'provisional', countedBefore, nextEdition: 'final' });
    // Published by whole calendar quarters: the month's quarter, three months.
    expect(view.months).toHaveLength(3);
    const row = view.months.indexOf(month);
    expect(row).toBeGreaterThanOrEqual(0);
    const orders = view.indicators.find((indicator) => indicator.key === 'orders_registered')!;
    const at = (oblast: string) => (orders.byMonthAndOblast as unknown[][])[row][view.oblasts.indexOf(oblast)];
    // Four orders in Naryn (one a repeat), one in Osh city: each oblast under 5.
    expect([at('Naryn'), at('Osh city'), at('Chuy')]).toEqual(['<5', '<5', 0]);
    expect([(orders.nationalByMonth as unknown[])[row], orders.national]).toEqual([5, 5]);
    expect(view.indicators.map((indicator) => indicator.key)).not.toContain('order_to_acceptance_median_hours');
    const text = JSON.stringify(view);
    for (const centre of [acceptingCentre, decliningCentre, reroutedTo]) expect(text).not.toContain(centre);

    // The edition is kept as published: read again, the same, and stored once.
    expect(await publicView()).toEqual(view);
    const owner = new Client({ connectionString: process.env.KORGOO_TEST_DATABASE_URL });
    await owner.connect();
    try {
      const stored = await owner.query(`SELECT edition FROM reporting.public_edition WHERE quarter = $1`, [view.quarters[0].from]);
      expect(stored.rows).toEqual([{ edition: 'provisional' }]);
    } finally {
      await owner.end();
    }

    const reversed = await request(stack.gateway).get('/api/v1/public/indicators').query({ from: '2026-05', to: '2026-04' }).expect(400);
    expect(JSON.stringify(reversed.body)).toContain('from');
    const bad = await request(stack.gateway).get('/api/v1/public/indicators').query({ from: month, to: '2026-13' }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('to');
  });
});

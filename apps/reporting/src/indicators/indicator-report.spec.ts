import { IndicatorReport } from '@korgoo/contracts';
import { riskBinOf, monthOf } from './dimensions';
import { median, percentile } from './durations';
import { IndicatorQuery } from './indicator-query';
import { buildIndicatorReport } from './indicator-report';
import { CaseFact, FactKind, OrderCase } from './order-case';

const at = (iso: string) => new Date(iso);
let eventSeq = 0;

function order(orderId: string, issuedAt: string, overrides: Partial<OrderCase> = {}): OrderCase {
  const issued = at(issuedAt);
  return {
    orderId,
    issuedAt: issued,
    expiresAt: new Date(issued.getTime() + 30 * 86_400_000),
    oblast: 'Naryn',
    unit: 'Нарын РИИБ',
    sex: 'male',
    language: 'ky',
    riskBin: '5-6',
    priority: 'high',
    personRef: null,
    ...overrides,
  };
}

function fact(orderId: string, kind: FactKind, occurredAt: string, extra: Partial<CaseFact> = {}): CaseFact {
  eventSeq += 1;
  return { eventId: `e${eventSeq}`, orderId, kind, reason: null, centreId: null, occurredAt: at(occurredAt), ...extra };
}

const national: IndicatorQuery = { scope: { kind: 'national' }, from: '2026-03', to: '2026-04', groupBy: 'month' };

function column(report: IndicatorReport, key: string): { rows: Record<string, number | null>; total: number | null } {
  const sheet = report.sheets.find((s) => s.columns.some((c) => c.key === key))!;
  const index = sheet.columns.findIndex((c) => c.key === key);
  return { rows: Object.fromEntries(sheet.rows.map((row) => [row.key, row.values[index]])), total: sheet.total[index] };
}

describe('indicator maths', () => {
  it('takes the median and the nearest-rank 90th percentile', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([10, 1, 2], 90)).toBe(10);
  });

  it('bins ODARA scores as the published norms do and counts months in Bishkek time', () => {
    expect([0, 4, 5, 6, 7, 13, null].map(riskBinOf)).toEqual(['0', '4', '5-6', '5-6', '7-13', '7-13', 'unscored']);
    expect(monthOf(at('2026-03-31T18:30:00Z'))).toBe('2026-04');
    expect(monthOf(at('2026-03-31T17:59:00Z'))).toBe('2026-03');
  });
});

describe('the indicator report', () => {
  const orders = [
    order('o1', '2026-03-02T08:00:00Z'),
    order('o2', '2026-03-10T08:00:00Z', { oblast: 'Chuy', sex: 'female' }),
    order('o3', '2026-04-01T08:00:00Z'),
    order('o4', '2026-05-01T08:00:00Z'),
  ];
  const facts = [
    ...orders.map((o) => fact(o.orderId, 'order_registered', o.issuedAt!.toISOString())),
    fact('o1', 'immediate_danger', '2026-03-02T08:01:00Z'),
    fact('o1', 'referral_routed', '2026-03-02T08:02:00Z', { centreId: 'naryn-a' }),
    fact('o1', 'referral_declined', '2026-03-02T09:00:00Z', { centreId: 'naryn-a', reason: 'at_capacity' }),
    fact('o1', 'referral_rerouted', '2026-03-02T09:00:01Z', { centreId: 'naryn-b' }),
    fact('o1', 'referral_accepted', '2026-03-02T18:00:00Z', { centreId: 'naryn-b' }),
    fact('o2', 'referral_routed', '2026-03-10T08:02:00Z', { centreId: 'chuy-a' }),
    fact('o2', 'referral_accepted', '2026-03-10T12:00:00Z', { centreId: 'chuy-a' }),
    fact('o3', 'referral_unroutable', '2026-04-01T08:02:00Z'),
    fact('o3', 'order_withdrawn', '2026-04-02T08:00:00Z', { reason: 'revoked_by_police' }),
    fact('o4', 'referral_routed', '2026-05-01T08:02:00Z', { centreId: 'naryn-a' }),
    fact('o1', 'programme_started', '2026-03-02T18:00:01Z', { centreId: 'naryn-b', reason: 'men' }),
    fact('o1', 'session_attended', '2026-03-04T08:00:00Z', { centreId: 'naryn-b' }),
    fact('o1', 'session_attended', '2026-03-11T08:00:00Z', { centreId: 'naryn-b' }),
    fact('o1', 'programme_completed', '2026-03-25T10:00:00Z', { centreId: 'naryn-b' }),
    fact('o2', 'programme_started', '2026-03-10T12:00:01Z', { centreId: 'chuy-a', reason: 'men' }),
    fact('o2', 'programme_refused', '2026-03-20T12:00:00Z', { centreId: 'chuy-a', reason: 'unexcused_absences' }),
  ];

  it('counts each fact once, by the month the order was issued, and leaves out orders outside the period', () => {
    const report = buildIndicatorReport(orders, facts, national);
    expect(column(report, 'orders_registered')).toEqual({ rows: { '2026-03': 2, '2026-04': 1 }, total: 3 });
    expect(column(report, 'orders_withdrawn.revoked_by_police')).toEqual({ rows: { '2026-03': 0, '2026-04': 1 }, total: 1 });
    expect(column(report, 'immediate_danger_alerts').total).toBe(1);
    expect(column(report, 'referrals_routed').total).toBe(2);
    expect(column(report, 'referrals_declined.at_capacity').total).toBe(1);
    expect(column(report, 'referrals_rerouted').total).toBe(1);
    expect(column(report, 'referrals_unroutable').total).toBe(1);
    expect(column(report, 'order_duration_median_days').total).toBe(30);
  });

  it('counts an unroutable referral under each of its reason codes, and once in the total', () => {
    const unroutable = [
      ...facts.filter((f) => f.kind !== 'referral_unroutable'),
      fact('o3', 'referral_unroutable', '2026-04-01T08:02:00Z', { reason: 'no_programme_within_reach,road_closed' }),
      fact('o2', 'referral_unroutable', '2026-03-10T08:02:00Z', { reason: 'no_facilitator_pair' }),
      fact('o1', 'referral_unroutable', '2026-03-02T08:02:00Z'),
    ];
    const report = buildIndicatorReport(orders, unroutable, national);
    expect(column(report, 'referrals_unroutable')).toEqual({ rows: { '2026-03': 2, '2026-04': 1 }, total: 3 });
    expect(column(report, 'referrals_unroutable.no_programme_within_reach')).toEqual({ rows: { '2026-03': 0, '2026-04': 1 }, total: 1 });
    expect(column(report, 'referrals_unroutable.road_closed').total).toBe(1);
    expect(column(report, 'referrals_unroutable.no_facilitator_pair')).toEqual({ rows: { '2026-03': 1, '2026-04': 0 }, total: 1 });
    expect(column(report, 'referrals_unroutable.language').total).toBe(0);
  });

  it('measures the time from order to first acceptance: median and p90 over accepted orders', () => {
    const report = buildIndicatorReport(orders, facts, national);
    expect(column(report, 'order_to_acceptance_median_hours')).toEqual({ rows: { '2026-03': 7, '2026-04': null }, total: 7 });
    expect(column(report, 'order_to_acceptance_p90_hours').total).toBe(10);
  });

  it('follows programmes to their outcome and measures the time to the first attended session', () => {
    const report = buildIndicatorReport(orders, facts, { ...national, groupBy: 'centre' });
    expect(column(report, 'programmes_started').total).toBe(2);
    expect(column(report, 'programmes_attending').rows['naryn-b']).toBe(1);
    expect(column(report, 'programmes_completed').rows).toMatchObject({ 'naryn-b': 1, 'chuy-a': 0 });
    expect(column(report, 'programmes_refused.unexcused_absences').rows).toMatchObject({ 'naryn-b': 0, 'chuy-a': 1 });
    expect(column(report, 'programmes_closed').total).toBe(0);
    expect(column(report, 'order_to_first_session_median_hours').total).toBe(48);
    expect(report.sheets.map((sheet) => sheet.group)).toEqual(['orders', 'referrals', 'programmes', 'voluntary', 'follow_ups', 'repeats', 'utilisation']);
  });

  it('counts the voluntary component and the monitoring meetings after completion, by centre and track', () => {
    const after = [
      ...facts,
      fact('o1', 'voluntary_enrolled', '2026-03-26T10:00:00Z', { centreId: 'naryn-b', reason: 'men' }),
      fact('o1', 'voluntary_completed', '2026-09-26T10:00:00Z', { centreId: 'naryn-b' }),
      fact('o2', 'voluntary_enrolled', '2026-03-21T10:00:00Z', { centreId: 'chuy-a', reason: 'women' }),
      fact('o2', 'voluntary_left', '2026-04-21T10:00:00Z', { centreId: 'chuy-a' }),
      fact('o1', 'follow_up_recorded', '2026-04-20T10:00:00Z', { centreId: 'naryn-b', reason: 'held' }),
      fact('o1', 'follow_up_due', '2026-09-25T10:00:00Z', { centreId: 'naryn-b' }),
      fact('o1', 'follow_up_recorded', '2026-09-30T10:00:00Z', { centreId: 'naryn-b', reason: 'missed' }),
      fact('o1', 'follow_up_due', '2027-09-25T10:00:00Z', { centreId: 'naryn-b' }),
    ];
    const report = buildIndicatorReport(orders, after, { ...national, groupBy: 'centre' });
    expect(column(report, 'voluntary_enrolled').rows).toMatchObject({ 'naryn-b': 1, 'chuy-a': 1 });
    expect(column(report, 'voluntary_enrolled.men')).toMatchObject({ rows: { 'naryn-b': 1, 'chuy-a': 0 }, total: 1 });
    expect(column(report, 'voluntary_enrolled.women').total).toBe(1);
    expect(column(report, 'voluntary_completed').rows).toMatchObject({ 'naryn-b': 1, 'chuy-a': 0 });
    expect(column(report, 'voluntary_left').rows).toMatchObject({ 'naryn-b': 0, 'chuy-a': 1 });
    expect(column(report, 'follow_ups_due')).toMatchObject({ rows: { 'naryn-b': 2 }, total: 2 });
    expect(column(report, 'follow_ups_held').total).toBe(1);
    expect(column(report, 'follow_ups_missed').total).toBe(1);
    const byMonth = buildIndicatorReport(orders, after, national);
    expect(column(byMonth, 'follow_ups_held').rows).toEqual({ '2026-03': 1, '2026-04': 0 });
  });

  it('measures group fill: each group session once, at the most places it was seen to hold', () => {
    const places = [
      ...facts,
      // o1 opened session g1 and joined g2 as its third participant; o2 joined g1 later as its second.
      fact('o1', 'group_place', '2026-03-02T18:00:00Z', { centreId: 'naryn-b', sessionId: 'g1', participants: 1 }),
      fact('o1', 'group_place', '2026-03-02T18:00:00Z', { centreId: 'naryn-b', sessionId: 'g2', participants: 3 }),
      fact('o2', 'group_place', '2026-03-10T12:00:00Z', { centreId: 'naryn-b', sessionId: 'g1', participants: 2 }),
    ];
    const report = buildIndicatorReport(orders, places, { ...national, groupBy: 'centre' });
    expect(column(report, 'group_places_booked').rows).toMatchObject({ 'naryn-b': 3, 'chuy-a': 0 });
    expect(column(report, 'group_sessions_booked').total).toBe(2);
    expect(column(report, 'group_fill_mean')).toMatchObject({ rows: { 'naryn-b': 2.5, 'chuy-a': null }, total: 2.5 });
    const byOblast = buildIndicatorReport(orders, places, { ...national, groupBy: 'oblast' });
    // Chuy's order holds one place in g1, seen then with two participants.
    expect(column(byOblast, 'group_fill_mean').rows).toEqual({ Chuy: 2, Naryn: 2 });
  });

  it('counts small group meetings merged or run small once each, however many members were told', () => {
    const decided = [
      ...facts,
      // m1 (o1 and o2) was merged away; m2, which o1 joined, ran small; o4 is issued after the period.
      fact('o1', 'group_meeting_merged', '2026-03-14T08:00:00Z', { centreId: 'naryn-b', sessionId: 'm1', participants: 2 }),
      fact('o2', 'group_meeting_merged', '2026-03-14T08:00:00Z', { centreId: 'naryn-b', sessionId: 'm1', participants: 2 }),
      fact('o1', 'group_meeting_ran_small', '2026-03-15T08:00:00Z', { centreId: 'naryn-b', sessionId: 'm2', participants: 2 }),
      fact('o3', 'group_meeting_ran_small', '2026-04-15T08:00:00Z', { centreId: 'naryn-b', sessionId: 'm3', participants: 1 }),
      fact('o4', 'group_meeting_merged', '2026-05-14T08:00:00Z', { centreId: 'naryn-b', sessionId: 'm4', participants: 1 }),
    ];
    const report = buildIndicatorReport(orders, decided, national);
    expect(column(report, 'group_meetings_merged')).toEqual({ rows: { '2026-03': 1, '2026-04': 0 }, total: 1 });
    expect(column(report, 'group_meetings_run_small')).toEqual({ rows: { '2026-03': 1, '2026-04': 1 }, total: 2 });
    // A member in each oblast: the meeting counts in both rows, once in the total.
    const byOblast = buildIndicatorReport(orders, decided, { ...national, groupBy: 'oblast' });
    expect(column(byOblast, 'group_meetings_merged')).toEqual({ rows: { Chuy: 1, Naryn: 1 }, total: 1 });
    const label = report.sheets.find((s) => s.group === 'programmes')!.columns.find((c) => c.key === 'group_meetings_run_small')!.label;
    expect(Object.keys(label)).toEqual(['ky', 'ru', 'en']);
  });

  it('links repeat orders of the same person within 6, 12 and 18 months, by how the first programme ended', () => {
    const people = orders.map((o) => (o.orderId === 'o1' ? { ...o, personRef: 'p1' } : o.orderId === 'o2' ? { ...o, personRef: 'p2' } : o));
    const history = [
      { orderId: 'o1', personRef: 'p1', issuedAt: at('2026-03-02T08:00:00Z') },
      { orderId: 'o5', personRef: 'p1', issuedAt: at('2026-08-01T08:00:00Z') },
      { orderId: 'o2', personRef: 'p2', issuedAt: at('2026-03-10T08:00:00Z') },
      { orderId: 'o6', personRef: 'p2', issuedAt: at('2027-01-15T08:00:00Z') },
    ];
    const report = buildIndicatorReport(people, facts, national, history);
    expect(column(report, 'orders_without_person_id').total).toBe(1);
    expect(column(report, 'orders_with_person_id.completed').total).toBe(1);
    expect(column(report, 'orders_with_person_id.refused').total).toBe(1);
    expect(column(report, 'orders_with_person_id.never_placed').total).toBe(0);
    expect(column(report, 'repeat_orders_6m.completed').total).toBe(1);
    expect(column(report, 'repeat_orders_6m.refused').total).toBe(0);
    expect(column(report, 'repeat_orders_12m.refused').total).toBe(1);
    expect(column(report, 'repeat_orders_18m.refused').total).toBe(1);
    expect(column(report, 'repeat_orders_18m.never_placed').total).toBe(0);
  });

  it('gives a centre only the facts that name it and the orders it holds', () => {
    const report = buildIndicatorReport(orders, facts, { ...national, scope: { kind: 'centre', centreId: 'naryn-b' } });
    expect(column(report, 'orders_registered').total).toBe(1);
    expect(column(report, 'referrals_declined').total).toBe(0);
    expect(column(report, 'referrals_accepted').total).toBe(1);
    const declinedHere = buildIndicatorReport(orders, facts, { ...national, scope: { kind: 'centre', centreId: 'naryn-a' } });
    expect(column(declinedHere, 'referrals_declined').total).toBe(1);
    expect(column(declinedHere, 'orders_registered').total).toBe(0);
  });

  it('breaks down by centre, oblast and sex, and filters by oblast', () => {
    const byCentre = buildIndicatorReport(orders, facts, { ...national, groupBy: 'centre' });
    expect(column(byCentre, 'referrals_accepted').rows).toEqual({ 'chuy-a': 1, 'naryn-a': 0, 'naryn-b': 1, unknown: 0 });
    const bySex = buildIndicatorReport(orders, facts, { ...national, groupBy: 'sex' });
    expect(column(bySex, 'orders_registered').rows).toEqual({ female: 1, male: 2 });
    const chuy = buildIndicatorReport(orders, facts, { ...national, groupBy: 'oblast', oblast: 'Chuy' });
    expect(column(chuy, 'orders_registered')).toEqual({ rows: { Chuy: 1 }, total: 1 });
  });
});

import { CaseFact, OrderCase } from './order-case';
import { quarterRelease } from './public-release';
import { PUBLIC_INDICATORS, publicAnswer, quarterTables } from './public-view';

const DAY_MS = 86_400_000;
// The first quarter of 2026 ends at midnight in Bishkek on 1 April: 18:00 UTC on 31 March.
const FIRST_QUARTER_ENDS = Date.parse('2026-03-31T18:00:00Z');

function order(id: string, issuedAt: string): OrderCase {
  return { orderId: id, issuedAt: new Date(issuedAt), expiresAt: null, oblast: 'Naryn', unit: null, sex: 'male', language: 'ky', riskBin: '3', priority: 'normal', personRef: null };
}

function fact(orderId: string, kind: CaseFact['kind'], occurredAt: number): CaseFact {
  return { eventId: `${orderId}-${kind}`, orderId, kind, reason: null, centreId: null, occurredAt: new Date(occurredAt) };
}

describe('when a quarter’s public figures come out', () => {
  it('shows nothing of a quarter until the day after its first 60 days, then the provisional edition until day 731, then the final one', () => {
    const at = (days: number) => quarterRelease('2026-01', new Date(FIRST_QUARTER_ENDS + days * DAY_MS));
    const day = (days: number) => new Date(FIRST_QUARTER_ENDS + days * DAY_MS);
    expect(at(60.99)).toMatchObject({ edition: null, countedBefore: null, nextEdition: 'provisional', nextEditionOn: day(61) });
    // Counted to day 60, out a day later: whatever was still on its way at the count's end is in it.
    expect(at(61)).toMatchObject({ edition: 'provisional', countedBefore: day(60), nextEdition: 'final', nextEditionOn: day(731) });
    expect(at(730.5)).toMatchObject({ edition: 'provisional' });
    expect(at(731)).toMatchObject({ edition: 'final', countedBefore: day(730), nextEdition: null, nextEditionOn: null });
  });

  it('counts in an edition only what happened before its day, so a later outcome moves no published figure', () => {
    const orders = Array.from({ length: 8 }, (_, i) => order(`o${i}`, '2026-02-10T08:00:00Z'));
    const registered = orders.map((o) => fact(o.orderId, 'order_registered', Date.parse('2026-02-10T08:00:00Z')));
    // Seven completed within the order; the eighth's completion is recorded after the provisional edition's day.
    const completed = orders.map((o, i) => fact(o.orderId, 'programme_completed', i < 7 ? Date.parse('2026-03-05T08:00:00Z') : FIRST_QUARTER_ENDS + 61 * DAY_MS));
    const facts = [...registered, ...completed];
    const completions = (days: number) => {
      const release = quarterRelease('2026-01', new Date(FIRST_QUARTER_ENDS + days * DAY_MS));
      const tables = quarterTables(orders, facts, '2026-01', release.countedBefore!);
      return tables.find((table) => table.key === 'programmes_completed')!.national;
    };
    expect(completions(61)).toBe(7);
    expect(completions(100)).toBe(7);
    expect(completions(800)).toBe(8);
  });
});

describe('a public answer over quarters with and without an edition out', () => {
  const orders = ['2026-02-10T08:00:00Z', '2026-05-10T08:00:00Z'].flatMap((issuedAt, q) => Array.from({ length: 6 }, (_, i) => order(`q${q}-${i}`, issuedAt)));
  const facts = orders.map((o) => fact(o.orderId, 'order_registered', o.issuedAt!.getTime()));
  // 70 days after the first quarter ends: its provisional edition is out, the second quarter's is not.
  const now = new Date(FIRST_QUARTER_ENDS + 70 * DAY_MS);
  const quarters = ['2026-01', '2026-04'].map((quarter) => {
    const release = quarterRelease(quarter, now);
    return { release, tables: release.countedBefore ? quarterTables(orders, facts, quarter, release.countedBefore) : null };
  });

  it('says of every quarter which edition is out and when the next comes, and shows the months of those out only', () => {
    const view = publicAnswer({ from: '2026-01', to: '2026-06' }, quarters);
    expect(view.quarters.map(({ from, to, edition, nextEdition }) => ({ from, to, edition, nextEdition }))).toEqual([
      { from: '2026-01', to: '2026-03', edition: 'provisional', nextEdition: 'final' },
      { from: '2026-04', to: '2026-06', edition: null, nextEdition: 'provisional' },
    ]);
    expect(view.quarters[1].nextEditionOn).toBe('2026-08-30T18:00:00.000Z');
    expect(view.months).toEqual(['2026-01', '2026-02', '2026-03']);
    const registered = view.indicators.find((indicator) => indicator.key === 'orders_registered')!;
    expect(registered.nationalByMonth).toEqual([0, 6, 0]);
    expect(registered.national).toBe(6);
  });

  it('shows no table at all while no quarter asked has an edition out', () => {
    const view = publicAnswer({ from: '2026-04', to: '2026-06' }, [quarters[1]]);
    expect([view.months, view.indicators]).toEqual([[], []]);
  });

  it('hides, in an edition stored before an indicator existed, that indicator rather than counting it afterwards', () => {
    const [first] = quarters;
    const view = publicAnswer({ from: '2026-01', to: '2026-03' }, [{ ...first, tables: first.tables!.filter((table) => table.key !== 'follow_ups_held') }]);
    const held = view.indicators.find((indicator) => indicator.key === 'follow_ups_held')!;
    expect(held.national).toBe('x');
    expect(held.byMonthAndOblast.flat().every((cell) => cell === 'x')).toBe(true);
    expect(view.indicators.map((indicator) => indicator.key)).toEqual([...PUBLIC_INDICATORS]);
  });
});

import { OBLASTS, PublicIndicatorTable } from '@korgoo/contracts';
import { CaseFact, OrderCase } from './order-case';
import { quarterRelease } from './public-release';
import { PUBLIC_INDICATORS, publicAnswer, publicPeriod, quartersOf, quarterTables } from './public-view';

let seq = 0;

function registered(oblast: string | null, issuedAt: string, count: number): { orders: OrderCase[]; facts: CaseFact[] } {
  const orders = Array.from({ length: count }, (): OrderCase => {
    seq += 1;
    return {
      orderId: `o${seq}`,
      issuedAt: new Date(issuedAt),
      expiresAt: new Date(Date.parse(issuedAt) + 30 * 86_400_000),
      oblast,
      unit: 'Нарын РИИБ',
      sex: 'male',
      language: 'ky',
      riskBin: '3',
      priority: 'normal',
      personRef: null,
    };
  });
  const facts = orders.map((order): CaseFact => ({
    eventId: `e-${order.orderId}`,
    orderId: order.orderId,
    kind: 'order_registered',
    reason: null,
    centreId: 'naryn-asylzat',
    occurredAt: order.issuedAt!,
  }));
  return { orders, facts };
}

/** The answer once every quarter of the period has its final edition out. */
function buildPublicIndicators(orders: OrderCase[], facts: CaseFact[], from: string, to: string) {
  const period = publicPeriod(from, to);
  const later = new Date('2040-01-01T00:00:00Z');
  return publicAnswer(
    period,
    quartersOf(period).map((quarter) => ({ release: quarterRelease(quarter, later), tables: quarterTables(orders, facts, quarter, later) })),
  );
}

function table(view: ReturnType<typeof buildPublicIndicators>, key: string): PublicIndicatorTable {
  return view.indicators.find((indicator) => indicator.key === key)!;
}

describe('the public view', () => {
  const parts = [
    registered('Naryn', '2026-02-05T08:00:00Z', 12),
    registered('Chuy', '2026-02-06T08:00:00Z', 2),
    registered('Bishkek city', '2026-02-07T08:00:00Z', 30),
    registered('Naryn', '2026-03-05T08:00:00Z', 9),
    registered('Chuy', '2026-03-06T08:00:00Z', 7),
    registered('Bishkek city', '2026-03-07T08:00:00Z', 25),
    registered(null, '2026-03-08T08:00:00Z', 6),
  ];
  const orders = parts.flatMap((part) => part.orders);
  const facts = parts.flatMap((part) => part.facts);
  const view = buildPublicIndicators(orders, facts, '2026-02', '2026-04');
  const column = (oblast: string) => view.oblasts.indexOf(oblast);

  it('gives every month of the whole quarters the period touches and every oblast, with the orders whose place is unknown last', () => {
    expect([view.from, view.to]).toEqual(['2026-01', '2026-06']);
    expect(view.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(view.oblasts).toEqual([...OBLASTS, 'unknown']);
    expect(view.indicators.map((indicator) => indicator.key)).toEqual([...PUBLIC_INDICATORS]);
  });

  it('publishes the national count of each month, each oblast’s for the period, and cells away from small ones as they are', () => {
    const orders = table(view, 'orders_registered');
    expect(orders.nationalByMonth).toEqual([0, 44, 47, 0, 0, 0]);
    expect(orders.national).toBe(91);
    expect(orders.byOblast[column('Bishkek city')]).toBe(55);
    expect(orders.byOblast[column('Chuy')]).toBe(9);
    expect(orders.byMonthAndOblast[1][column('Bishkek city')]).toBe(30);
    expect(orders.byMonthAndOblast[2][column('unknown')]).toBe(6);
    expect(orders.byMonthAndOblast[3].every((count) => count === 0)).toBe(true);
  });

  it('shows a count under 5 as <5 and hides non-zero partners so no row or column total gives it away', () => {
    const orders = table(view, 'orders_registered');
    expect(orders.byMonthAndOblast[1][column('Chuy')]).toBe('<5');
    // Chuy's 2 in February with Naryn's 12, and both oblasts' March: a rectangle, each line with two unknowns.
    expect(orders.byMonthAndOblast.slice(1, 3).map((row) => [row[column('Chuy')], row[column('Naryn')]])).toEqual([
      ['<5', 'x'],
      ['x', 'x'],
    ]);
  });

  it('names no centre, police unit or person anywhere', () => {
    const text = JSON.stringify(view);
    for (const word of ['naryn-asylzat', 'РИИБ', 'o1', 'e-o']) expect(text).not.toContain(word);
  });
});

describe('public requests that overlap', () => {
  // Chuy: 2 in February, 7 in May. Before counts were published by quarter, the period total of
  // February-May (9) less that of May (7) gave February's 2 away.
  const parts = [
    registered('Chuy', '2026-02-06T08:00:00Z', 2),
    registered('Bishkek city', '2026-02-07T08:00:00Z', 30),
    registered('Chuy', '2026-05-06T08:00:00Z', 7),
    registered('Bishkek city', '2026-05-07T08:00:00Z', 25),
  ];
  const orders = parts.flatMap((part) => part.orders);
  const facts = parts.flatMap((part) => part.facts);
  const chuy = [...OBLASTS, 'unknown'].indexOf('Chuy');
  const registrations = (from: string, to: string) => table(buildPublicIndicators(orders, facts, from, to), 'orders_registered');

  it('cannot be subtracted to recover a small count', () => {
    expect(registrations('2026-05', '2026-05').byOblast[chuy]).toBe(7);
    expect(registrations('2026-02', '2026-05').byOblast[chuy]).toBe('x');
  });

  it('publish every month, and every figure over several quarters, from the same quarter tables', () => {
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'];
    const quarterly = ['2026-01', '2026-04', '2026-07'].map((first) => registrations(first, first));
    const quarterOf = (month: string) => quarterly[Math.floor(months.indexOf(month) / 3)];
    for (const [i, from] of months.entries()) {
      for (const to of months.slice(i)) {
        const view = buildPublicIndicators(orders, facts, from, to);
        const published = table(view, 'orders_registered');
        view.months.forEach((month, row) => {
          const own = quarterOf(month);
          expect(published.byMonthAndOblast[row]).toEqual(own.byMonthAndOblast[months.indexOf(month) % 3]);
          expect(published.nationalByMonth[row]).toEqual(own.nationalByMonth[months.indexOf(month) % 3]);
        });
        // A figure over several quarters is their sum when each is shown, else hidden: never a new number.
        const covered = quarterly.filter((_, q) => view.months.includes(months[q * 3]));
        published.byOblast.forEach((figure, j) => {
          const parts = covered.map((quarter) => quarter.byOblast[j]);
          const sum = parts.every((part) => typeof part === 'number') ? (parts as number[]).reduce((a, b) => a + b, 0) : 'x';
          expect(figure).toEqual(covered.length === 1 ? parts[0] : sum);
        });
      }
    }
  });
});

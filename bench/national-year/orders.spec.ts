import { bishkekInstant, toBishkekMinutes, weekdayOfDayNumber } from '../../apps/matching/src/capacity/bishkek-time';
import { haversineKm } from '../../apps/matching/src/travel/geo';
import { settlementByCode } from '../../apps/matching/src/travel/kg-gazetteer';
import { generateOrders, OBLAST_POPULATION_THOUSANDS, OBLASTS, SimOrder } from './orders';

const share = (orders: readonly SimOrder[], test: (o: SimOrder) => boolean) => orders.filter(test).length / orders.length;
const localHour = (o: SimOrder) => Math.floor(toBishkekMinutes(o.issuedAt) / 60) % 24;
const localWeekday = (o: SimOrder) => weekdayOfDayNumber(Math.floor(toBishkekMinutes(o.issuedAt) / 1440));

describe('generateOrders', () => {
  const year = generateOrders({ count: 15_000, seed: 1 });

  it('gives the same orders for the same seed and different ones for another', () => {
    expect(generateOrders({ count: 2_000, seed: 5 })).toEqual(generateOrders({ count: 2_000, seed: 5 }));
    const other = generateOrders({ count: 15_000, seed: 2 });
    expect(other.map((o) => o.issuedAt.getTime())).not.toEqual(year.map((o) => o.issuedAt.getTime()));
  });

  it('issues every order in 2027, in time order, with unique ids', () => {
    const from = bishkekInstant('2027-01-01').getTime();
    const to = bishkekInstant('2028-01-01').getTime();
    expect(year).toHaveLength(15_000);
    year.forEach((o, i) => {
      expect(o.index).toBe(i);
      expect(o.issuedAt.getTime()).toBeGreaterThanOrEqual(from);
      expect(o.issuedAt.getTime()).toBeLessThan(to);
      if (i > 0) expect(o.issuedAt.getTime()).toBeGreaterThanOrEqual(year[i - 1].issuedAt.getTime());
    });
    expect(new Set(year.map((o) => o.id)).size).toBe(year.length);
    expect(year[0].id).toBe('PO-2027-00001');
  });

  it('spreads orders over the oblasts by population', () => {
    const total = OBLASTS.reduce((n, o) => n + OBLAST_POPULATION_THOUSANDS[o], 0);
    for (const oblast of OBLASTS) {
      const expected = OBLAST_POPULATION_THOUSANDS[oblast] / total;
      expect(Math.abs(share(year, (o) => o.oblast === oblast) - expected)).toBeLessThan(0.012);
    }
  });

  it('places each order within a few km of a settlement of its own oblast', () => {
    for (const o of year) {
      const place = settlementByCode(o.settlementCode);
      expect(place.oblast).toBe(o.oblast);
      expect(haversineKm(o.location, place)).toBeLessThanOrEqual(5.01);
    }
  });

  it('has about 95% male perpetrators and more Russian in Bishkek and Chuy than in Naryn', () => {
    expect(Math.abs(share(year, (o) => o.sex === 'male') - 0.95)).toBeLessThan(0.01);
    const russianIn = (oblast: string) => share(year.filter((o) => o.oblast === oblast), (o) => o.language === 'ru');
    expect(share(year, (o) => o.language === 'ky')).toBeGreaterThan(0.7);
    expect(russianIn('Bishkek city')).toBeGreaterThan(0.38);
    expect(russianIn('Chuy')).toBeGreaterThan(0.28);
    expect(russianIn('Naryn')).toBeLessThan(0.08);
  });

  it('issues more orders in the evening and at weekends', () => {
    const evening = share(year, (o) => localHour(o) >= 18);
    const morning = share(year, (o) => localHour(o) >= 6 && localHour(o) < 12);
    expect(evening).toBeGreaterThan(2 * morning);
    const perDay = (days: number[]) => share(year, (o) => days.includes(localWeekday(o))) / days.length;
    expect(perDay([6, 7])).toBeGreaterThan(1.2 * perDay([1, 2, 3, 4, 5]));
  });

  it('gives most orders 30 days and some less, expiring that many days after issue', () => {
    expect(Math.abs(share(year, (o) => o.lengthDays === 30) - 0.88)).toBeLessThan(0.015);
    expect(year.every((o) => o.lengthDays >= 14 && o.lengthDays <= 30)).toBe(true);
    for (const o of year) expect(o.expiresAt.getTime() - o.issuedAt.getTime()).toBe(o.lengthDays * 86_400_000);
  });

  it('grows through the year', () => {
    const firstQuarter = share(year, (o) => o.issuedAt < bishkekInstant('2027-04-01'));
    const lastQuarter = share(year, (o) => o.issuedAt >= bishkekInstant('2027-10-01'));
    expect(lastQuarter).toBeGreaterThan(firstQuarter * 1.15);
  });
});

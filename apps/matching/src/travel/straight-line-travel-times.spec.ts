import { bishkekInstant } from '../capacity/bishkek-time';
import { haversineKm } from './geo';
import { settlementByCode } from './kg-gazetteer';
import { StraightLineTravelTimes } from './straight-line-travel-times';

describe('haversineKm', () => {
  it('measures Bishkek to Osh at about 300 km as the crow flies', () => {
    const km = haversineKm(settlementByCode('bishkek'), settlementByCode('osh'));
    expect(km).toBeGreaterThan(290);
    expect(km).toBeLessThan(310);
  });

  it('is zero at one point and symmetric', () => {
    const a = settlementByCode('naryn');
    const b = settlementByCode('karakol');
    expect(haversineKm(a, a)).toBe(0);
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a));
  });
});

describe('StraightLineTravelTimes', () => {
  const when = bishkekInstant('2026-12-07T09:00');

  it('drives the straight line times 1.4 at 50 km/h by default', async () => {
    const a = settlementByCode('bishkek');
    const b = settlementByCode('tokmok');
    const [estimate] = await new StraightLineTravelTimes().estimate(a, [b], when);
    const km = haversineKm(a, b) * 1.4;
    expect(estimate).toEqual({ km: expect.closeTo(km, 6), minutes: expect.closeTo((km / 50) * 60, 6), source: 'straight-line' });
  });

  it('always answers, even far outside the country', async () => {
    const far = { lat: 55.75, lng: 37.62 };
    const answers = await new StraightLineTravelTimes({ detourFactor: 1.2, speedKmh: 80 }).estimate(
      settlementByCode('osh'),
      [far, settlementByCode('osh')],
      when,
    );
    expect(answers.every((a) => a !== null)).toBe(true);
    expect(answers[1]?.minutes).toBe(0);
  });

  it('rejects a detour factor below 1', () => {
    expect(() => new StraightLineTravelTimes({ detourFactor: 0.5 })).toThrow(RangeError);
  });
});

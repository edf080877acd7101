import { haversineKm } from './geo';
import { KG_SETTLEMENTS, isSettlementCode, settlementByCode } from './kg-gazetteer';
import { KG_ROADS, parseClosedMonths } from './kg-roads';

describe('Kyrgyz gazetteer and road links', () => {
  it('has unique settlement codes inside Kyrgyzstan', () => {
    const codes = KG_SETTLEMENTS.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBe(31);
    for (const s of KG_SETTLEMENTS) {
      expect(s.lat).toBeGreaterThan(39);
      expect(s.lat).toBeLessThan(43.5);
      expect(s.lng).toBeGreaterThan(69);
      expect(s.lng).toBeLessThan(80.5);
    }
    expect(settlementByCode('naryn').nameKy).toBe('Нарын');
    expect(settlementByCode('uzgen').nameRu).toBe('Узген');
  });

  it('links only known settlements with positive distances', () => {
    expect(KG_ROADS.length).toBe(34);
    for (const road of KG_ROADS) {
      expect(isSettlementCode(road.from)).toBe(true);
      expect(isSettlementCode(road.to)).toBe(true);
      expect(road.km).toBeGreaterThan(0);
    }
  });

  it('never has a road shorter than the straight line by more than the stated ±10%', () => {
    for (const road of KG_ROADS) {
      const straight = haversineKm(settlementByCode(road.from), settlementByCode(road.to));
      expect(road.km).toBeGreaterThan(straight * 0.9);
    }
  });

  it.each([
    ['Nov-Apr', [11, 12, 1, 2, 3, 4]],
    ['Dec-Feb', [12, 1, 2]],
    ['Jun-Aug', [6, 7, 8]],
    ['Jan', [1]],
    ['', []],
  ])('reads the closure season %p', (season, months) => {
    expect(parseClosedMonths(season)).toEqual(months);
  });

  it('rejects a closure season it cannot read', () => {
    expect(() => parseClosedMonths('winter')).toThrow(RangeError);
  });

  it('closes the two Kazarman mountain roads and the Suusamyr-Chaek track in winter', () => {
    const closed = KG_ROADS.filter((r) => r.closedMonths.length > 0).map((r) => `${r.from}-${r.to}`);
    expect(closed.sort()).toEqual(['kazarman-jalal-abad', 'naryn-kazarman', 'suusamyr-chaek']);
  });
});

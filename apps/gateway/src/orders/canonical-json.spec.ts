import { canonicalHash } from './canonical-json';

const order = {
  orderNumber: 'B-1',
  issuingUnit: 'Октябрь РИИБ',
  skipped: undefined,
  perpetrator: { fullName: 'Бенчмарк "Катышуучу"', birthYear: 1990, location: { settlementCode: 'naryn', lat: undefined } },
  list: [1, 'b', null, { z: 1, a: [true, false] }],
  Zeta: 0,
  alpha: -1.5,
};

describe('the canonical hash of an order', () => {
  it('stays the hash already stored with registered orders', () => {
    expect(canonicalHash(order)).toBe('e40358a54704300310bd9b4f18c95882002309e7262c157b9113822b617982d2');
  });

  it('does not depend on the order of the keys, and skips absent fields', () => {
    const reordered = {
      alpha: -1.5,
      list: [1, 'b', null, { a: [true, false], z: 1 }],
      perpetrator: { location: { settlementCode: 'naryn' }, birthYear: 1990, fullName: 'Бенчмарк "Катышуучу"' },
      Zeta: 0,
      issuingUnit: 'Октябрь РИИБ',
      orderNumber: 'B-1',
    };
    expect(canonicalHash(reordered)).toBe(canonicalHash(order));
  });

  it('tells other content apart', () => {
    expect(canonicalHash({ ...order, list: [1, 'b', null] })).not.toBe(canonicalHash(order));
    expect(canonicalHash({ a: '1' })).not.toBe(canonicalHash({ a: 1 }));
  });
});

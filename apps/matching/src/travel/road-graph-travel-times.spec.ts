import fc from 'fast-check';
import { bishkekInstant } from '../capacity/bishkek-time';
import { FallbackTravelTimes } from './fallback-travel-times';
import { GeoPoint, haversineKm } from './geo';
import { KG_SETTLEMENTS, SettlementCode, settlementByCode } from './kg-gazetteer';
import { RoadGraphTravelTimes } from './road-graph-travel-times';
import { StraightLineTravelTimes } from './straight-line-travel-times';

const JULY = bishkekInstant('2026-07-15T10:00');
const JANUARY = bishkekInstant('2027-01-15T10:00');
const at = (code: SettlementCode): GeoPoint => settlementByCode(code);

/** Cities with a crisis centre in the demo directory. */
const CENTRE_CITIES: SettlementCode[] = ['bishkek', 'osh', 'jalal-abad', 'naryn', 'karakol', 'batken', 'talas'];

async function nearest(provider: { estimate: RoadGraphTravelTimes['estimate'] }, origin: SettlementCode, when: Date) {
  const estimates = await provider.estimate(at(origin), CENTRE_CITIES.map(at), when);
  return CENTRE_CITIES.map((city, i) => ({ city, minutes: estimates[i]?.minutes ?? Infinity })).sort(
    (a, b) => a.minutes - b.minutes,
  )[0].city;
}

describe('RoadGraphTravelTimes', () => {
  const graph = new RoadGraphTravelTimes();

  it('reaches Naryn from Bishkek in about 300 km, through Kochkor', () => {
    const route = graph.routeBetween('bishkek', 'naryn', JULY);
    expect(route?.via).toEqual(['bishkek', 'kant', 'tokmok', 'kemin', 'balykchy', 'kochkor', 'naryn']);
    expect(route?.km).toBe(350);
    expect(route?.minutes).toBeCloseTo(350); // all highway at 60 km/h
  });

  it('reaches Osh from Bishkek in about 600 km over the Suusamyr and Toktogul passes', () => {
    const route = graph.routeBetween('bishkek', 'osh', JULY);
    expect(route?.km).toBeGreaterThan(550);
    expect(route?.km).toBeLessThan(700);
    expect(route?.via).toEqual(['bishkek', 'suusamyr', 'toktogul', 'tash-komur', 'jalal-abad', 'osh']);
    // The straight line is less than half of it.
    expect(haversineKm(at('bishkek'), at('osh'))).toBeLessThan(route!.km / 2);
  });

  it('prices road classes by their speed', () => {
    expect(graph.routeBetween('kochkor', 'chaek', JULY)?.minutes).toBeCloseTo((125 / 45) * 60); // regional
    expect(graph.routeBetween('naryn', 'kazarman', JULY)?.minutes).toBeCloseTo((220 / 30) * 60); // unpaved
  });

  it('closes Naryn-Kazarman in winter, leaving Kazarman cut off', async () => {
    expect(graph.routeBetween('naryn', 'kazarman', JULY)?.km).toBe(220);
    expect(graph.routeBetween('naryn', 'kazarman', JANUARY)).toBeNull();
    const [winter] = await graph.estimate(at('naryn'), [at('kazarman')], JANUARY);
    expect(winter).toBeNull();
  });

  it('decides the season on the Bishkek calendar', () => {
    // 31 October 23:00 in Bishkek is still open; 1 November 01:00 is closed, though both are 31 Oct UTC.
    expect(graph.routeBetween('naryn', 'kazarman', new Date('2026-10-31T17:00:00Z'))).not.toBeNull();
    expect(graph.routeBetween('naryn', 'kazarman', new Date('2026-10-31T19:00:00Z'))).toBeNull();
  });

  it('keeps the main roads open in winter', () => {
    expect(graph.routeBetween('bishkek', 'osh', JANUARY)?.km).toBe(640);
    expect(graph.routeBetween('chaek', 'naryn', JANUARY)?.via).toEqual(['chaek', 'kochkor', 'naryn']);
  });

  it.each([
    // Chaek: Bishkek is 105 km away as the crow flies, but the road runs back through Kochkor.
    ['chaek', 'bishkek', 'naryn'],
    // Toktogul: Talas is just across the Talas range, Jalal-Abad is closer by road.
    ['toktogul', 'talas', 'jalal-abad'],
  ] as Array<[SettlementCode, SettlementCode, SettlementCode]>)(
    'from %s the straight-line nearest centre city (%s) is not the nearest by road (%s)',
    async (origin, byStraightLine, byRoad) => {
      expect(await nearest(new StraightLineTravelTimes(), origin, JULY)).toBe(byStraightLine);
      expect(await nearest(graph, origin, JULY)).toBe(byRoad);
      expect(await nearest(graph, origin, JANUARY)).toBe(byRoad);
    },
  );

  it('adds the local access legs at 40 km/h with the detour factor', async () => {
    const nearNaryn = { lat: at('naryn').lat + 0.09, lng: at('naryn').lng }; // about 10 km north
    const access = haversineKm(nearNaryn, at('naryn')) * 1.4;
    const [estimate] = await graph.estimate(nearNaryn, [at('kochkor')], JULY);
    expect(estimate?.source).toBe('road-graph');
    expect(estimate?.km).toBeCloseTo(110 + access);
    expect(estimate?.minutes).toBeCloseTo(110 + (access / 40) * 60);
  });

  it('drives directly between two points hanging off the same settlement', async () => {
    const east = { lat: at('bishkek').lat, lng: at('bishkek').lng + 0.1 };
    const west = { lat: at('bishkek').lat, lng: at('bishkek').lng - 0.1 };
    const [estimate] = await graph.estimate(east, [west], JULY);
    expect(estimate?.km).toBeCloseTo(haversineKm(east, west) * 1.4);
  });

  it('has no answer for points farther than the snap limit from every settlement', async () => {
    const almaty = { lat: 43.238, lng: 76.889 };
    expect(await graph.estimate(almaty, [at('bishkek')], JULY)).toEqual([null]);
    expect(await graph.estimate(at('bishkek'), [almaty, at('kant')], JULY)).toEqual([
      null,
      expect.objectContaining({ km: 25 }),
    ]);
    const generous = new RoadGraphTravelTimes({ maxSnapKm: 150 });
    expect((await generous.estimate(almaty, [at('bishkek')], JULY))[0]).not.toBeNull();
  });

  it('accepts its own settlements and roads', () => {
    const line = new RoadGraphTravelTimes({
      settlements: [
        { code: 'a', lat: 42, lng: 74 },
        { code: 'b', lat: 42, lng: 75 },
        { code: 'c', lat: 42, lng: 76 },
      ],
      roads: [
        { from: 'a', to: 'b', km: 90, roadClass: 'highway', closedMonths: [] },
        { from: 'b', to: 'c', km: 90, roadClass: 'unpaved', closedMonths: [7] },
      ],
    });
    expect(line.routeBetween('a', 'c', bishkekInstant('2026-06-01'))?.minutes).toBeCloseTo(90 + 180);
    expect(line.routeBetween('a', 'c', JULY)).toBeNull();
    expect(() => line.routeBetween('a', 'x', JULY)).toThrow(RangeError);
  });

  describe('properties over all settlements and months', () => {
    const code = fc.constantFrom(...KG_SETTLEMENTS.map((s) => s.code));
    const month = fc.integer({ min: 1, max: 12 }).map((m) => bishkekInstant(`2026-${String(m).padStart(2, '0')}-10`));

    it('is symmetric', () => {
      fc.assert(
        fc.property(code, code, month, (a, b, when) => {
          const there = graph.routeBetween(a, b, when);
          const back = graph.routeBetween(b, a, when);
          if (there === null) expect(back).toBeNull();
          else expect(back?.minutes).toBeCloseTo(there.minutes);
        }),
      );
    });

    it('satisfies the triangle inequality', () => {
      fc.assert(
        fc.property(code, code, code, month, (a, b, c, when) => {
          const ab = graph.routeBetween(a, b, when);
          const bc = graph.routeBetween(b, c, when);
          const ac = graph.routeBetween(a, c, when);
          if (ab && bc) expect(ac!.minutes).toBeLessThanOrEqual(ab.minutes + bc.minutes + 1e-9);
        }),
      );
    });

    it('is never faster in winter than in summer', () => {
      fc.assert(
        fc.property(code, code, (a, b) => {
          const summer = graph.routeBetween(a, b, JULY);
          const winter = graph.routeBetween(a, b, JANUARY);
          expect(summer).not.toBeNull();
          if (winter) expect(winter.minutes).toBeGreaterThanOrEqual(summer!.minutes - 1e-9);
        }),
      );
    });
  });

  it('leaves a winter-isolated origin to the next provider in a fallback chain', async () => {
    const chain = new FallbackTravelTimes([graph, new StraightLineTravelTimes()]);
    const [summer] = await chain.estimate(at('kazarman'), [at('naryn')], JULY);
    const [winter] = await chain.estimate(at('kazarman'), [at('naryn')], JANUARY);
    expect(summer?.source).toBe('road-graph');
    expect(winter?.source).toBe('straight-line');
  });
});

import fc from 'fast-check';
import { DEMO_DIRECTORY } from '../../apps/matching/src/directory/demo/demo-directory';
import { bishkekInstant } from '../../apps/matching/src/capacity/bishkek-time';
import { KG_SETTLEMENTS } from '../../apps/matching/src/travel/kg-gazetteer';
import { StraightLineTravelTimes } from '../../apps/matching/src/travel/straight-line-travel-times';
import { CentreTravel, directRoadGraph } from './travel';

describe('CentreTravel', () => {
  it('gives what the road graph gives asked order by order, straight line where it has no route', () => {
    const cached = new CentreTravel(DEMO_DIRECTORY);
    const roadGraph = directRoadGraph();
    const straightLine = new StraightLineTravelTimes();
    const point = fc.record({
      settlement: fc.integer({ min: 0, max: KG_SETTLEMENTS.length - 1 }),
      dLat: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
      dLng: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
      month: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(point, ({ settlement, dLat, dLng, month }) => {
        const origin = { lat: KG_SETTLEMENTS[settlement].lat + dLat, lng: KG_SETTLEMENTS[settlement].lng + dLng };
        const at = bishkekInstant(`2027-${String(month).padStart(2, '0')}-15T12:00`);
        const { travel, straight } = cached.forOrder(origin, at);
        const direct = roadGraph.estimateNow(origin, DEMO_DIRECTORY, at);
        DEMO_DIRECTORY.forEach((centre, i) => {
          const expected = direct[i] ?? straightLine.between(origin, centre);
          expect(travel[i].source).toBe(expected.source);
          expect(travel[i].minutes).toBeCloseTo(expected.minutes, 9);
          expect(travel[i].km).toBeCloseTo(expected.km, 9);
          expect(straight[i]).toEqual(straightLine.between(origin, centre));
        });
      }),
      { numRuns: 400 },
    );
  });

  it('falls back to the straight line when winter closes the only road (Kazarman)', () => {
    const kazarman = KG_SETTLEMENTS.find((s) => s.code === 'kazarman')!;
    const travel = new CentreTravel(DEMO_DIRECTORY);
    const january = travel.forOrder(kazarman, bishkekInstant('2027-01-15'));
    const july = travel.forOrder(kazarman, bishkekInstant('2027-07-15'));
    const naryn = DEMO_DIRECTORY.findIndex((c) => c.id === 'naryn-asylzat');
    expect(january.travel[naryn].source).toBe('straight-line');
    expect(july.travel[naryn].source).toBe('road-graph');
  });
});

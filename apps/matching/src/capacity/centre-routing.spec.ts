import { DEMO_DIRECTORY, DirectoryCentre, demoCentreCapacity } from '../directory/demo/demo-directory';
import { bishkekInstant } from './bishkek-time';
import { assessFeasibility } from './feasibility';
import { ProgrammeRequest } from './capacity-types';
import { rankCentres } from './ranking';
import { FallbackTravelTimes } from '../travel/fallback-travel-times';
import type { GeoPoint } from '../travel/geo';
import { SettlementCode, settlementByCode } from '../travel/kg-gazetteer';
import { RoadGraphTravelTimes } from '../travel/road-graph-travel-times';
import { StraightLineTravelTimes } from '../travel/straight-line-travel-times';
import type { TravelTimeProvider } from '../travel/travel-time';

/** The three parts together: travel to every centre, feasibility at each, ranking. */
async function ranked(
  travel: TravelTimeProvider,
  origin: GeoPoint,
  request: ProgrammeRequest,
  options: { exclude?: Set<string>; centres?: readonly DirectoryCentre[] } = {},
) {
  const centres = options.centres ?? DEMO_DIRECTORY;
  const estimates = await travel.estimate(origin, centres.map((c) => ({ lat: c.lat, lng: c.lng })), request.notBefore);
  const candidates = centres.map((c, i) => ({
    centreId: c.id,
    travel: estimates[i],
    verdict: assessFeasibility(demoCentreCapacity(c), request),
    activeReferrals: 0,
  }));
  return rankCentres(candidates, options.exclude);
}

const request = (overrides: Partial<ProgrammeRequest> = {}): ProgrammeRequest => ({
  participantSex: 'male',
  language: 'ky',
  notBefore: bishkekInstant('2026-12-07T09:00'),
  mustFinishBy: bishkekInstant('2027-01-06T18:00'),
  ...overrides,
});
const near = (code: SettlementCode, dLat = 0.05): GeoPoint => ({
  lat: settlementByCode(code).lat + dLat,
  lng: settlementByCode(code).lng,
});

describe('routing a protection order to the nearest centre that can deliver in time', () => {
  const roads = new RoadGraphTravelTimes();
  const straight = new StraightLineTravelTimes();

  it('sends a man from a village by Chaek to Naryn, not to Bishkek across the range', async () => {
    const byLine = await ranked(straight, near('chaek'), request());
    const byRoad = await ranked(roads, near('chaek'), request());
    expect(byLine[0].centreId).toMatch(/^bishkek-/);
    expect(byRoad[0].centreId).toMatch(/^naryn-/);
    expect(byRoad[0].travel.source).toBe('road-graph');
    // The three Naryn centres are equally far. Each puts the group sessions in its weekly men's slot: Tendesh
    // (Wednesday slot) can start on Monday, Asylzat (Thursday) on Thursday, Pir Solomon (Friday) on Friday.
    expect(byRoad.slice(0, 3).map((r) => r.centreId)).toEqual(['naryn-tendesh', 'naryn-asylzat', 'naryn-pir-solomon']);
  });

  it('sends a man from Toktogul to Bishkek by the highway, not to Talas over the pass', async () => {
    expect((await ranked(straight, settlementByCode('toktogul'), request()))[0].centreId).toBe('talas-demo');
    expect((await ranked(roads, settlementByCode('toktogul'), request()))[0].centreId).toMatch(/^bishkek-/);
  });

  it('passes over a nearer centre with no male facilitator', async () => {
    const fromKarakol = await ranked(roads, settlementByCode('karakol'), request());
    expect(fromKarakol[0].centreId).toBe('karakol-meerman');
    expect(fromKarakol.map((r) => r.centreId)).not.toContain('karakol-ayalzat');
    // Every session needs a man and a woman, so a women-only centre cannot take a woman either.
    const forWoman = await ranked(roads, settlementByCode('karakol'), request({ participantSex: 'female' }));
    expect(forWoman[0].centreId).toBe('karakol-meerman');
    expect(forWoman.map((r) => r.centreId)).not.toContain('karakol-ayalzat');
  });

  it('moves on to the next centre when the nearest ones are excluded', async () => {
    const next = await ranked(roads, near('chaek'), request(), {
      exclude: new Set(['naryn-asylzat', 'naryn-pir-solomon', 'naryn-tendesh']),
    });
    expect(next[0].centreId).toMatch(/^bishkek-/);
  });

  it('falls back to the straight line for a village cut off by winter', async () => {
    const chain = new FallbackTravelTimes([roads, straight]);
    const winter = request({
      notBefore: bishkekInstant('2027-01-11T09:00'),
      mustFinishBy: bishkekInstant('2027-02-10T18:00'),
    });
    const fromKazarman = await ranked(chain, settlementByCode('kazarman'), winter);
    expect(fromKazarman.length).toBeGreaterThan(0);
    expect(fromKazarman.every((r) => r.travel.source === 'straight-line')).toBe(true);
    const july = request({
      notBefore: bishkekInstant('2026-07-06T09:00'),
      mustFinishBy: bishkekInstant('2026-08-05T18:00'),
    });
    const summer = await ranked(chain, settlementByCode('kazarman'), july);
    expect(summer[0]).toMatchObject({ centreId: expect.stringMatching(/^naryn-/), travel: { source: 'road-graph' } });
  });
});

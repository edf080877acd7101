import { FallbackTravelTimes } from './fallback-travel-times';
import type { GeoPoint } from './geo';
import type { TravelEstimate, TravelSource, TravelTimeProvider } from './travel-time';

/** Answers only for destinations whose latitude it knows; records what it was asked. */
class FixedAnswers implements TravelTimeProvider {
  readonly asked: GeoPoint[][] = [];
  constructor(
    readonly source: TravelSource,
    private readonly minutesByLat: Record<number, number>,
    private readonly fails = false,
  ) {}

  async estimate(_origin: GeoPoint, destinations: GeoPoint[]): Promise<Array<TravelEstimate | null>> {
    this.asked.push(destinations);
    if (this.fails) throw new Error('down');
    return destinations.map((d) =>
      d.lat in this.minutesByLat ? { minutes: this.minutesByLat[d.lat], km: 1, source: this.source } : null,
    );
  }
}

const origin = { lat: 0, lng: 0 };
const points = [1, 2, 3].map((lat) => ({ lat, lng: 0 }));
const when = new Date('2026-12-07T03:00:00Z');

describe('FallbackTravelTimes', () => {
  it('keeps the first non-null answer per destination and asks later providers only about the rest', async () => {
    const osrm = new FixedAnswers('osrm', { 1: 10 });
    const graph = new FixedAnswers('road-graph', { 1: 99, 2: 20 });
    const line = new FixedAnswers('straight-line', { 1: 98, 2: 97, 3: 30 });
    const answers = await new FallbackTravelTimes([osrm, graph, line]).estimate(origin, points, when);
    expect(answers.map((a) => [a?.source, a?.minutes])).toEqual([
      ['osrm', 10],
      ['road-graph', 20],
      ['straight-line', 30],
    ]);
    expect(graph.asked).toEqual([[points[1], points[2]]]);
    expect(line.asked).toEqual([[points[2]]]);
  });

  it('stops asking once everything is answered', async () => {
    const first = new FixedAnswers('osrm', { 1: 1, 2: 2, 3: 3 });
    const second = new FixedAnswers('straight-line', {});
    await new FallbackTravelTimes([first, second]).estimate(origin, points, when);
    expect(second.asked).toEqual([]);
  });

  it('skips a provider that throws', async () => {
    const broken = new FixedAnswers('osrm', {}, true);
    const line = new FixedAnswers('straight-line', { 1: 5, 2: 5, 3: 5 });
    const answers = await new FallbackTravelTimes([broken, line]).estimate(origin, points, when);
    expect(answers.every((a) => a?.source === 'straight-line')).toBe(true);
  });

  it('leaves null where no provider answers', async () => {
    const answers = await new FallbackTravelTimes([new FixedAnswers('road-graph', { 2: 7 })]).estimate(
      origin,
      points,
      when,
    );
    expect(answers.map((a) => a?.minutes ?? null)).toEqual([null, 7, null]);
  });

  it('reports the primary provider as its source and needs at least one', () => {
    expect(new FallbackTravelTimes([new FixedAnswers('osrm', {})]).source).toBe('osrm');
    expect(() => new FallbackTravelTimes([])).toThrow(RangeError);
  });
});

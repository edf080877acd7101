import type { GeoPoint } from './geo';
import type { TravelEstimate, TravelSource, TravelTimeProvider } from './travel-time';

/**
 * Asks providers in order and keeps, per destination, the first non-null answer; later providers
 * are only asked about what is still unanswered. Each estimate keeps the source that produced it.
 */
export class FallbackTravelTimes implements TravelTimeProvider {
  readonly source: TravelSource;
  private readonly providers: readonly TravelTimeProvider[];

  constructor(providers: readonly TravelTimeProvider[]) {
    if (providers.length === 0) throw new RangeError('at least one travel time provider is needed');
    this.providers = [...providers];
    this.source = providers[0].source;
  }

  async estimate(origin: GeoPoint, destinations: GeoPoint[], at: Date): Promise<Array<TravelEstimate | null>> {
    const answers: Array<TravelEstimate | null> = destinations.map(() => null);
    let open = destinations.map((_, i) => i);
    for (const provider of this.providers) {
      if (open.length === 0) break;
      let partial: Array<TravelEstimate | null>;
      try {
        partial = await provider.estimate(origin, open.map((i) => destinations[i]), at);
      } catch {
        // A failing provider must not hide the answers of the next one.
        continue;
      }
      open.forEach((destinationIndex, k) => {
        answers[destinationIndex] = partial[k] ?? null;
      });
      open = open.filter((i) => answers[i] === null);
    }
    return answers;
  }
}

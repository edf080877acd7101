/** Where every service reads the time, so deadlines can be tested by moving a clock instead of waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The same calendar instant `years` earlier (a retention cutoff); 29 February falls to 1 March. */
export function yearsBefore(instant: Date, years: number): Date {
  const earlier = new Date(instant);
  earlier.setUTCFullYear(earlier.getUTCFullYear() - years);
  return earlier;
}

/** A clock that runs with the system clock from a chosen instant; tests move it forward or back. */
export class SettableClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly source: Clock = systemClock) {}

  now(): Date {
    return new Date(this.source.now().getTime() + this.offsetMs);
  }

  set(instant: Date): void {
    this.offsetMs = instant.getTime() - this.source.now().getTime();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

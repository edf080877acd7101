/** Seeded pseudo-random numbers, so a run with the same seed gives the same year. */

/** mulberry32: small, fast and good enough for simulation draws. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Index drawn in proportion to the weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
}

/**
 * Uniform in [0, 1) from a seed and a few integers, independent of draw order: a centre's answer to an
 * order is the same whichever policy proposes it and whenever.
 */
export function hashUniform(seed: number, a: number, b: number, salt: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const v of [a, b, salt]) {
    h = Math.imul(h ^ (v >>> 0), 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
  }
  // One more mulberry round spreads the low bits.
  return new Random(h).next();
}

// Seeded sampling helpers for the generator: the same seed always gives the same organization.
import { seededRandom, type Random } from '../../src/sandbox/prng.js';

export { seededRandom, type Random };

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

/** An integer in [min, max]. */
export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/**
 * Zipf-like popularity over `count` items (item i has weight 1/(i+1)^exponent): a few
 * permission sets (ReadOnly, Developer, ...) are everywhere, most are used in a few accounts,
 * which is what real organizations look like.
 */
export class WeightedIndex {
  private readonly cumulative: number[] = [];

  constructor(count: number, exponent: number) {
    let total = 0;
    for (let i = 0; i < count; i++) this.cumulative.push((total += 1 / Math.pow(i + 1, exponent)));
  }

  draw(random: Random): number {
    const target = random() * (this.cumulative[this.cumulative.length - 1] ?? 0);
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** `k` distinct indexes (k must not exceed the count). */
  drawDistinct(random: Random, k: number): number[] {
    const chosen = new Set<number>();
    while (chosen.size < k) chosen.add(this.draw(random));
    return [...chosen];
  }
}

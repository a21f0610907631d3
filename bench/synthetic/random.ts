/**
 * Seeded randomness for the synthetic knowledge generator: the same seed gives the same numbers on every machine
 * and Node version (no Math.random), which is what makes the generated files byte-identical run after run.
 */

/** Mixes integers into one 32-bit seed (murmur3's finaliser per part), so nearby inputs give unrelated streams. */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** mulberry32: tiny and fast, and plenty random for benchmark data. */
export class Rng {
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

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

/** A weighted choice, with the cumulative weights computed once (it is drawn from millions of times). */
export class Weighted<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(choices: readonly (readonly [T, number])[]) {
    this.items = choices.map(([item]) => item);
    let sum = 0;
    this.cumulative = choices.map(([, weight]) => (sum += weight));
    this.total = sum;
    if (this.items.length === 0 || sum <= 0) throw new Error('a weighted choice needs a positive weight');
  }

  pick(rng: Rng): T {
    const target = rng.next() * this.total;
    let i = 0;
    while (i < this.cumulative.length - 1 && this.cumulative[i]! <= target) i++;
    return this.items[i]!;
  }
}

/**
 * A rank in [0, n) drawn from a power law P(rank) ~ 1 / (rank + 1)^s, by inverting the continuous CDF on
 * [1, n + 1): O(1) per draw, no table. Rank 0 is the heaviest hub.
 */
export function zipfRank(rng: Rng, n: number, s: number): number {
  const u = rng.next();
  const x = Math.abs(s - 1) < 1e-9 ? Math.exp(u * Math.log(n + 1)) : Math.pow(1 + u * (Math.pow(n + 1, 1 - s) - 1), 1 / (1 - s));
  return Math.min(n - 1, Math.max(0, Math.floor(x) - 1));
}

/**
 * Deterministic randomness. Everything the simulator invents is a pure function of the seed and
 * of stable coordinates (function key, hour, minute, …), so history can be recomputed lazily at
 * any time instead of being stored.
 */

function avalanche(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of up to four integers; fixed arity so hot loops do not allocate. */
export function hashInts(a: number, b = 0, c = 0, d = 0): number {
  let h = avalanche(a ^ 0x9e3779b9);
  h = avalanche(h ^ Math.imul(b | 0, 0x27d4eb2f));
  h = avalanche(h ^ Math.imul(c | 0, 0x165667b1));
  h = avalanche(h ^ Math.imul(d | 0, 0x61c88647));
  return h;
}

export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return avalanche(h);
}

/** Uniform in [0, 1) from integer coordinates. */
export function unitFloat(a: number, b = 0, c = 0, d = 0): number {
  return hashInts(a, b, c, d) / 4294967296;
}

/** `length` lowercase hex characters derived from the coordinates. */
export function hexFrom(length: number, a: number, b = 0, c = 0): string {
  let out = "";
  for (let block = 0; out.length < length; block++) {
    out += hashInts(a, b, c, block + 1)
      .toString(16)
      .padStart(8, "0");
  }
  return out.slice(0, length);
}

export interface Rng {
  next(): number;
  int(min: number, maxInclusive: number): number;
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  logNormal(median: number, sigma: number): number;
}

/** Sequential PRNG (mulberry32) for building the fleet in one pass. */
export function createRng(seed: number): Rng {
  let state = hashInts(seed, 0x5eed) | 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (min, maxInclusive) => min + Math.floor(next() * (maxInclusive - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      const last = entries[entries.length - 1];
      if (last === undefined) throw new Error("weighted pick from an empty list");
      return last[0];
    },
    logNormal: (median, sigma) => median * Math.exp(sigma * standardNormalFromUnit(next())),
  };
  return rng;
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

/** A standard normal draw read off a uniform one (tails clipped so it stays finite). */
export function standardNormalFromUnit(u: number): number {
  return normalQuantile(Math.min(0.999999, Math.max(0.000001, u)));
}

/** Standard normal CDF (Zelen & Severo, |error| < 7.5e-8). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const density = Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  const tail =
    density * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - tail : tail;
}

/** A Poisson draw with mean `mean`, read off the inverse CDF at `u` so it stays deterministic. */
export function poissonFromUnit(mean: number, u: number): number {
  if (mean <= 0) return 0;
  if (mean > 60) {
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormalFromUnit(u)));
  }
  let k = 0;
  let probability = Math.exp(-mean);
  let cumulative = probability;
  while (u > cumulative && k < 1000) {
    k++;
    probability *= mean / k;
    cumulative += probability;
  }
  return k;
}

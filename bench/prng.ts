// Seeded PRNG (mulberry32) and the random helpers the benchmark generator draws everything from.

const HEX = '0123456789abcdef';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = ALNUM + '-_';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** murmur3's 32-bit finaliser: a bijection on uint32, used to make per-index values unique. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a hash of a string, to derive independent sub-seeds from labels. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A weighted choice table built once, sampled in O(log n). */
export interface WeightedTable<T> {
  items: readonly T[];
  cumulative: Float64Array;
}

/** Builds a {@link WeightedTable} from `[item, weight]` pairs (weights need not sum to 1). */
export function weighted<T>(pairs: readonly (readonly [T, number])[]): WeightedTable<T> {
  const cumulative = new Float64Array(pairs.length);
  let sum = 0;
  pairs.forEach(([, w], i) => {
    sum += w;
    cumulative[i] = sum;
  });
  for (let i = 0; i < cumulative.length; i++) cumulative[i] = cumulative[i]! / sum;
  return { items: pairs.map(([item]) => item), cumulative };
}

/** Deterministic random source: the same seed always yields the same sequence. */
export class Rng {
  private state: number;
  /** The seed this generator was created with. */
  readonly seed: number;

  constructor(seed: number) {
    this.seed = seed >>> 0;
    this.state = this.seed;
  }

  /** An independent generator whose seed depends on this one's seed and `label` only. */
  fork(label: string): Rng {
    return new Rng(fmix32(this.seed ^ hashString(label)) ^ hashString(`${label}#${this.seed}`));
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform uint32 (mulberry32 step). */
  u32(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** Uniform float in [lo, hi). */
  float(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An element of a {@link WeightedTable}, drawn by weight. */
  pickWeighted<T>(table: WeightedTable<T>): T {
    const x = this.next();
    const c = table.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return table.items[lo]!;
  }

  /** `n` lowercase hex digits. */
  hex(n: number): string {
    let out = '';
    while (out.length < n) {
      let v = this.u32();
      for (let i = 0; i < 8 && out.length < n; i++, v >>>= 4) out += HEX[v & 15]!;
    }
    return out;
  }

  /** `n` characters from `[A-Za-z0-9]` (Okta object ids). */
  alnum(n: number): string {
    return this.fromAlphabet(ALNUM, n);
  }

  /** `n` characters from `[a-z0-9]`. */
  lowerAlnum(n: number): string {
    return this.fromAlphabet(LOWER_ALNUM, n);
  }

  /** `n` characters from the URL-safe base64 alphabet (request ids, session ids). */
  b64url(n: number): string {
    return this.fromAlphabet(B64URL, n);
  }

  private fromAlphabet(alphabet: string, n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(this.next() * alphabet.length)]!;
    return out;
  }
}

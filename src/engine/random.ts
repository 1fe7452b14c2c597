// SPDX-License-Identifier: MIT
/**
 * Seeded, splittable pseudo-random numbers, reproducible bit for bit.
 *
 * - Generator: xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021),
 *   128-bit state, period 2^128 − 1, written with 32-bit integer arithmetic (`Math.imul`, shifts) only.
 * - Seeding and splitting: a stream is named by a 64-bit key. The root key is the seed (an integer in
 *   [0, 2^53)); `split(id)` derives a child key by hashing (parent key, id) with MurmurHash3's mixing, and the 128-bit
 *   state is four such hashes of the key. A child depends only on the parent's key and `id`, never on how many
 *   numbers the parent has drawn, so patient k of a cohort gets the same stream on any worker and in any order.
 * - `nextFloat()` has 53-bit resolution (two 32-bit outputs, like MT19937's genrand_res53), in [0, 1).
 * - Transcendental steps use `Math.log`/`Math.exp`/`Math.sqrt`; V8 implements them with fdlibm ports, so streams are
 *   identical across Node versions and platforms; another JavaScript engine could differ in the last bit of
 *   non-uniform variates (uniform integers and floats are exact everywhere).
 */
import { InvalidOptionError } from './errors.js';

const GOLDEN = 0x9e3779b9;
const TWO_32 = 4294967296;
const TWO_53 = 9007199254740992;
const TWO_26 = 67108864;
// Distinct hash seeds (digits of π) for the two key words and the four state words.
const KEY_SEEDS = [0x243f6a88, 0x85a308d3] as const;
const STATE_SEEDS = [0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0] as const;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
const POISSON_PTRS_MIN = 10;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** MurmurHash3's 32-bit finaliser: a bijection with full avalanche. */
function fmix32(h0: number): number {
  let h = h0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One MurmurHash3 block step: folds a 32-bit word into the running hash. */
function mixWord(h: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = rotl(k, 15);
  k = Math.imul(k, 0x1b873593);
  const g = rotl(h ^ k, 13);
  return (Math.imul(g, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3 (x86, 32-bit) of four words under `seed`. */
function hash4(seed: number, a: number, b: number, c: number, d: number): number {
  let h = seed | 0;
  h = mixWord(h, a);
  h = mixWord(h, b);
  h = mixWord(h, c);
  h = mixWord(h, d);
  return fmix32(h ^ 16);
}

/** Splits a non-negative safe integer into its low and high 32-bit words. */
function words(x: number): [number, number] {
  return [x >>> 0, Math.floor(x / TWO_32) >>> 0];
}

function requireSafeId(field: string, x: number): void {
  if (!Number.isSafeInteger(x) || x < 0) throw new InvalidOptionError(field, x, 'an integer in [0, 2^53)');
}

function requireFinite(field: string, x: number, allowed: string, ok: boolean): void {
  if (!Number.isFinite(x) || !ok) throw new InvalidOptionError(field, x, allowed);
}

/** log Γ(x) for x ≥ 1: recurrence up to 10, then Stirling's series (absolute error < 1e-13). */
function logGamma(x: number): number {
  let shift = 0;
  let z = x;
  while (z < 10) {
    shift += Math.log(z);
    z += 1;
  }
  const iz = 1 / z;
  const iz2 = iz * iz;
  const series = iz * (1 / 12 - iz2 * (1 / 360 - iz2 * (1 / 1260 - iz2 / 1680)));
  return (z - 0.5) * Math.log(z) - z + HALF_LOG_2PI + series - shift;
}

/**
 * A reproducible random stream. Not thread-safe by design: give each worker or patient its own `split`.
 * @example
 * const root = createRandom(42);
 * const patient7 = root.split(7); // same numbers on every worker
 * patient7.lognormal(0, 0.3);
 */
export class Random {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spare = 0;
  private hasSpare = false;
  /** The stream's 64-bit key (two 32-bit words); children are derived from it. */
  private readonly key0: number;
  private readonly key1: number;

  private constructor(key0: number, key1: number, state?: readonly [number, number, number, number]) {
    this.key0 = key0;
    this.key1 = key1;
    if (state)
      [this.s0, this.s1, this.s2, this.s3] = [state[0] | 0, state[1] | 0, state[2] | 0, state[3] | 0];
    else this.seedState();
  }

  /**
   * The root stream of a seed.
   * @param seed an integer in [0, 2^53).
   * @throws InvalidOptionError for a negative, fractional or unsafe seed.
   */
  static fromSeed(seed: number): Random {
    requireSafeId('seed', seed);
    const [lo, hi] = words(seed);
    return new Random(lo, hi);
  }

  /**
   * A generator with the raw xoshiro128** state (four 32-bit words, not all zero), for checks against the
   * reference C implementation. Its children derive from a hash of the state words.
   */
  static fromState(state: readonly [number, number, number, number]): Random {
    if (state.every((w) => w >>> 0 === 0)) throw new InvalidOptionError('state', state, 'not all zero');
    const [a, b, c, d] = state;
    return new Random(hash4(KEY_SEEDS[0], a, b, c, d), hash4(KEY_SEEDS[1], a, b, c, d), state);
  }

  /**
   * An independent child stream named `streamId` (e.g. a patient's index), derived from this stream's key only.
   * `r.split(3).split(5)` and `r.split(5).split(3)` differ.
   */
  split(streamId: number): Random {
    requireSafeId('streamId', streamId);
    const [lo, hi] = words(streamId);
    const { key0, key1 } = this;
    return new Random(hash4(KEY_SEEDS[0], key0, key1, lo, hi), hash4(KEY_SEEDS[1], key0, key1, lo, hi));
  }

  /** Next 32-bit unsigned integer (xoshiro128**). */
  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ t;
    this.s3 = rotl(s3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits (two 32-bit draws). */
  nextFloat(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * TWO_26 + b) / TWO_53;
  }

  /** Uniform integer in [0, n), without modulo bias; n an integer in [1, 2^32]. */
  nextInt(n: number): number {
    requireFinite('n', n, 'an integer in [1, 2^32]', Number.isInteger(n) && n >= 1 && n <= TWO_32);
    const limit = TWO_32 - (TWO_32 % n);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    requireFinite('max', max, `a finite number >= min = ${min}`, Number.isFinite(min) && max >= min);
    return min + (max - min) * this.nextFloat();
  }

  /** Normal with the given mean and standard deviation (Marsaglia's polar method; the second variate is cached). */
  normal(mean = 0, sd = 1): number {
    requireFinite('sd', sd, 'a finite number >= 0', sd >= 0);
    return mean + sd * this.standardNormal();
  }

  /** exp(N(mu, sigma²)): median e^mu, mean e^(mu + sigma²/2). */
  lognormal(mu: number, sigma: number): number {
    requireFinite('mu', mu, 'a finite number', true);
    requireFinite('sigma', sigma, 'a finite number >= 0', sigma >= 0);
    return Math.exp(mu + sigma * this.standardNormal());
  }

  /** Exponential with rate λ > 0 (mean 1/λ), by inversion. */
  exponential(rate: number): number {
    requireFinite('rate', rate, 'a finite number > 0', rate > 0);
    return -Math.log1p(-this.nextFloat()) / rate;
  }

  /**
   * Gamma with shape k > 0 and scale θ (mean kθ, variance kθ²), by Marsaglia & Tsang (ACM TOMS 2000); shape < 1 uses
   * their boost Γ(k) = Γ(k + 1)·U^(1/k).
   */
  gamma(shape: number, scale = 1): number {
    requireFinite('shape', shape, 'a finite number > 0', shape > 0);
    requireFinite('scale', scale, 'a finite number > 0', scale > 0);
    if (shape < 1) {
      const u = 1 - this.nextFloat();
      return this.marsagliaTsang(shape + 1) * Math.pow(u, 1 / shape) * scale;
    }
    return this.marsagliaTsang(shape) * scale;
  }

  /**
   * Poisson with mean λ ≥ 0: multiplication of uniforms (Knuth) below λ = 10, Hörmann's PTRS transformed rejection
   * (Insurance: Mathematics and Economics 1993) above.
   */
  poisson(lambda: number): number {
    requireFinite('lambda', lambda, 'a finite number >= 0', lambda >= 0);
    if (lambda === 0) return 0;
    return lambda < POISSON_PTRS_MIN ? this.poissonKnuth(lambda) : this.poissonPtrs(lambda);
  }

  private seedState(): void {
    const { key0, key1 } = this;
    this.s0 = hash4(STATE_SEEDS[0], key0, key1, 0, 0) | 0;
    this.s1 = hash4(STATE_SEEDS[1], key0, key1, 0, 0) | 0;
    this.s2 = hash4(STATE_SEEDS[2], key0, key1, 0, 0) | 0;
    this.s3 = hash4(STATE_SEEDS[3], key0, key1, 0, 0) | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = GOLDEN | 0;
  }

  private standardNormal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.nextFloat() - 1;
      v = 2 * this.nextFloat() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * m;
    this.hasSpare = true;
    return u * m;
  }

  private marsagliaTsang(shape: number): number {
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.standardNormal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.nextFloat();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  private poissonKnuth(lambda: number): number {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.nextFloat();
    while (p > limit) {
      k++;
      p *= this.nextFloat();
    }
    return k;
  }

  private poissonPtrs(lambda: number): number {
    const logLambda = Math.log(lambda);
    const b = 0.931 + 2.53 * Math.sqrt(lambda);
    const a = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.nextFloat() - 0.5;
      const v = this.nextFloat();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      const lhs = Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b);
      if (lhs <= -lambda + k * logLambda - logGamma(k + 1)) return k;
    }
  }
}

/**
 * The root random stream of a seed (same as `Random.fromSeed`).
 * @param seed an integer in [0, 2^53).
 */
export function createRandom(seed: number): Random {
  return Random.fromSeed(seed);
}

/**
 * A standard normal deviate from two draws of a bare uniform source on [0, 1) (Box–Muller, cosine branch), for
 * callers that hold a uniform stream rather than a {@link Random}. The one Box–Muller of the program: its draws are
 * part of the seeded streams of the GHRH pulse generator and the patient's random effects, so changing it changes
 * results.
 */
export function standardNormal(uniform: () => number): number {
  const u1 = Math.max(uniform(), Number.MIN_VALUE);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * uniform());
}

/**
 * A log-normal multiplier of mean 1 and coefficient of variation `cv` from a bare uniform source (one
 * {@link standardNormal} draw).
 * @example meanOneLognormal(0.2, Math.random) // ≈ 1 ± 0.2
 */
export function meanOneLognormal(cv: number, uniform: () => number): number {
  const sigma2 = Math.log(1 + cv * cv);
  return Math.exp(Math.sqrt(sigma2) * standardNormal(uniform) - sigma2 / 2);
}

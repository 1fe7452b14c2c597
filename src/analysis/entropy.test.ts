// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { approximateEntropy, entropyTolerance, sampleEntropy } from './entropy.js';

/** A small seeded uniform generator (mulberry32) for white noise. */
function noise(seed: number, n: number): number[] {
  let state = seed >>> 0;
  return Array.from({ length: n }, () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  });
}

describe('approximateEntropy', () => {
  it('matches the hand computation on x = [1, 2, 3, 1, 2, 4], m = 1, r = 0.5', () => {
    // Values are integers, so r = 0.5 means "equal".
    // m = 1: N − m + 1 = 6 templates 1,2,3,1,2,4; matches with self: 2,2,1,2,2,1 → C = [2,2,1,2,2,1]/6,
    //   Φ¹ = (4·ln(2/6) + 2·ln(1/6)) / 6.
    // m = 2: 5 templates (1,2),(2,3),(3,1),(1,2),(2,4); matches: 2,1,1,2,1 → C = [2,1,1,2,1]/5,
    //   Φ² = (2·ln(2/5) + 3·ln(1/5)) / 5.
    // ApEn = Φ¹ − Φ² ≈ −1.329661 − (−1.332179) = 0.002518.
    const phi1 = (4 * Math.log(2 / 6) + 2 * Math.log(1 / 6)) / 6;
    const phi2 = (2 * Math.log(2 / 5) + 3 * Math.log(1 / 5)) / 5;
    const apen = approximateEntropy([1, 2, 3, 1, 2, 4], { m: 1, tolerance: { absolute: 0.5 } });
    expect(apen).toBeCloseTo(phi1 - phi2, 14);
    expect(apen).toBeCloseTo(0.002518, 6);
  });

  it('matches the hand computation on an alternating series x = [0, 1, 0, 1, 0], m = 1, r = 0.5', () => {
    // m = 1: templates 0,1,0,1,0 → C = [3,2,3,2,3]/5; Φ¹ = (3·ln(3/5) + 2·ln(2/5)) / 5.
    // m = 2: templates (0,1),(1,0),(0,1),(1,0) → C = [2,2,2,2]/4; Φ² = ln(1/2).
    const expected = (3 * Math.log(3 / 5) + 2 * Math.log(2 / 5)) / 5 - Math.log(1 / 2);
    expect(approximateEntropy([0, 1, 0, 1, 0], { tolerance: { absolute: 0.5 } })).toBeCloseTo(expected, 14);
  });

  it('is 0 for a constant series (r = 0.2·SD = 0, every template matches every other)', () => {
    expect(approximateEntropy(Array.from({ length: 50 }, () => 3.2))).toBe(0);
  });

  it('is lower for a periodic series than for white noise (m = 1, r = 0.2·SD, N = 300)', () => {
    const periodic = Array.from({ length: 300 }, (_, i) => Math.sin((2 * Math.PI * i) / 12));
    const white = noise(17, 300);
    const apPeriodic = approximateEntropy(periodic);
    const apWhite = approximateEntropy(white);
    expect(apPeriodic).toBeLessThan(0.5 * apWhite);
    // For long i.i.d. uniform noise ApEn(1, r) tends to −ln(2r/range) ≈ 2.1 at r = 0.2·SD; self-matches bias N = 300 down.
    expect(apWhite).toBeGreaterThan(1);
  });

  it('uses the sample SD (n − 1) for the relative tolerance', () => {
    // [1, 2, 3, 4]: mean 2.5, sum of squares 5, sample SD √(5/3).
    expect(entropyTolerance([1, 2, 3, 4], { sdFraction: 0.2 })).toBeCloseTo(0.2 * Math.sqrt(5 / 3), 15);
    expect(entropyTolerance([1, 2, 3, 4], { absolute: 0.7 })).toBe(0.7);
  });
});

describe('sampleEntropy', () => {
  it('matches the hand computation on x = [1, 2, 3, 1, 2, 4], m = 1, r = 0.5', () => {
    // N − m = 5 starting points (0..4), values 1,2,3,1,2. Pairs i < j equal at length 1: (0,3), (1,4) → B = 2.
    // Extended to length 2: (1,2) vs (1,2) still equal; (2,3) vs (2,4) not → A = 1. SampEn = −ln(1/2) = ln 2.
    expect(sampleEntropy([1, 2, 3, 1, 2, 4], { tolerance: { absolute: 0.5 } })).toBeCloseTo(Math.LN2, 15);
  });

  it('is 0 for a constant series and Infinity when nothing matches at length m + 1', () => {
    expect(sampleEntropy(Array.from({ length: 20 }, () => 1))).toBe(0);
    expect(sampleEntropy([1, 2, 3, 4, 5, 6], { tolerance: { absolute: 0.1 } })).toBe(Infinity);
  });

  it('is lower for a periodic series than for white noise (m = 2, r = 0.2·SD, N = 300)', () => {
    const periodic = Array.from({ length: 300 }, (_, i) => Math.sin((2 * Math.PI * i) / 12));
    expect(sampleEntropy(periodic, { m: 2 })).toBeLessThan(0.5 * sampleEntropy(noise(5, 300), { m: 2 }));
  });
});

describe('entropy input errors', () => {
  it('names m, the tolerance and the bad value', () => {
    expect(() => approximateEntropy([1, 2, 3, 4], { m: 0 })).toThrow(
      /m: 0 is not allowed; use an integer ≥ 1/,
    );
    expect(() => sampleEntropy([1, 2], { m: 1 })).toThrow(/2 values are too few for m = 1; need at least 3/);
    expect(() => approximateEntropy([1, 2, NaN, 4])).toThrow(/series\[2\]: NaN is not a finite number/);
    expect(() => approximateEntropy([1, 2, 3, 4], { tolerance: { absolute: -1 } })).toThrow(
      /tolerance.absolute/,
    );
  });
});

// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import {
  erfc,
  erfcx,
  erfcxReference,
  fisherFUpperTail,
  logGamma,
  regularizedBeta,
  studentTUpperTail,
} from './special-functions.js';

describe('erfc and erfcx', () => {
  // Reference values of erfc (CPython's math.erfc, itself accurate to a few ulp).
  const table: [number, number][] = [
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [1.5, 0.033894853524689274],
    [2, 0.004677734981047265],
    [3, 2.2090496998585438e-5],
    [5, 1.5374597944280351e-12],
  ];
  it.each(table)('erfc(%f) matches the reference to 1e-13 relative', (x, expected) => {
    expect(Math.abs(erfc(x) / expected - 1)).toBeLessThan(1e-13);
  });

  it('is symmetric: erfc(−x) = 2 − erfc(x), erfc(0) = 1', () => {
    expect(erfc(0)).toBeCloseTo(1, 14);
    for (const x of [0.1, 0.7, 2.5, 6]) expect(erfc(-x)).toBeCloseTo(2 - erfc(x), 15);
  });

  it('erfcx follows the asymptotic series 1/(x√π)·(1 − 1/(2x²) + 3/(4x⁴) − 15/(8x⁶) + 105/(16x⁸)) for large x', () => {
    for (const x of [30, 100]) {
      const x2 = x * x;
      const series =
        (1 / (x * Math.sqrt(Math.PI))) *
        (1 - 1 / (2 * x2) + 3 / (4 * x2 * x2) - 15 / (8 * x2 ** 3) + 105 / (16 * x2 ** 4));
      // The first omitted term, 945/(32x¹⁰), is 5e-14 at x = 30.
      expect(Math.abs(erfcx(x) / series - 1)).toBeLessThan(1e-13);
    }
  });

  it('the Chebyshev table agrees with the direct series and continued fraction over [0, 8]', () => {
    let worst = 0;
    for (let x = 0; x <= 8; x += 0.0137) worst = Math.max(worst, Math.abs(erfcx(x) / erfcxReference(x) - 1));
    expect(worst).toBeLessThan(1e-12);
  });

  it('rejects a negative argument to erfcx', () => {
    expect(() => erfcx(-1)).toThrow(/x must be ≥ 0/);
  });
});

describe('logGamma', () => {
  it('matches ln((n−1)!) and ln √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(20)).toBeCloseTo(Math.log(121645100408832000), 11);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
  });
});

describe('regularizedBeta', () => {
  it('has the closed forms I_x(1,1) = x, I_x(a,1) = xᵃ, I_x(1,b) = 1 − (1−x)ᵇ and I_½(a,a) = ½', () => {
    for (const x of [0.05, 0.3, 0.8]) {
      expect(regularizedBeta(x, 1, 1)).toBeCloseTo(x, 13);
      expect(regularizedBeta(x, 3.5, 1)).toBeCloseTo(x ** 3.5, 13);
      expect(regularizedBeta(x, 1, 7)).toBeCloseTo(1 - (1 - x) ** 7, 13);
    }
    for (const a of [0.5, 2, 40]) expect(regularizedBeta(0.5, a, a)).toBeCloseTo(0.5, 12);
  });
});

describe('Student t and Fisher F tails', () => {
  it('t with 1 df is Cauchy: P(T > t) = ½ − atan(t)/π', () => {
    for (const t of [0.3, 1, 4])
      expect(studentTUpperTail(t, 1)).toBeCloseTo(0.5 - Math.atan(t) / Math.PI, 13);
  });

  it('t with 2 df: P(T > t) = ½ − t / (2√(2 + t²)), and the tail is symmetric', () => {
    for (const t of [0.5, 2, 10]) {
      expect(studentTUpperTail(t, 2)).toBeCloseTo(0.5 - t / (2 * Math.sqrt(2 + t * t)), 13);
      expect(studentTUpperTail(-t, 2)).toBeCloseTo(1 - studentTUpperTail(t, 2), 13);
    }
  });

  it('t tables: t(0.975, 10 df) = 2.228 gives an upper tail of 0.025', () => {
    expect(studentTUpperTail(2.2281388519649385, 10)).toBeCloseTo(0.025, 10);
  });

  it('F with 2 numerator df has the closed form P(F > f) = (1 + 2f/d₂)^(−d₂/2)', () => {
    for (const [f, d2] of [
      [0.5, 7],
      [3.49, 20],
      [12, 150],
    ]) {
      expect(fisherFUpperTail(f, 2, d2)).toBeCloseTo((1 + (2 * f) / d2) ** (-d2 / 2), 12);
    }
    expect(fisherFUpperTail(0, 2, 10)).toBe(1);
  });

  it('F(2, 1e9) is the χ²₂/2 limit exp(−f) that insertions use against the assay model', () => {
    for (const f of [0.5, 6.9, 20]) expect(fisherFUpperTail(f, 2, 1e9) / Math.exp(-f)).toBeCloseTo(1, 5);
  });
});

// SPDX-License-Identifier: MIT
/**
 * Trial statistics against values computed by hand (the t quantiles are the tabulated ones, as SciPy's
 * `t.ppf` prints them), and the distribution functions against SciPy's `norm.ppf`, `t.ppf` and `truncnorm.ppf`.
 */
import { describe, expect, it } from 'vitest';
import { normalQuantile, standardNormalCdf, tQuantile, truncatedNormal } from './distributions.js';
import { pairedDifference, summarise, welchDifference } from './statistics.js';

describe('tQuantile and normalQuantile', () => {
  it.each([
    [1, 12.706204736174694],
    [2, 4.302652729749462],
    [3, 3.1824463052837078],
    [4, 2.7764451051977934],
    [10, 2.228138851986274],
    [30, 2.0422724563012378],
    [1000, 1.9623390808264083],
  ])('t(0.975, %i) = %f', (df, expected) => {
    expect(tQuantile(0.975, df)).toBeCloseTo(expected, 10);
  });

  it('t(0.995, 7) and a fractional df (Welch)', () => {
    expect(tQuantile(0.995, 7)).toBeCloseTo(3.4994832973504924, 10);
    expect(tQuantile(0.975, 5.882352941176471)).toBeCloseTo(2.458823709699146, 10);
  });

  it.each([
    [0.975, 1.959963984540054],
    [0.001, -3.090232306167813],
    [0.5, 0],
    [1e-10, -6.361340902404056],
    [0.8, 0.8416212335729143],
  ])('Φ⁻¹(%f) = %f, and Φ inverts it', (p, expected) => {
    expect(normalQuantile(p)).toBeCloseTo(expected, 12);
    expect(standardNormalCdf(normalQuantile(p))).toBeCloseTo(p, 14);
  });

  it('rejects p outside the domain, naming the value', () => {
    expect(() => tQuantile(0.2, 5)).toThrow(/p must be in \[0.5, 1\), got 0.2/);
    expect(() => tQuantile(0.975, 0)).toThrow(/df must be > 0, got 0/);
    expect(() => normalQuantile(1)).toThrow(/got 1/);
  });

  it('truncated normal by inversion: the 30th percentile of N(26.5, 4) on [17, 45], and the bounds hold', () => {
    expect(truncatedNormal(0.3, 26.5, 4, 17, 45)).toBeCloseTo(24.47273151123413, 9);
    expect(truncatedNormal(0, 26.5, 4, 17, 45)).toBeCloseTo(17, 9);
    expect(truncatedNormal(0.999999, 26.5, 4, 30, 31)).toBeLessThanOrEqual(31);
    expect(truncatedNormal(0.7, 5, 0, 0, 4)).toBe(4);
  });
});

describe('summarise', () => {
  it('1..5: mean 3, SD √2.5, median 3, CI 3 ± t(0.975,4)·√2.5/√5', () => {
    const s = summarise([1, 2, 3, 4, 5]);
    const half = 2.7764451051977934 * Math.sqrt(2.5 / 5);
    expect(s).toMatchObject({ n: 5, missing: 0, mean: 3, median: 3 });
    expect(s.sd).toBeCloseTo(Math.sqrt(2.5), 14);
    expect(s.ci95?.[0]).toBeCloseTo(3 - half, 12);
    expect(s.ci95?.[1]).toBeCloseTo(3 + half, 12);
  });

  it('nulls are missing, not zeros: n counts only the values that exist', () => {
    const s = summarise([null, 2, null, 4]);
    expect(s).toMatchObject({ n: 2, missing: 2, mean: 3, median: 3 });
    expect(s.sd).toBeCloseTo(Math.SQRT2, 14);
    const half = 12.706204736174694 * (Math.SQRT2 / Math.SQRT2);
    expect(s.ci95?.[0]).toBeCloseTo(3 - half, 10);
  });

  it('even n: the median interpolates the two middle values', () => {
    expect(summarise([4, 1, 3, 2]).median).toBe(2.5);
  });

  it('one value has no SD or CI; none has nothing', () => {
    expect(summarise([7])).toEqual({ n: 1, missing: 0, mean: 7, sd: null, median: 7, ci95: null });
    expect(summarise([null, null])).toEqual({
      n: 0,
      missing: 2,
      mean: null,
      sd: null,
      median: null,
      ci95: null,
    });
  });
});

describe('differences from the first arm', () => {
  it('paired: the mean of within-patient differences, CI from t(0.975, n−1)', () => {
    // d = [2, 3, 4, 5]: mean 3.5, SD √(5/3), half-width t(0.975, 3)·SD/2.
    const d = pairedDifference([3, 5, 7, 9], [1, 2, 3, 4]);
    const half = (3.1824463052837078 * Math.sqrt(5 / 3)) / 2;
    expect(d).toMatchObject({ method: 'paired', n: 4, mean: 3.5, df: 3 });
    expect(d.ci95?.[0]).toBeCloseTo(3.5 - half, 12);
    expect(d.ci95?.[1]).toBeCloseTo(3.5 + half, 12);
  });

  it('paired: a patient missing in either arm drops out of the pairs', () => {
    const d = pairedDifference([3, null, 7, 9], [1, 2, null, 4]);
    expect(d).toMatchObject({ n: 2, mean: 3.5 });
  });

  it('paired arms must hold the same patients', () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow(/same patients, got 2 and 1/);
  });

  it('Welch: difference of means, Welch–Satterthwaite df', () => {
    // first = 1..5 (var 2.5), arm = 2,4,…,10 (var 10): diff 3, SE² = 0.5 + 2, df = 6.25 / (0.25/4 + 4/4).
    const d = welchDifference([2, 4, 6, 8, 10], [1, 2, 3, 4, 5]);
    const df = 6.25 / (0.0625 + 1);
    const half = 2.458823709699146 * Math.sqrt(2.5);
    expect(d.method).toBe('welch');
    expect(d.mean).toBe(3);
    expect(d.df).toBeCloseTo(df, 12);
    expect(d.ci95?.[0]).toBeCloseTo(3 - half, 9);
    expect(d.ci95?.[1]).toBeCloseTo(3 + half, 9);
  });

  it('Welch without spread collapses to the difference; without values it is null', () => {
    expect(welchDifference([2, 2], [1, 1]).ci95).toEqual([1, 1]);
    expect(welchDifference([null], [1, 2]).mean).toBeNull();
  });
});

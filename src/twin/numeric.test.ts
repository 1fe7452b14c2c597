// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { parseLabsCsv } from '../analysis/labs-import.js';
import {
  cholesky,
  inverseSpd,
  logNormalMixtureQuantile,
  normalMatrix,
  normalSource,
  sampleQuantile,
  solveSpd,
} from './numeric.js';
import { TwinInputError, observationsFromLabs } from './observations.js';

describe('dense SPD algebra', () => {
  // A = L·Lᵀ with L = [[2, 0, 0], [1, 3, 0], [-1, 2, 1]] (hand-picked).
  const a = [
    [4, 2, -2],
    [2, 10, 5],
    [-2, 5, 6],
  ];

  it('factors A into its Cholesky factor', () => {
    expect(cholesky(a)).toEqual([
      [2, 0, 0],
      [1, 3, 0],
      [-1, 2, 1],
    ]);
  });

  it('solves A·x = b and inverts A', () => {
    // b = A·[1, -1, 2]
    expect(solveSpd(a, [-2, 2, 5]).map((x) => Number(x.toFixed(12)))).toEqual([1, -1, 2]);
    const inv = inverseSpd(a);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const product = a[i].reduce((s, v, k) => s + v * inv[k][j], 0);
        expect(product).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() =>
      cholesky([
        [1, 2],
        [2, 1],
      ]),
    ).toThrow(/not positive definite/);
  });

  it('forms AᵀA from rows', () => {
    expect(
      normalMatrix(
        [
          [1, 2],
          [3, 4],
        ],
        2,
      ),
    ).toEqual([
      [10, 14],
      [14, 20],
    ]);
  });
});

describe('draws and quantiles', () => {
  it('gives the same standard normal sequence for a seed, with mean 0 and SD 1', () => {
    const a = normalSource(42);
    const b = normalSource(42);
    const xs = Array.from({ length: 20000 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs.slice(0, 5));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
    // Standard error of the mean 0.007, of the SD 0.005.
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.02);
    expect(xs.filter((x) => Math.abs(x) < 1.959964).length / xs.length).toBeCloseTo(0.95, 2);
  });

  it('takes sample quantiles between order statistics (type 7)', () => {
    expect(sampleQuantile([3, 1, 2, 4], 0.5)).toBe(2.5);
    expect(sampleQuantile([1, 2, 3, 4, 5], 0.05)).toBeCloseTo(1.2, 12);
  });

  it('gives the log-normal quantile for a one-component mixture, and the median of symmetric mixtures', () => {
    // Log-normal(ln 100, 0.2): 95th percentile 100·exp(1.644854·0.2).
    // To the accuracy of the normal CDF of analysis/normal.ts (≈ 1e-7).
    expect(logNormalMixtureQuantile([100], 0.2, 0.95)).toBeCloseTo(100 * Math.exp(1.644854 * 0.2), 4);
    expect(logNormalMixtureQuantile([50, 200], 0.1, 0.5)).toBeCloseTo(100, 3);
  });
});

describe('observationsFromLabs', () => {
  const csv =
    'date,lab,value,unit\n2024-03-01,igf1,98,ng/mL\n2024-03-29T08:15:00+01:00,2484-4,17.3,nmol/L\n2024-04-26,glucose_fasting,5.6,mmol/L\n';

  it('counts whole days from the first draw, in canonical units', () => {
    expect(observationsFromLabs(parseLabsCsv(csv))).toEqual([
      { day: 0, lab: 'igf1', value: 98 },
      { day: 28, lab: 'igf1', value: 17.3 / 0.131 },
      { day: 56, lab: 'glucose_fasting', value: 5.6 * 18 },
    ]);
  });

  it('counts from a given day 0 and names a draw before it', () => {
    expect(observationsFromLabs(parseLabsCsv(csv), '2024-02-28')[0].day).toBe(2);
    expect(() => observationsFromLabs(parseLabsCsv(csv), '2024-03-02')).toThrow(TwinInputError);
    expect(() => observationsFromLabs(parseLabsCsv(csv), '2024-03-02')).toThrow(
      /labs\[0\]\.date: 2024-03-01 is before day 0/,
    );
  });
});

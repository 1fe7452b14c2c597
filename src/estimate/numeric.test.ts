// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { cholesky, inverseSpd, normalMatrix, normalSource, sampleQuantile, solveSpd } from './numeric.js';

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

describe('normal source', () => {
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
});

describe('sample quantiles', () => {
  it('takes sample quantiles between order statistics (type 7)', () => {
    expect(sampleQuantile([3, 1, 2, 4], 0.5)).toBe(2.5);
    expect(sampleQuantile([1, 2, 3, 4, 5], 0.05)).toBeCloseTo(1.2, 12);
  });
});

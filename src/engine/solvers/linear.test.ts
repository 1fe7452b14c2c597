// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import { luFactor, luSolve } from './linear.js';

/** y = A·x for a row-major n×n matrix. */
function multiply(a: Float64Array, n: number, x: Float64Array): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) y[i] += a[i * n + j] * x[j];
  return y;
}

describe('LU with partial pivoting', () => {
  it('solves random systems to a small residual', () => {
    const rng = createRandom(5);
    for (const n of [1, 2, 3, 7, 20]) {
      const a = Float64Array.from({ length: n * n }, () => rng.normal());
      const x = Float64Array.from({ length: n }, () => rng.normal());
      const b = multiply(a, n, x);
      const lu = Float64Array.from(a);
      const pivots = new Int32Array(n);
      expect(luFactor(lu, n, pivots)).toBe(true);
      luSolve(lu, n, pivots, b);
      for (let i = 0; i < n; i++) expect(Math.abs(b[i] - x[i])).toBeLessThan(1e-9 * (1 + Math.abs(x[i])));
    }
  });

  it('needs pivoting for a zero leading entry and gets it right', () => {
    // [[0, 1], [1, 0]] x = [2, 3]  →  x = [3, 2]
    const lu = Float64Array.of(0, 1, 1, 0);
    const pivots = new Int32Array(2);
    expect(luFactor(lu, 2, pivots)).toBe(true);
    const b = Float64Array.of(2, 3);
    luSolve(lu, 2, pivots, b);
    expect(Array.from(b)).toEqual([3, 2]);
  });

  it('reports a singular or NaN matrix instead of dividing by zero', () => {
    expect(luFactor(Float64Array.of(1, 2, 2, 4), 2, new Int32Array(2))).toBe(false);
    expect(luFactor(Float64Array.of(NaN, 0, 0, 1), 2, new Int32Array(2))).toBe(false);
  });
});

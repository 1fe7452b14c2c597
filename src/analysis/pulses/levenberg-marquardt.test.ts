// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import type { LeastSquaresProblem } from './levenberg-marquardt.js';
import { levenbergMarquardt } from './levenberg-marquardt.js';
import { choleskyFactor, choleskySolve, symmetricInverse } from './linear-algebra.js';

/** y = A·exp(−k·t) + c, weighted, with parameters [A, k, c]. */
function exponentialProblem(
  times: number[],
  values: number[],
  weights: number[],
  lower = [-Infinity, -Infinity, -Infinity],
  upper = [Infinity, Infinity, Infinity],
): LeastSquaresProblem {
  return {
    residualCount: times.length,
    lower: Float64Array.from(lower),
    upper: Float64Array.from(upper),
    residuals(p, out) {
      times.forEach((t, i) => (out[i] = weights[i] * (values[i] - (p[0] * Math.exp(-p[1] * t) + p[2]))));
    },
    jacobian(p, free, out) {
      times.forEach((t, i) => {
        const e = Math.exp(-p[1] * t);
        const row = [e, -p[0] * t * e, 1];
        free.forEach((k, a) => (out[i * free.length + a] = weights[i] * row[k]));
      });
    },
  };
}

const times = Array.from({ length: 25 }, (_, i) => i * 2);
const exact = times.map((t) => 5 * Math.exp(-0.15 * t) + 0.7);
const all = Int32Array.from([0, 1, 2]);

describe('levenbergMarquardt', () => {
  it('recovers the parameters of exact exponential data from a poor start', () => {
    const problem = exponentialProblem(
      times,
      exact,
      times.map(() => 3),
    );
    const fit = levenbergMarquardt(problem, Float64Array.from([1, 1, 0]), all, { relativeTolerance: 1e-14 });
    expect(fit.params[0]).toBeCloseTo(5, 7);
    expect(fit.params[1]).toBeCloseTo(0.15, 8);
    expect(fit.params[2]).toBeCloseTo(0.7, 7);
    expect(fit.ssr).toBeLessThan(1e-12);
  });

  it('moves only the free parameters', () => {
    const problem = exponentialProblem(
      times,
      exact,
      times.map(() => 1),
    );
    const fit = levenbergMarquardt(problem, Float64Array.from([1, 0.15, 0.7]), Int32Array.from([0]));
    expect(fit.params[0]).toBeCloseTo(5, 9);
    expect(fit.params[1]).toBe(0.15);
    expect(fit.params[2]).toBe(0.7);
  });

  it('respects bounds: with c ≤ 0.5 the fit sits on the bound', () => {
    const problem = exponentialProblem(
      times,
      exact,
      times.map(() => 1),
      [-Infinity, 0, 0],
      [Infinity, 5, 0.5],
    );
    const fit = levenbergMarquardt(problem, Float64Array.from([2, 0.3, 0.1]), all);
    expect(fit.params[2]).toBe(0.5);
    expect(fit.params[1]).toBeGreaterThan(0);
  });

  it('solves Rosenbrock as least squares, r = (10(y − x²), 1 − x), to (1, 1)', () => {
    const problem: LeastSquaresProblem = {
      residualCount: 2,
      lower: Float64Array.from([-Infinity, -Infinity]),
      upper: Float64Array.from([Infinity, Infinity]),
      residuals(p, out) {
        out[0] = 10 * (p[1] - p[0] * p[0]);
        out[1] = 1 - p[0];
      },
      // The Jacobian of the model is −∂r/∂p (residuals are y − f).
      jacobian(p, free, out) {
        const full = [20 * p[0], -10, 1, 0];
        free.forEach((k, a) => {
          out[a] = full[k];
          out[free.length + a] = full[2 + k];
        });
      },
    };
    const fit = levenbergMarquardt(problem, Float64Array.from([-1.2, 1]), Int32Array.from([0, 1]), {
      relativeTolerance: 1e-15,
    });
    expect(fit.params[0]).toBeCloseTo(1, 6);
    expect(fit.params[1]).toBeCloseTo(1, 6);
  });
});

describe('Cholesky', () => {
  const a = Float64Array.from([4, 12, -16, 12, 37, -43, -16, -43, 98]);
  it('factors the classic 3×3 example into L = [[2,0,0],[6,1,0],[−8,5,3]]', () => {
    const l = new Float64Array(9);
    expect(choleskyFactor(a, 3, l)).toBe(true);
    expect(Array.from(l)).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
    const x = new Float64Array(3);
    choleskySolve(l, 3, Float64Array.from([1, 2, 3]), x);
    const back = [0, 1, 2].map((i) => a[i * 3] * x[0] + a[i * 3 + 1] * x[1] + a[i * 3 + 2] * x[2]);
    back.forEach((v, i) => expect(v).toBeCloseTo(i + 1, 10));
  });

  it('inverts: A·A⁻¹ = I; and refuses an indefinite matrix', () => {
    const inverse = symmetricInverse(a, 3);
    expect(inverse).not.toBeNull();
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += a[i * 3 + k] * inverse![k * 3 + j];
        expect(s).toBeCloseTo(i === j ? 1 : 0, 9);
      }
    }
    expect(symmetricInverse(Float64Array.from([1, 2, 2, 1]), 2)).toBeNull();
  });
});

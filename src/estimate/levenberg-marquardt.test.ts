// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import {
  levenbergMarquardt,
  levenbergMarquardtSync,
  posteriorCovariance,
  type LmOptions,
  type LmState,
} from './levenberg-marquardt.js';
import { symmetricEigen } from './numeric.js';

// y = a·exp(−k·t) observed without noise at a = 3, k = 0.4; θ = (ln a, ln k), residuals (y − f)/0.01.
const times = [0, 1, 2, 3, 5, 8];
const truth = [3, 0.4];
const data = times.map((t) => truth[0] * Math.exp(-truth[1] * t));
const residuals = (theta: readonly number[]) =>
  times.map((t, i) => (data[i] - Math.exp(theta[0]) * Math.exp(-Math.exp(theta[1]) * t)) / 0.01);

const options: LmOptions = {
  start: [0, Math.log(0.1)],
  priorMean: [0, Math.log(0.1)],
  priorSd: [100, 100],
  lower: [-5, -5],
  upper: [5, 5],
  jacobianStep: 1e-6,
  maxStep: 1,
  convergedStep: 1e-8,
  maxIterations: 100,
};

describe('Levenberg–Marquardt', () => {
  it('recovers the parameters of an exponential decay under a flat prior', () => {
    const fit = levenbergMarquardtSync(options, residuals);
    expect(fit.converged).toBe(true);
    expect(Math.exp(fit.state.theta[0])).toBeCloseTo(3, 4);
    expect(Math.exp(fit.state.theta[1])).toBeCloseTo(0.4, 4);
  });

  it('shrinks towards a tight prior', () => {
    const fit = levenbergMarquardtSync({ ...options, priorSd: [1e-4, 100] }, residuals);
    expect(fit.state.theta[0]).toBeCloseTo(0, 3); // a held at 1 by its prior
  });

  it('keeps to the bounds', () => {
    const fit = levenbergMarquardtSync({ ...options, upper: [Math.log(2), 5] }, residuals);
    expect(fit.state.theta[0]).toBeLessThanOrEqual(Math.log(2));
  });

  it('takes the same steps in batches, and resumed from a saved state', async () => {
    const sync = levenbergMarquardtSync(options, residuals);
    const states: LmState[] = [];
    const batched = await levenbergMarquardt(
      options,
      (thetas) => Promise.resolve(thetas.map(residuals)),
      (s) => void states.push(s),
    );
    expect(batched.state.theta).toEqual(sync.state.theta);
    const resumed = levenbergMarquardtSync({ ...options, resume: states[1] }, residuals);
    expect(resumed.state.theta).toEqual(sync.state.theta);
    expect(resumed.iterations).toBe(sync.iterations);
  });

  it('gives the Laplace covariance (JᵀJ + diag(1/τ²))⁻¹', () => {
    const cov = posteriorCovariance(
      [
        [2, 0],
        [0, 1],
      ],
      [1, 1],
    );
    expect(cov[0][0]).toBeCloseTo(1 / 5, 12);
    expect(cov[1][1]).toBeCloseTo(1 / 2, 12);
  });
});

describe('symmetric eigen decomposition', () => {
  it('finds the eigenvalues and eigenvectors of a symmetric matrix', () => {
    const a = [
      [4, 1, 0],
      [1, 3, 1],
      [0, 1, 2],
    ];
    const { values, vectors } = symmetricEigen(a);
    expect(values[0]).toBeLessThan(values[1]);
    values.forEach((lambda, k) => {
      const v = vectors[k];
      const av = a.map((row) => row.reduce((s, x, j) => s + x * v[j], 0));
      av.forEach((x, i) => expect(x).toBeCloseTo(lambda * v[i], 10));
    });
    expect(values.reduce((s, x) => s + x, 0)).toBeCloseTo(9, 10); // the trace
  });
});

// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { burstMass, kernelIntegralMin, kernelRates } from './kinetics.js';
import { DeconvolutionProblem } from './model.js';

const times = Float64Array.from({ length: 60 }, (_, i) => i * 10);
const fast = { fastHalfLifeMin: 3.5, fastFraction: 0.37 };
const bounds = {
  sdMin: 1,
  sdMax: 40,
  slowHalfLifeMinMin: 5,
  slowHalfLifeMinMax: 90,
  pulseTimeMin: -50,
  pulseTimeMax: 600,
};
// [S₀, C₀, ln σ, ln k_s, T₁, H₁, T₂, H₂, T₃, H₃]
const params = Float64Array.from([
  0.003,
  0.4,
  Math.log(8),
  Math.log(Math.LN2 / 21),
  50,
  0.2,
  200,
  0.1,
  330,
  0.05,
]);

function problem(): DeconvolutionProblem {
  return new DeconvolutionProblem(
    times,
    new Float64Array(60).fill(1),
    new Float64Array(60).fill(2),
    3,
    fast,
    bounds,
  );
}

describe('DeconvolutionProblem', () => {
  it('analytic Jacobian columns match central differences of the model for every parameter', () => {
    const p = problem();
    const free = Int32Array.from(params.keys());
    const jac = new Float64Array(60 * params.length);
    p.jacobian(params, free, jac);
    for (let k = 0; k < params.length; k++) {
      const h = 1e-6 * Math.max(1, Math.abs(params[k]));
      const plus = Float64Array.from(params);
      const minus = Float64Array.from(params);
      plus[k] += h;
      minus[k] -= h;
      const fPlus = new Float64Array(60);
      const fMinus = new Float64Array(60);
      p.predict(plus, fPlus);
      p.predict(minus, fMinus);
      for (let i = 0; i < 60; i++) {
        const numeric = (2 * (fPlus[i] - fMinus[i])) / (2 * h); // weight 2
        expect(Math.abs(jac[i * params.length + k] - numeric)).toBeLessThan(
          1e-6 * (Math.abs(numeric) + 1e-3),
        );
      }
    }
  });

  it('with no bursts and no initial excess the model is the basal steady state S₀·∫E', () => {
    const p = new DeconvolutionProblem(
      times,
      new Float64Array(60),
      new Float64Array(60).fill(1),
      0,
      fast,
      bounds,
    );
    const out = new Float64Array(60);
    const basalOnly = Float64Array.from([0.004, 0, Math.log(8), Math.log(Math.LN2 / 21)]);
    p.predict(basalOnly, out);
    const integral = kernelIntegralMin(kernelRates({ ...fast, slowHalfLifeMin: 21 }));
    out.forEach((c) => expect(c).toBeCloseTo(0.004 * integral, 14));
  });

  it('one burst of mass M, sampled long after, decays with the slow half-life', () => {
    const p = new DeconvolutionProblem(
      times,
      new Float64Array(60),
      new Float64Array(60).fill(1),
      1,
      fast,
      bounds,
    );
    const out = new Float64Array(60);
    const sigma = 8;
    const height = 2 / burstMass(1, sigma);
    p.predict(Float64Array.from([0, 0, Math.log(sigma), Math.log(Math.LN2 / 21), 20, height]), out);
    // 300 and 310 min: 280 min after the burst, the fast component (t½ 3.5 min) is gone.
    const i = times.indexOf(300);
    expect(out[i + 1] / out[i]).toBeCloseTo(Math.exp((-Math.LN2 / 21) * 10), 10);
  });
});

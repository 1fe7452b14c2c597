// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { burstResponse, kernelIntegralMin, kernelRates, sdFromFwhm } from './kinetics.js';
import {
  GH_SYNTHETIC_DEFAULTS,
  integrateConcentration,
  seededRandom,
  syntheticGhSeries,
} from './synthetic.js';

describe('seededRandom', () => {
  it('is reproducible and its normals have mean ≈ 0 and variance ≈ 1', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect(Array.from({ length: 5 }, () => a.uniform())).toEqual(
      Array.from({ length: 5 }, () => b.uniform()),
    );
    const r = seededRandom(11);
    const n = 20000;
    const draws = Array.from({ length: n }, () => r.normal());
    const mean = draws.reduce((s, x) => s + x, 0) / n;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
    // Standard errors: 1/√n = 0.007 for the mean, √(2/n) = 0.01 for the variance; 4 SE margins.
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.04);
  });
});

describe('integrateConcentration (the numerical path the detector does not use)', () => {
  it('without bursts stays at the basal steady state S₀·∫E', () => {
    const c = integrateConcentration(GH_SYNTHETIC_DEFAULTS, [], [0, 100, 1000]);
    const steady =
      GH_SYNTHETIC_DEFAULTS.basalSecretion * kernelIntegralMin(kernelRates(GH_SYNTHETIC_DEFAULTS.kinetics));
    c.forEach((x) => expect(x).toBeCloseTo(steady, 12));
  });

  it('agrees with the closed-form burst response to 1e-5 relative', () => {
    const spec = { ...GH_SYNTHETIC_DEFAULTS, basalSecretion: 0 };
    const pulse = { tMin: 100, mass: 3 };
    const times = [90, 100, 110, 130, 200, 400];
    const numeric = integrateConcentration(spec, [pulse], times);
    const sigma = sdFromFwhm(spec.burstFwhmMin);
    const rates = kernelRates(spec.kinetics);
    const height = pulse.mass / (sigma * Math.sqrt(2 * Math.PI));
    times.forEach((t, i) => {
      const closed = height * burstResponse(t - pulse.tMin, sigma, rates);
      expect(Math.abs(numeric[i] / closed - 1)).toBeLessThan(1e-5);
    });
  });
});

describe('syntheticGhSeries', () => {
  it('samples [0, duration] at the interval, with bursts every 60–150 min and non-negative values', () => {
    const { series, pulses } = syntheticGhSeries(GH_SYNTHETIC_DEFAULTS, seededRandom(3));
    expect(series.t_min.length).toBe(145);
    expect(series.t_min[144]).toBe(1440);
    series.value.forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
    pulses.slice(1).forEach((p, i) => {
      const gap = p.tMin - pulses[i].tMin;
      expect(gap).toBeGreaterThanOrEqual(60);
      expect(gap).toBeLessThanOrEqual(150);
    });
  });
});

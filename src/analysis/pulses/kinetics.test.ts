// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import {
  burstMass,
  burstResponse,
  burstResponseSlope,
  convolutionRateDerivative,
  convolutionWidthDerivative,
  fwhmFromSd,
  gaussianExponentialConvolution,
  kernelIntegralMin,
  kernelRates,
  sdFromFwhm,
} from './kinetics.js';

/** ∫_{−∞}^{u} exp(−s²/(2σ²))·exp(−k(u − s)) ds by the composite Simpson rule on [−12σ, u]. */
function numericConvolution(u: number, k: number, sigma: number): number {
  const from = Math.min(-12 * sigma, u - 1);
  const n = 20000;
  const h = (u - from) / n;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const s = from + i * h;
    const f = Math.exp((-0.5 * s * s) / (sigma * sigma)) * Math.exp(-k * (u - s));
    sum += f * (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2);
  }
  return (sum * h) / 3;
}

// Faria AC et al., JCEM 1989;68:535: endogenous GH 3.5 and 20.7 min; fast share 0.37 (our default).
const faria = kernelRates({ fastHalfLifeMin: 3.5, slowHalfLifeMin: 20.7, fastFraction: 0.37 });

describe('Gaussian burst convolved with exponential elimination', () => {
  it('the closed form matches numerical quadrature before, during and long after the burst', () => {
    for (const sigma of [2, 8.5, 25]) {
      for (const k of [faria.kFast, faria.kSlow]) {
        for (const u of [-30, -5, 0, 7, 40, 200]) {
          const exact = numericConvolution(u, k, sigma);
          expect(Math.abs(gaussianExponentialConvolution(u, k, sigma) - exact)).toBeLessThan(
            1e-9 * sigma + 1e-12,
          );
        }
      }
    }
  });

  it('long after the burst it is the mass times exp(k²σ²/2 − k·u): a shifted exponential tail', () => {
    const sigma = 8.5;
    const u = 300;
    const tail = burstMass(1, sigma) * Math.exp(0.5 * faria.kSlow ** 2 * sigma ** 2 - faria.kSlow * u);
    expect(gaussianExponentialConvolution(u, faria.kSlow, sigma) / tail).toBeCloseTo(1, 12);
  });

  it('conserves mass: ∫ response du = burst mass × ∫E (Simpson over 0.5-min steps)', () => {
    const sigma = sdFromFwhm(20);
    let area = 0;
    const h = 0.5;
    const from = -80;
    const n = 4000; // to u = 1920 min, ≈ 93 slow half-lives
    for (let i = 0; i <= n; i++) {
      area += burstResponse(from + i * h, sigma, faria) * (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2);
    }
    area *= h / 3;
    expect(area / (burstMass(1, sigma) * kernelIntegralMin(faria))).toBeCloseTo(1, 9);
  });

  it('analytic derivatives in u, k and σ match central differences', () => {
    const sigma = 8;
    for (const u of [-20, 0, 15, 90]) {
      const k = faria.kSlow;
      const g = gaussianExponentialConvolution(u, k, sigma);
      const G = Math.exp((-0.5 * u * u) / (sigma * sigma));
      const h = 1e-5;
      const dk =
        (gaussianExponentialConvolution(u, k + h, sigma) - gaussianExponentialConvolution(u, k - h, sigma)) /
        (2 * h);
      const ds =
        (gaussianExponentialConvolution(u, k, sigma + h) - gaussianExponentialConvolution(u, k, sigma - h)) /
        (2 * h);
      const du = (burstResponse(u + h, sigma, faria) - burstResponse(u - h, sigma, faria)) / (2 * h);
      const close = (a: number, b: number): void =>
        expect(Math.abs(a - b)).toBeLessThan(1e-6 * Math.abs(b) + 1e-9);
      close(convolutionRateDerivative(u, k, sigma, g, G), dk);
      close(convolutionWidthDerivative(u, k, sigma, g, G), ds);
      close(burstResponseSlope(u, sigma, faria), du);
    }
  });
});

describe('unit helpers', () => {
  it('FWHM = 2√(2 ln 2)·σ ≈ 2.3548·σ, and back', () => {
    expect(fwhmFromSd(1)).toBeCloseTo(2.354820045, 8);
    expect(sdFromFwhm(fwhmFromSd(7.3))).toBeCloseTo(7.3, 12);
  });

  it('∫E = a_f·t½f/ln 2 + a_s·t½s/ln 2 (min)', () => {
    expect(kernelIntegralMin(faria)).toBeCloseTo((0.37 * 3.5 + 0.63 * 20.7) / Math.LN2, 12);
  });
});

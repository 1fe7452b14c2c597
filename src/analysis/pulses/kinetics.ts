// SPDX-License-Identifier: MIT
/**
 * The convolution model of pulsatile secretion (Veldhuis–Johnson deconvolution): a secretion rate S(τ) in
 * concentration units per minute (e.g. µg/L/min, i.e. per litre of distribution volume) is eliminated with the
 * biexponential kernel E(t) = a_f·exp(−k_f·t) + a_s·exp(−k_s·t), a_f + a_s = 1, so that the concentration is
 * C(t) = ∫ S(τ)·E(t − τ) dτ. A Gaussian burst of height H (conc/min) and SD σ (min) centred at T has mass
 * H·σ·√(2π) (conc) and contributes H·Σ a_j·g(t − T; k_j, σ), where g has the closed form below.
 */
import { erfc, erfcx } from './special-functions.js';

const SQRT_HALF_PI = Math.sqrt(Math.PI / 2);
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const FWHM_PER_SD = 2 * Math.sqrt(2 * Math.LN2);

/** Biexponential elimination of a hormone, as half-lives (minutes) and the fast component's share. */
export interface EliminationKinetics {
  /** Half-life of the fast (distribution) component, min; Faria 1989: 3.5 ± 0.7 min for endogenous GH. */
  readonly fastHalfLifeMin: number;
  /** Half-life of the slow (elimination) component, min; Faria 1989: 20.7 ± 0.7 min for endogenous GH. */
  readonly slowHalfLifeMin: number;
  /** Fraction a_f of the kernel amplitude in the fast component, in [0, 1). */
  readonly fastFraction: number;
}

/** The kernel as rate constants (1/min) and amplitudes, ready for the inner loops. */
export interface KernelRates {
  readonly kFast: number;
  readonly kSlow: number;
  readonly aFast: number;
  readonly aSlow: number;
}

/** Converts a half-life (min) to a first-order rate constant (1/min). */
export function rateFromHalfLife(halfLifeMin: number): number {
  return Math.LN2 / halfLifeMin;
}

/** Converts a burst SD (min) to its full width at half maximum (min): FWHM = 2·√(2 ln 2)·σ ≈ 2.3548·σ. */
export function fwhmFromSd(sdMin: number): number {
  return FWHM_PER_SD * sdMin;
}

/** Converts a burst FWHM (min) to its SD (min). */
export function sdFromFwhm(fwhmMin: number): number {
  return fwhmMin / FWHM_PER_SD;
}

/** Mass (conc) of a Gaussian burst of height `height` (conc/min) and SD `sdMin` (min): H·σ·√(2π). */
export function burstMass(height: number, sdMin: number): number {
  return height * sdMin * SQRT_2PI;
}

/** The kernel's rate constants and amplitudes from half-lives. */
export function kernelRates(kinetics: EliminationKinetics): KernelRates {
  return {
    kFast: rateFromHalfLife(kinetics.fastHalfLifeMin),
    kSlow: rateFromHalfLife(kinetics.slowHalfLifeMin),
    aFast: kinetics.fastFraction,
    aSlow: 1 - kinetics.fastFraction,
  };
}

/**
 * ∫₀^∞ E(t) dt (min): the steady-state concentration per unit constant secretion rate, so a basal secretion S₀
 * (conc/min) holds the concentration at S₀·∫E.
 */
export function kernelIntegralMin(rates: KernelRates): number {
  return rates.aFast / rates.kFast + rates.aSlow / rates.kSlow;
}

/**
 * g(u; k, σ) = ∫_{−∞}^{u} exp(−s²/(2σ²))·exp(−k(u − s)) ds: the concentration, u minutes after the centre of a
 * unit-height Gaussian burst, under mono-exponential elimination at rate k (1/min). Closed form
 * σ√(π/2)·exp(k²σ²/2 − k·u)·erfc(z), z = (kσ − u/σ)/√2, written with erfcx where z ≥ 0 so that it never overflows.
 */
export function gaussianExponentialConvolution(u: number, k: number, sigma: number): number {
  const z = (k * sigma - u / sigma) * Math.SQRT1_2;
  if (z >= 0) return SQRT_HALF_PI * sigma * Math.exp((-0.5 * u * u) / (sigma * sigma)) * erfcx(z);
  // Past z = −6, erfc(z) = 2 to within 1e-17: the burst is over and only the exponential tail remains.
  const tail = SQRT_HALF_PI * sigma * Math.exp(0.5 * k * k * sigma * sigma - k * u);
  return z < -6 ? 2 * tail : tail * erfc(z);
}

/**
 * ∂g/∂k = (kσ² − u)·g − σ²·G(u), with G(u) = exp(−u²/(2σ²)) and g = {@link gaussianExponentialConvolution}
 * (differentiate the closed form; the erfc term's derivative collapses to G because k²σ²/2 − k·u − z² = −u²/(2σ²)).
 */
export function convolutionRateDerivative(
  u: number,
  k: number,
  sigma: number,
  g: number,
  gaussian: number,
): number {
  return (k * sigma * sigma - u) * g - sigma * sigma * gaussian;
}

/** ∂g/∂σ = (1/σ + k²σ)·g − (kσ + u/σ)·G(u), by the same route as {@link convolutionRateDerivative}. */
export function convolutionWidthDerivative(
  u: number,
  k: number,
  sigma: number,
  g: number,
  gaussian: number,
): number {
  return (1 / sigma + k * k * sigma) * g - (k * sigma + u / sigma) * gaussian;
}

/** Concentration u minutes after the centre of a unit-height Gaussian burst under the biexponential kernel. */
export function burstResponse(u: number, sigma: number, rates: KernelRates): number {
  return (
    rates.aFast * gaussianExponentialConvolution(u, rates.kFast, sigma) +
    rates.aSlow * gaussianExponentialConvolution(u, rates.kSlow, sigma)
  );
}

/**
 * d/du of {@link burstResponse}: since dg/du = G(u) − k·g with G(u) = exp(−u²/(2σ²)), it needs no new special
 * function evaluations beyond the two g values.
 */
export function burstResponseSlope(u: number, sigma: number, rates: KernelRates): number {
  const gaussian = Math.exp((-0.5 * u * u) / (sigma * sigma));
  const gFast = gaussianExponentialConvolution(u, rates.kFast, sigma);
  const gSlow = gaussianExponentialConvolution(u, rates.kSlow, sigma);
  return gaussian - rates.aFast * rates.kFast * gFast - rates.aSlow * rates.kSlow * gSlow;
}

// SPDX-License-Identifier: MIT
/**
 * The deconvolution model as a weighted least-squares problem over one flat parameter vector:
 *
 * | index | parameter | unit |
 * | --- | --- | --- |
 * | 0 | basal secretion S₀ | conc/min |
 * | 1 | initial excess concentration C₀ (earlier pulses still decaying at the first sample) | conc |
 * | 2 | ln σ, σ the burst SD shared by all bursts | ln min |
 * | 3 | ln k_s, k_s the slow elimination rate | ln (1/min) |
 * | 4 + 2j, 5 + 2j | burst j's centre T_j and height H_j (peak secretion rate) | min, conc/min |
 *
 * C(t) = S₀·∫E + C₀·exp(−k_s·(t − t₀)) + Σ_j H_j·b(t − T_j), with b the unit burst response of `kinetics.ts`.
 * The fast component (its half-life and share) is fixed; σ and k_s are fitted or held by the caller's free list.
 */
import type { LeastSquaresProblem } from './levenberg-marquardt.js';
import type { KernelRates } from './kinetics.js';
import {
  burstResponse,
  convolutionRateDerivative,
  convolutionWidthDerivative,
  gaussianExponentialConvolution,
  kernelIntegralMin,
  rateFromHalfLife,
} from './kinetics.js';

export const BASAL = 0;
export const INITIAL = 1;
export const LOG_SD = 2;
export const LOG_K_SLOW = 3;
export const FIRST_PULSE = 4;
/** Beyond this many SDs before its centre a burst contributes less than exp(−18) of its peak: skipped. */
const LEAD_SDS = 6;

/** Index of burst j's centre in the parameter vector. */
export function timeIndex(j: number): number {
  return FIRST_PULSE + 2 * j;
}

/** Index of burst j's height in the parameter vector. */
export function heightIndex(j: number): number {
  return FIRST_PULSE + 2 * j + 1;
}

/** Number of bursts encoded in a parameter vector. */
export function pulseCountOf(params: Float64Array): number {
  return (params.length - FIRST_PULSE) / 2;
}

/** The fixed part of the kinetics: the fast component. */
export interface FastComponent {
  readonly fastHalfLifeMin: number;
  readonly fastFraction: number;
}

/** Box bounds on the global parameters and burst centres. */
export interface ModelBounds {
  readonly sdMin: number;
  readonly sdMax: number;
  readonly slowHalfLifeMinMin: number;
  readonly slowHalfLifeMinMax: number;
  readonly pulseTimeMin: number;
  readonly pulseTimeMax: number;
}

/** The kernel's rates for a given parameter vector. */
export function ratesOf(params: Float64Array, fast: FastComponent): KernelRates {
  return {
    kFast: rateFromHalfLife(fast.fastHalfLifeMin),
    kSlow: Math.exp(params[LOG_K_SLOW]),
    aFast: fast.fastFraction,
    aSlow: 1 - fast.fastFraction,
  };
}

/** The deconvolution model on one sampled series, as a {@link LeastSquaresProblem}. */
export class DeconvolutionProblem implements LeastSquaresProblem {
  readonly residualCount: number;
  readonly lower: Float64Array;
  readonly upper: Float64Array;

  /**
   * @param times sample times, min, strictly increasing
   * @param values observed concentrations
   * @param weights 1/SD of each observation (the assay-noise model)
   * @param pulseCount number of bursts in the parameter vectors this problem will see
   */
  constructor(
    readonly times: Float64Array,
    readonly values: Float64Array,
    readonly weights: Float64Array,
    readonly pulseCount: number,
    readonly fast: FastComponent,
    bounds: ModelBounds,
  ) {
    this.residualCount = times.length;
    const size = FIRST_PULSE + 2 * pulseCount;
    this.lower = new Float64Array(size);
    this.upper = new Float64Array(size);
    this.lower[BASAL] = 0;
    this.upper[BASAL] = Infinity;
    this.lower[INITIAL] = 0;
    this.upper[INITIAL] = Infinity;
    this.lower[LOG_SD] = Math.log(bounds.sdMin);
    this.upper[LOG_SD] = Math.log(bounds.sdMax);
    this.lower[LOG_K_SLOW] = Math.log(rateFromHalfLife(bounds.slowHalfLifeMinMax));
    this.upper[LOG_K_SLOW] = Math.log(rateFromHalfLife(bounds.slowHalfLifeMinMin));
    for (let j = 0; j < pulseCount; j++) {
      this.lower[timeIndex(j)] = bounds.pulseTimeMin;
      this.upper[timeIndex(j)] = bounds.pulseTimeMax;
      this.lower[heightIndex(j)] = 0;
      this.upper[heightIndex(j)] = Infinity;
    }
  }

  /** Writes the model concentrations C(tᵢ) for `params` into `out`. */
  predict(params: Float64Array, out: Float64Array): void {
    const rates = ratesOf(params, this.fast);
    const sigma = Math.exp(params[LOG_SD]);
    const basal = params[BASAL] * kernelIntegralMin(rates);
    const t0 = this.times[0];
    for (let i = 0; i < this.times.length; i++) {
      out[i] = basal + params[INITIAL] * Math.exp(-rates.kSlow * (this.times[i] - t0));
    }
    for (let j = 0; j < this.pulseCount; j++) {
      const centre = params[timeIndex(j)];
      const height = params[heightIndex(j)];
      if (height === 0) continue;
      for (let i = this.firstAffected(centre, sigma); i < this.times.length; i++) {
        out[i] += height * burstResponse(this.times[i] - centre, sigma, rates);
      }
    }
  }

  /** Writes wᵢ·(yᵢ − C(tᵢ)). */
  residuals(params: Float64Array, out: Float64Array): void {
    this.predict(params, out);
    for (let i = 0; i < out.length; i++) out[i] = this.weights[i] * (this.values[i] - out[i]);
  }

  /** Writes wᵢ·∂C(tᵢ)/∂p for the free parameters (row-major). */
  jacobian(params: Float64Array, free: Int32Array, out: Float64Array): void {
    const m = free.length;
    out.fill(0);
    const columnOf = new Int32Array(params.length).fill(-1);
    for (let a = 0; a < m; a++) columnOf[free[a]] = a;
    this.linearColumns(params, columnOf, m, out);
    this.pulseColumns(params, columnOf, m, out);
  }

  /** Index of the first sample a burst centred at `centre` reaches. */
  private firstAffected(centre: number, sigma: number): number {
    const start = centre - LEAD_SDS * sigma;
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Columns of S₀ (∫E), C₀ (exp(−k_s·Δt)) and the basal and initial terms' share of the ln k_s column:
   * ∂(S₀·∫E)/∂ln k_s = −S₀·a_s/k_s and ∂(C₀·exp(−k_s·Δt))/∂ln k_s = −C₀·k_s·Δt·exp(−k_s·Δt).
   */
  private linearColumns(params: Float64Array, columnOf: Int32Array, m: number, out: Float64Array): void {
    const rates = ratesOf(params, this.fast);
    const basalColumn = columnOf[BASAL];
    const initialColumn = columnOf[INITIAL];
    const rateColumn = columnOf[LOG_K_SLOW];
    const integral = kernelIntegralMin(rates);
    const basalRateTerm = (-params[BASAL] * rates.aSlow) / rates.kSlow;
    const t0 = this.times[0];
    for (let i = 0; i < this.times.length; i++) {
      const w = this.weights[i];
      const elapsed = this.times[i] - t0;
      const decay = Math.exp(-rates.kSlow * elapsed);
      if (basalColumn >= 0) out[i * m + basalColumn] = w * integral;
      if (initialColumn >= 0) out[i * m + initialColumn] = w * decay;
      if (rateColumn >= 0) {
        out[i * m + rateColumn] = w * (basalRateTerm - params[INITIAL] * rates.kSlow * elapsed * decay);
      }
    }
  }

  /**
   * Each burst's share of the columns, all from the same two g values and G(u):
   * ∂C/∂H_j = b(u); ∂C/∂T_j = −H_j·b′(u), b′ = G − Σ a·k·g; ∂C/∂ln σ = σ·H_j·Σ a·∂g/∂σ;
   * ∂C/∂ln k_s = k_s·H_j·a_s·∂g_s/∂k (derivatives in `kinetics.ts`).
   */
  private pulseColumns(params: Float64Array, columnOf: Int32Array, m: number, out: Float64Array): void {
    const rates = ratesOf(params, this.fast);
    const sigma = Math.exp(params[LOG_SD]);
    const sdColumn = columnOf[LOG_SD];
    const rateColumn = columnOf[LOG_K_SLOW];
    for (let j = 0; j < this.pulseCount; j++) {
      const timeColumn = columnOf[timeIndex(j)];
      const heightColumn = columnOf[heightIndex(j)];
      const centre = params[timeIndex(j)];
      const height = params[heightIndex(j)];
      for (let i = this.firstAffected(centre, sigma); i < this.times.length; i++) {
        const u = this.times[i] - centre;
        const gFast = gaussianExponentialConvolution(u, rates.kFast, sigma);
        const gSlow = gaussianExponentialConvolution(u, rates.kSlow, sigma);
        const gaussian = Math.exp((-0.5 * u * u) / (sigma * sigma));
        const w = this.weights[i];
        const row = i * m;
        if (heightColumn >= 0) out[row + heightColumn] = w * (rates.aFast * gFast + rates.aSlow * gSlow);
        if (timeColumn >= 0) {
          const slope = gaussian - rates.aFast * rates.kFast * gFast - rates.aSlow * rates.kSlow * gSlow;
          out[row + timeColumn] = -w * height * slope;
        }
        if (sdColumn >= 0) {
          const dFast = convolutionWidthDerivative(u, rates.kFast, sigma, gFast, gaussian);
          const dSlow = convolutionWidthDerivative(u, rates.kSlow, sigma, gSlow, gaussian);
          out[row + sdColumn] += w * height * sigma * (rates.aFast * dFast + rates.aSlow * dSlow);
        }
        if (rateColumn >= 0) {
          const dSlow = convolutionRateDerivative(u, rates.kSlow, sigma, gSlow, gaussian);
          out[row + rateColumn] += w * height * rates.kSlow * rates.aSlow * dSlow;
        }
      }
    }
  }
}

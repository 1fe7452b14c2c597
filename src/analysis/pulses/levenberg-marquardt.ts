// SPDX-License-Identifier: MIT
/**
 * Weighted nonlinear least squares by Levenberg–Marquardt with Marquardt's diagonal scaling and simple box bounds
 * (each trial point is projected onto the bounds), over typed arrays. A problem supplies weighted residuals
 * r = w·(y − f(p)) and the Jacobian of the weighted model w·∂f/∂p; only the parameters listed as free move.
 */
import { choleskyFactor, choleskySolve } from './linear-algebra.js';

/** A weighted least-squares problem: minimise Σ rᵢ(p)² subject to lower ≤ p ≤ upper. */
export interface LeastSquaresProblem {
  /** Number of residuals (observations). */
  readonly residualCount: number;
  /** Lower bound of every parameter (−Infinity for none). */
  readonly lower: Float64Array;
  /** Upper bound of every parameter (+Infinity for none). */
  readonly upper: Float64Array;
  /** Writes the weighted residuals wᵢ·(yᵢ − fᵢ(p)) into `out`. */
  residuals(p: Float64Array, out: Float64Array): void;
  /**
   * Writes the Jacobian of the weighted model, wᵢ·∂fᵢ/∂p_free[j], row-major (residualCount × free.length), into
   * `out`.
   */
  jacobian(p: Float64Array, free: Int32Array, out: Float64Array): void;
}

/** Stopping rules of {@link levenbergMarquardt}. */
export interface LmOptions {
  /** Stop after this many Jacobian evaluations (default 200). */
  readonly maxIterations?: number;
  /** Stop when an accepted step lowers the sum of squares by less than this fraction (default 1e-9). */
  readonly relativeTolerance?: number;
  /** Initial damping λ relative to the scaled normal matrix (default 1e-3). */
  readonly initialDamping?: number;
}

/** The outcome of a fit. */
export interface LmResult {
  /** The parameters at the minimum found (a new array; fixed parameters are copied through). */
  readonly params: Float64Array;
  /** Weighted sum of squared residuals at `params`. */
  readonly ssr: number;
  /** Jacobian evaluations used. */
  readonly iterations: number;
  /** True when the relative-improvement test stopped the fit (not the iteration or damping limit). */
  readonly converged: boolean;
}

const MAX_DAMPING = 1e16;
const MIN_DAMPING = 1e-15;

function sumOfSquares(r: Float64Array): number {
  let s = 0;
  for (let i = 0; i < r.length; i++) s += r[i] * r[i];
  return s;
}

/** Forms JᵀJ (m×m) and Jᵀr (m) from a row-major n×m Jacobian. */
export function normalEquations(
  jac: Float64Array,
  r: Float64Array,
  n: number,
  m: number,
  jtj: Float64Array,
  jtr: Float64Array,
): void {
  jtj.fill(0);
  jtr.fill(0);
  for (let i = 0; i < n; i++) {
    const row = i * m;
    const ri = r[i];
    for (let a = 0; a < m; a++) {
      const ja = jac[row + a];
      if (ja === 0) continue;
      jtr[a] += ja * ri;
      for (let b = a; b < m; b++) jtj[a * m + b] += ja * jac[row + b];
    }
  }
  for (let a = 0; a < m; a++) for (let b = 0; b < a; b++) jtj[a * m + b] = jtj[b * m + a];
}

/** Solves (JᵀJ + λ·D)·δ = Jᵀr with D the (floored) diagonal of JᵀJ; false if the system is singular. */
function dampedStep(
  jtj: Float64Array,
  jtr: Float64Array,
  m: number,
  lambda: number,
  work: Float64Array,
  chol: Float64Array,
  step: Float64Array,
): boolean {
  let maxDiag = 0;
  for (let a = 0; a < m; a++) maxDiag = Math.max(maxDiag, jtj[a * m + a]);
  const floor = Math.max(maxDiag * 1e-12, 1e-300);
  work.set(jtj);
  for (let a = 0; a < m; a++) work[a * m + a] += lambda * Math.max(jtj[a * m + a], floor) + floor;
  if (!choleskyFactor(work, m, chol)) return false;
  choleskySolve(chol, m, jtr, step);
  return true;
}

/** Writes p + δ (on the free indices) into `trial`, projected onto the bounds. */
function projectedTrial(
  problem: LeastSquaresProblem,
  p: Float64Array,
  free: Int32Array,
  step: Float64Array,
  trial: Float64Array,
): void {
  trial.set(p);
  for (let a = 0; a < free.length; a++) {
    const k = free[a];
    trial[k] = Math.min(problem.upper[k], Math.max(problem.lower[k], p[k] + step[a]));
  }
}

/**
 * Minimises the weighted sum of squares of `problem` from `start`, moving only the parameters in `free`.
 * Cost per iteration: one Jacobian, O(n·m²) for the normal equations and O(m³) per damping trial.
 * @example
 * const fit = levenbergMarquardt(problem, new Float64Array([1, 0.1]), Int32Array.from([0, 1]));
 */
export function levenbergMarquardt(
  problem: LeastSquaresProblem,
  start: Float64Array,
  free: Int32Array,
  options: LmOptions = {},
): LmResult {
  const n = problem.residualCount;
  const m = free.length;
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.relativeTolerance ?? 1e-9;
  let lambda = options.initialDamping ?? 1e-3;
  const p = Float64Array.from(start);
  for (let k = 0; k < p.length; k++) p[k] = Math.min(problem.upper[k], Math.max(problem.lower[k], p[k]));
  const r = new Float64Array(n);
  problem.residuals(p, r);
  let ssr = sumOfSquares(r);
  if (m === 0) return { params: p, ssr, iterations: 0, converged: true };

  const jac = new Float64Array(n * m);
  const jtj = new Float64Array(m * m);
  const jtr = new Float64Array(m);
  const work = new Float64Array(m * m);
  const chol = new Float64Array(m * m);
  const step = new Float64Array(m);
  const trial = new Float64Array(p.length);
  const trialResiduals = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  // Two small improvements in a row end the fit: one can be a short step taken under heavy damping.
  let smallSteps = 0;

  while (iterations < maxIterations && !converged) {
    problem.jacobian(p, free, jac);
    normalEquations(jac, r, n, m, jtj, jtr);
    iterations++;
    let accepted = false;
    while (!accepted && lambda < MAX_DAMPING) {
      if (!dampedStep(jtj, jtr, m, lambda, work, chol, step)) {
        lambda *= 10;
        continue;
      }
      projectedTrial(problem, p, free, step, trial);
      problem.residuals(trial, trialResiduals);
      const trialSsr = sumOfSquares(trialResiduals);
      if (Number.isFinite(trialSsr) && trialSsr <= ssr) {
        smallSteps = ssr - trialSsr <= tolerance * ssr ? smallSteps + 1 : 0;
        converged = smallSteps >= 2;
        p.set(trial);
        r.set(trialResiduals);
        ssr = trialSsr;
        lambda = Math.max(lambda / 5, MIN_DAMPING);
        accepted = true;
      } else {
        lambda *= 4;
      }
    }
    // No downhill step at any damping: we are at a (projected) minimum to working precision.
    if (!accepted) converged = true;
  }
  return { params: p, ssr, iterations, converged };
}

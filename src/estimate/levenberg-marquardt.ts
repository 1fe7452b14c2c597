// SPDX-License-Identifier: MIT
/**
 * The project's one Levenberg–Marquardt: maximum a posteriori of log-parameters θ under weighted residuals r(θ)
 * and independent normal priors θ_j ~ N(μ_j, τ_j²), i.e. the minimum of Σ r_i(θ)² + Σ ((θ_j − μ_j)/τ_j)², within
 * box bounds. The Jacobian of r is taken by forward differences, one evaluation per parameter.
 *
 * The search is a generator that asks for batches of residual evaluations (all columns of a Jacobian at once, so a
 * caller can run them in parallel) and is driven either in this thread ({@link levenbergMarquardtSync}, the patient
 * twin) or asynchronously ({@link levenbergMarquardt}, the population calibration on the worker pool). Its state
 * after each iteration ({@link LmState}) is enough to resume it: a resumed search takes the same steps as an
 * uninterrupted one.
 */
import { inverseSpd, normalMatrix, solveSpd, type Matrix } from './numeric.js';

/** The search's settings and prior. All vectors have one entry per parameter, on the log scale. */
export interface LmOptions {
  /** Starting point (usually the prior mean). */
  readonly start: readonly number[];
  readonly priorMean: readonly number[];
  readonly priorSd: readonly number[];
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  /** Forward-difference step of the Jacobian. */
  readonly jacobianStep: number;
  /** Largest change of one parameter in one iteration (a longer step is scaled down). */
  readonly maxStep: number;
  /** Converged when no parameter moves by more than this. */
  readonly convergedStep: number;
  readonly maxIterations: number;
  /** A state saved by `onIteration` to continue from. */
  readonly resume?: LmState | undefined;
}

/** The search after an iteration: enough to resume it. */
export interface LmState {
  /** Iterations done. */
  readonly iteration: number;
  readonly theta: readonly number[];
  /** Residuals at θ (without the prior terms). */
  readonly r: readonly number[];
  /** Σ r² plus the prior terms at θ. */
  readonly cost: number;
  readonly lambda: number;
}

/** Why a batch is evaluated: the starting point, the columns of a Jacobian, or a trial step. */
export type LmPurpose = 'start' | 'jacobian' | 'trial';

/** A batch of points to evaluate. */
export interface LmRequest {
  readonly purpose: LmPurpose;
  readonly thetas: readonly (readonly number[])[];
}

/** The residuals of each point of a batch, undefined where the model failed (a failed trial is no descent). */
export type LmReply = readonly (readonly number[] | undefined)[];

/** The outcome of a search. */
export interface LmResult {
  readonly state: LmState;
  /** Jacobian of the residuals (rows: residuals), at the optimum or, after a last tiny step, just before it. */
  readonly jacobian: Matrix;
  readonly iterations: number;
  readonly converged: boolean;
}

const LAMBDA_START = 1e-2;
const LAMBDA_MIN = 1e-7;
const LAMBDA_MAX = 1e8;

const sumOfSquares = (values: readonly number[]): number => values.reduce((s, v) => s + v * v, 0);

function priorCost(theta: readonly number[], o: LmOptions): number {
  return sumOfSquares(theta.map((t, j) => (t - o.priorMean[j]) / o.priorSd[j]));
}

/** The Levenberg–Marquardt step for damping λ (Marquardt's scaling by the diagonal), clipped to `maxStep`. */
function dampedStep(a: Matrix, gradient: readonly number[], lambda: number, maxStep: number): number[] {
  const damped = a.map((row, i) => row.map((v, j) => (i === j ? v * (1 + lambda) : v)));
  const step = solveSpd(
    damped,
    gradient.map((g) => -g),
  );
  const largest = Math.max(...step.map(Math.abs));
  return largest > maxStep ? step.map((s) => (s * maxStep) / largest) : step;
}

function required(reply: LmReply, what: string): (readonly number[])[] {
  return reply.map((r) => {
    if (r === undefined) throw new RangeError(`the model could not be evaluated at ${what}`);
    return r;
  });
}

/** Forward-difference Jacobian of the residuals at `at`: one evaluation per parameter. */
function* jacobianAt(at: LmState, h: number): Generator<LmRequest, Matrix, LmReply> {
  const thetas = at.theta.map((_, j) => at.theta.map((t, k) => (k === j ? t + h : t)));
  const columns = required(yield { purpose: 'jacobian', thetas }, 'a Jacobian point');
  return at.r.map((ri, i) => columns.map((column) => (column[i] - ri) / h));
}

/**
 * The search as a generator: yields batches of points, receives their residuals, returns the result.
 * @param onIteration - called with the state after each iteration (to save a checkpoint or show progress).
 * @throws RangeError when the start or a Jacobian point cannot be evaluated.
 */
export function* lmSearch(
  o: LmOptions,
  onIteration?: (state: LmState) => void,
): Generator<LmRequest, LmResult, LmReply> {
  const p = o.start.length;
  let point: LmState;
  if (o.resume === undefined) {
    const [r0] = required(yield { purpose: 'start', thetas: [o.start] }, 'the start');
    const theta = [...o.start];
    point = {
      iteration: 0,
      theta,
      r: r0,
      cost: sumOfSquares(r0) + priorCost(theta, o),
      lambda: LAMBDA_START,
    };
  } else {
    point = o.resume;
  }
  let lambda = point.lambda;
  const precision = o.priorSd.map((t) => 1 / (t * t));
  for (let iteration = point.iteration + 1; iteration <= o.maxIterations; iteration++) {
    const j = yield* jacobianAt(point, o.jacobianStep);
    const a = normalMatrix(j, p).map((row, i) => row.map((v, k) => (i === k ? v + precision[i] : v)));
    const at = point;
    const gradient = at.theta.map(
      (t, k) => j.reduce((s, row, i) => s + row[k] * at.r[i], 0) + (t - o.priorMean[k]) * precision[k],
    );
    let accepted: LmState | undefined;
    let step: number[] = [];
    while (lambda <= LAMBDA_MAX) {
      step = dampedStep(a, gradient, lambda, o.maxStep);
      const theta = at.theta.map((t, k) => Math.min(o.upper[k], Math.max(o.lower[k], t + step[k])));
      const [r] = yield { purpose: 'trial', thetas: [theta] };
      const cost = r === undefined ? Number.POSITIVE_INFINITY : sumOfSquares(r) + priorCost(theta, o);
      if (r !== undefined && cost < at.cost) {
        lambda = Math.max(lambda / 10, LAMBDA_MIN);
        accepted = { iteration, theta, r, cost, lambda };
        break;
      }
      // No descent along a step this small: the current point is the optimum within the solver's accuracy.
      if (Math.max(...step.map(Math.abs)) < o.convergedStep)
        return { state: at, jacobian: j, iterations: iteration, converged: true };
      lambda *= 10;
    }
    if (!accepted) return { state: at, jacobian: j, iterations: iteration, converged: false };
    point = accepted;
    onIteration?.(point);
    if (Math.max(...step.map(Math.abs)) < o.convergedStep) {
      return { state: point, jacobian: j, iterations: iteration, converged: true };
    }
  }
  const j = yield* jacobianAt(point, o.jacobianStep);
  return { state: point, jacobian: j, iterations: o.maxIterations, converged: false };
}

/** Runs the search in this thread, evaluating one point at a time. */
export function levenbergMarquardtSync(
  o: LmOptions,
  evaluate: (theta: readonly number[], purpose: LmPurpose) => readonly number[] | undefined,
  onIteration?: (state: LmState) => void,
): LmResult {
  const search = lmSearch(o, onIteration);
  let next = search.next([]);
  while (!next.done) {
    const { thetas, purpose } = next.value;
    next = search.next(thetas.map((theta) => evaluate(theta, purpose)));
  }
  return next.value;
}

/** Runs the search with a batch evaluator (e.g. a worker pool running the Jacobian's columns in parallel). */
export async function levenbergMarquardt(
  o: LmOptions,
  evaluate: (thetas: readonly (readonly number[])[], purpose: LmPurpose) => Promise<LmReply>,
  onIteration?: (state: LmState) => void | Promise<void>,
): Promise<LmResult> {
  const states: LmState[] = [];
  const search = lmSearch(o, (state) => states.push(state));
  let next = search.next([]);
  while (!next.done) {
    for (const state of states.splice(0)) await onIteration?.(state);
    const { thetas, purpose } = next.value;
    next = search.next(await evaluate(thetas, purpose));
  }
  for (const state of states.splice(0)) await onIteration?.(state);
  return next.value;
}

/**
 * The Laplace approximation of the posterior covariance of θ at the optimum: (JᵀJ/φ + diag(1/τ²))⁻¹, with φ ≥ 1 a
 * variance factor for residuals larger than their assumed SDs (1 to trust them).
 */
export function posteriorCovariance(jacobian: Matrix, priorSd: readonly number[], phi = 1): Matrix {
  const p = priorSd.length;
  return inverseSpd(
    normalMatrix(jacobian, p).map((row, i) =>
      row.map((v, k) => v / phi + (i === k ? 1 / (priorSd[i] * priorSd[i]) : 0)),
    ),
  );
}

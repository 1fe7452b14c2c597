// SPDX-License-Identifier: MIT
/**
 * Pieces every adaptive stepper shares: option validation, the scaled error norm, Hairer's automatic initial step,
 * the step-size underflow threshold and non-finite detection. All functions here work on preallocated arrays.
 */
import { InvalidOptionError, NonFiniteStateError } from '../errors.js';
import type { OdeSystem, SolverOptions, SolverStats } from '../types.js';

/** Machine epsilon of float64 (2^-52). */
export const EPS = Number.EPSILON;

/** Default bound on step attempts between two resets (Hairer's NMAX is 100 000 for a whole run). */
export const DEFAULT_MAX_STEPS = 100_000;

/** Solver options after validation: per-state absolute tolerance, explicit defaults. */
export interface NormalizedOptions {
  readonly rtol: number;
  /** One absolute tolerance per state. */
  readonly atol: Float64Array;
  /** First step to try (minutes), or undefined for the automatic choice. */
  readonly initialStep: number | undefined;
  /** Largest step (minutes), `Infinity` when unbounded. */
  readonly maxStep: number;
  /** Step attempts (accepted + rejected) allowed between two resets. */
  readonly maxSteps: number;
}

/** Throws an {@link InvalidOptionError} unless `x` is a finite number > 0. */
function requirePositive(field: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x <= 0) {
    throw new InvalidOptionError(field, x, 'a finite number > 0');
  }
  return x;
}

/**
 * Validates solver options for a system of `n` states and fills in defaults.
 * @throws InvalidOptionError naming the field (`rtol`, `atol[2]`, `maxStep`, …) when a value is out of range.
 */
export function normalizeSolverOptions(options: SolverOptions, n: number): NormalizedOptions {
  const rtol = requirePositive('rtol', options.rtol);
  const atol = new Float64Array(n);
  if (typeof options.atol === 'number') {
    atol.fill(requirePositive('atol', options.atol));
  } else {
    if (options.atol.length !== n) {
      throw new InvalidOptionError('atol.length', options.atol.length, `the number of states (${n})`);
    }
    for (let i = 0; i < n; i++) atol[i] = requirePositive(`atol[${i}]`, options.atol[i]);
  }
  const initialStep =
    options.initialStep === undefined ? undefined : requirePositive('initialStep', options.initialStep);
  const maxStep = options.maxStep === undefined ? Infinity : requirePositive('maxStep', options.maxStep);
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  if (!Number.isInteger(maxSteps) || maxSteps < 1) {
    throw new InvalidOptionError('maxSteps', maxSteps, 'an integer >= 1');
  }
  return { rtol, atol, initialStep, maxStep, maxSteps };
}

/**
 * Checks that a time and an initial state are finite before a stepper starts from them.
 * @throws InvalidOptionError naming `t0` or `y0[i]`.
 */
export function checkStart(t: number, y: Float64Array, n: number): void {
  if (!Number.isFinite(t)) throw new InvalidOptionError('t0', t, 'a finite time (min)');
  if (y.length !== n) throw new InvalidOptionError('y0.length', y.length, `the number of states (${n})`);
  const bad = firstNonFinite(y);
  if (bad >= 0) throw new InvalidOptionError(`y0[${bad}]`, y[bad], 'a finite number');
}

/** A fresh zeroed counter record. */
export function createStats(): SolverStats {
  return { steps: 0, rejected: 0, rhsEvals: 0, jacobianEvals: 0, factorizations: 0 };
}

/** Index of the first NaN or infinite entry, or -1 when all are finite. */
export function firstNonFinite(v: Float64Array): number {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return i;
  return -1;
}

/**
 * Evaluates f(t, y) into `out` and throws a {@link NonFiniteStateError} when the derivative is not finite: the
 * state is finite here, so the model itself (or a parameter) produced the NaN.
 */
export function evaluateFiniteRhs(system: OdeSystem, t: number, y: Float64Array, out: Float64Array): void {
  system.rhs(t, y, out);
  const bad = firstNonFinite(out);
  if (bad >= 0) {
    throw new NonFiniteStateError({ t, stateIndex: bad, where: 'in the derivative' });
  }
}

/**
 * Smallest step (minutes) that still advances time `t` meaningfully in float64 (Hairer's test
 * `0.1·|h| <= |t|·uround`, with a tiny floor so that t = 0 is handled).
 */
export function minStepAt(t: number): number {
  return 10 * EPS * Math.max(Math.abs(t), 1e-290);
}

/**
 * Root-mean-square error norm `sqrt(mean((e_i / sk_i)^2))` with `sk_i = atol_i + rtol·max(|y0_i|, |y1_i|)`,
 * as in Hairer's codes. Uses no `Math.pow`.
 */
export function scaledErrorNorm(
  e: Float64Array,
  y0: Float64Array,
  y1: Float64Array,
  atol: Float64Array,
  rtol: number,
): number {
  const n = e.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(y0[i]);
    const b = Math.abs(y1[i]);
    const q = e[i] / (atol[i] + rtol * (a > b ? a : b));
    sum += q * q;
  }
  return Math.sqrt(sum / n);
}

/** Index of the component with the largest scaled error (for diagnostics on rejected steps only). */
export function largestScaledError(
  e: Float64Array,
  y0: Float64Array,
  y1: Float64Array,
  atol: Float64Array,
  rtol: number,
): number {
  let best = 0;
  let worst = -1;
  for (let i = 0; i < e.length; i++) {
    const q = Math.abs(e[i]) / (atol[i] + rtol * Math.max(Math.abs(y0[i]), Math.abs(y1[i])));
    if (!(q <= worst)) {
      worst = q;
      best = i;
    }
  }
  return best;
}

/**
 * Hairer's automatic initial step (HINIT in DOPRI5/RODAS, Hairer, Nørsett & Wanner, Solving ODEs I, §II.4): a
 * step that makes an explicit Euler step's second-derivative error about 0.01 in the scaled norm.
 * Costs one right-hand-side evaluation. `y1` and `f1` are scratch arrays of length n.
 * @param order the order `p + 1` of the local error estimate (5 for DOPRI5).
 */
export function initialStepSize(
  system: OdeSystem,
  t0: number,
  y0: Float64Array,
  f0: Float64Array,
  order: number,
  opts: NormalizedOptions,
  y1: Float64Array,
  f1: Float64Array,
): number {
  const n = y0.length;
  let dnf = 0;
  let dny = 0;
  for (let i = 0; i < n; i++) {
    const sk = opts.atol[i] + opts.rtol * Math.abs(y0[i]);
    const a = f0[i] / sk;
    const b = y0[i] / sk;
    dnf += a * a;
    dny += b * b;
  }
  let h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : Math.sqrt(dny / dnf) * 0.01;
  h = Math.min(h, opts.maxStep);
  for (let i = 0; i < n; i++) y1[i] = y0[i] + h * f0[i];
  system.rhs(t0 + h, y1, f1);
  let der2 = 0;
  for (let i = 0; i < n; i++) {
    const sk = opts.atol[i] + opts.rtol * Math.abs(y0[i]);
    const d = (f1[i] - f0[i]) / sk;
    der2 += d * d;
  }
  der2 = Math.sqrt(der2) / h;
  const der12 = Math.max(Math.abs(der2), Math.sqrt(dnf));
  // Non-finite der2 (the Euler probe overflowed) falls back to the first guess.
  const h1 = !Number.isFinite(der12)
    ? h
    : der12 <= 1e-15
      ? Math.max(1e-6, h * 1e-3)
      : Math.pow(0.01 / der12, 1 / order);
  return Math.min(100 * h, h1, opts.maxStep);
}

// SPDX-License-Identifier: MIT
/** The run's fixed numerical settings: engine version, solver, burn-in length, sampling step and tolerances. */
import type { CompiledModel } from '../engine/types.js';

/** Version of the engine reported in results (kept equal to package.json). */
export const ENGINE_VERSION = '0.1.0';
/** The solver every run uses. */
export const SOLVER = 'dopri5';
/** Days the untreated patient is run before day 0 (IGF-1 and the binding capacity need weeks to settle). */
export const BURN_IN_DAYS = 28;
/** Spacing of the internal samples behind `daily` and `labs` (minutes). */
export const INTERNAL_STEP_MIN = 5;
/** Minutes in a day. */
export { MIN_PER_DAY } from '../engine/time.js';
/**
 * Relative tolerance of the solver, and the absolute tolerance of every state but those listed in
 * {@link FINE_ATOL}. Physiological quantities are not known to better than a few per cent; 1e-3 keeps the
 * numerical error well below that (daily means agree to 4 digits with rtol 1e-4, atol 1e-7).
 */
export const TOLERANCES = { rtol: 1e-3, atol: 1e-4 } as const;
/** States whose typical values are far below 1 and need a finer absolute tolerance. */
export const FINE_ATOL: Readonly<Record<string, number>> = { ghrh: 1e-6 };

const atolCache = new WeakMap<CompiledModel, Float64Array>();

/** The per-state absolute tolerances of a model. */
function absoluteTolerances(model: CompiledModel): Float64Array {
  let atol = atolCache.get(model);
  if (atol === undefined) {
    atol = Float64Array.from(model.stateNames, (name) => FINE_ATOL[name] ?? TOLERANCES.atol);
    atolCache.set(model, atol);
  }
  return atol;
}

/** Solver options for a model. */
export function solverOptions(model: CompiledModel): { rtol: number; atol: Float64Array } {
  return { rtol: TOLERANCES.rtol, atol: absoluteTolerances(model) };
}

/** A number rounded to 6 significant digits (results stay compact and diff-friendly). */
export function round(x: number): number {
  return Number(x.toPrecision(6));
}

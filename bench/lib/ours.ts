// SPDX-License-Identifier: MIT
/** Runs endotwin's own engine on a bench problem, sampling into preallocated memory as the C peer does. */
import { integrate, type IntegrateResult } from '../../src/engine/integrate.js';
import type { CompiledModel, SampleSink, TimedEvent } from '../../src/engine/types.js';
import { compileModel } from '../../src/engine/compile.js';
import type { BenchCase, OurSolverName, Tolerances } from '../cases/types.js';
import type { SampledSeries } from './accuracy.js';

/** A problem ready to run: compiled model, resolved events, parameters and initial state. */
export interface PreparedProblem {
  readonly model: CompiledModel;
  readonly events: readonly TimedEvent[];
  readonly t0: number;
  readonly t1: number;
  /** Sample interval (minutes). */
  readonly dt: number;
  readonly p: Float64Array;
  readonly y0: Float64Array;
  /** Initial input values. */
  readonly u0: Float64Array;
}

/** Compiles the case's model and resolves its events, parameters and initial state. */
export function prepareProblem(c: BenchCase): PreparedProblem {
  const model = compileModel(c.model);
  const p = model.defaultParameters();
  for (const [name, value] of Object.entries(c.parameters ?? {})) p[model.parameterIndex(name)] = value;
  const y0 = model.initialState();
  for (const [name, value] of Object.entries(c.initialState ?? {})) y0[model.stateIndex(name)] = value;
  const u0 = model.defaultInputs();
  for (const [name, value] of Object.entries(c.initialInputs ?? {})) u0[model.inputIndex(name)] = value;
  return { model, events: c.events(model), t0: c.t0Min, t1: c.t1Min, dt: c.sampleIntervalMin, p, y0, u0 };
}

/** Number of grid times t0 + k·dt within [t0, t1] (the rule of integrate() and of the C harness). */
export function gridSize(t0: number, t1: number, dt: number): number {
  let k = 0;
  while (t0 + k * dt <= t1) k++;
  return k;
}

/**
 * A sink that writes samples into arrays sized once for the whole grid (no growth, no allocation per sample) and
 * sums every value into a checksum, like the C harness does.
 */
export class GridSink implements SampleSink {
  readonly times: Float64Array;
  readonly values: Float64Array;
  count = 0;
  checksum = 0;

  constructor(
    readonly nOutputs: number,
    capacity: number,
  ) {
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(capacity * nOutputs);
  }

  /** Forgets the samples of the previous run (keeps the memory). */
  reset(): void {
    this.count = 0;
    this.checksum = 0;
  }

  push(t: number, values: Float64Array): void {
    const k = this.count;
    if (k === this.times.length) throw new RangeError(`GridSink capacity must exceed ${k} samples`);
    this.times[k] = t;
    const n = this.nOutputs;
    for (let j = 0; j < n; j++) {
      this.values[k * n + j] = values[j]!;
      this.checksum += values[j];
    }
    this.count = k + 1;
  }

  /** A copy of the samples taken so far. */
  series(): SampledSeries {
    return {
      nOutputs: this.nOutputs,
      times: this.times.slice(0, this.count),
      values: this.values.slice(0, this.count * this.nOutputs),
    };
  }
}

/** A sink sized for the problem's grid. */
export function sinkFor(problem: PreparedProblem): GridSink {
  return new GridSink(problem.model.outputNames.length, gridSize(problem.t0, problem.t1, problem.dt));
}

/** The absolute tolerance of a run: the scalar, or one per state when some states have their own. */
export function absoluteTolerance(model: CompiledModel, tolerances: Tolerances): number | Float64Array {
  const own = tolerances.atolStates;
  if (own === undefined) return tolerances.atol;
  const atol = new Float64Array(model.stateNames.length).fill(tolerances.atol);
  for (const [name, value] of Object.entries(own)) atol[model.stateIndex(name)] = value;
  return atol;
}

/** Tolerances with rtol, atol and every per-state atol multiplied by `factor`. */
export function scaleTolerances(tolerances: Tolerances, factor: number): Tolerances {
  const own = tolerances.atolStates;
  const scaled = { rtol: tolerances.rtol * factor, atol: tolerances.atol * factor };
  if (own === undefined) return scaled;
  return {
    ...scaled,
    atolStates: Object.fromEntries(Object.entries(own).map(([name, v]) => [name, v * factor])),
  };
}

/** One full run of the problem with our solver `solver` at the given tolerances; the sink is reset first. */
export function runOurs(
  problem: PreparedProblem,
  solver: OurSolverName,
  tolerances: Tolerances,
  sink: GridSink,
): IntegrateResult {
  sink.reset();
  return integrate({
    model: problem.model,
    t0: problem.t0,
    t1: problem.t1,
    p: problem.p,
    y0: problem.y0,
    u0: problem.u0,
    events: problem.events,
    solver,
    options: {
      rtol: tolerances.rtol,
      atol: absoluteTolerance(problem.model, tolerances),
      maxSteps: 10_000_000,
    },
    sink,
    sampleEvery: problem.dt,
  });
}

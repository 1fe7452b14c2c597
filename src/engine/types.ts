// SPDX-License-Identifier: MIT
/**
 * The engine's vocabulary: how a model is declared (plain data), what compiling it yields, and the interfaces the
 * solvers and output sinks implement. Nothing here knows any physiology. Time is in minutes throughout.
 */

/** How well a parameter value is supported by published evidence. */
export type EvidenceLevel = 'strong' | 'moderate' | 'weak';

/** A named constant of the model, with its provenance. */
export interface ParameterDecl {
  readonly name: string;
  readonly value: number;
  /** Unit string, e.g. `ug/L`, `1/min`, `pg/mL`, `1` for dimensionless. */
  readonly unit: string;
  readonly description: string;
  /** Citation or the calibration that produced the value. */
  readonly source: string;
  readonly evidence: EvidenceLevel;
}

/** A differential state: its derivative is the sum of every rate declared for it. */
export interface StateDecl {
  readonly name: string;
  readonly unit: string;
  readonly description: string;
  /** Value at the start of a run unless the caller supplies its own initial state. */
  readonly initial: number;
  /** True when the state is a mass or a concentration (checked by tests, clamped nowhere). */
  readonly nonNegative?: boolean;
}

/** A piecewise-constant external input (sleep on/off, a meal's carbohydrate, an infusion rate); events change it. */
export interface InputDecl {
  readonly name: string;
  readonly unit: string;
  readonly description: string;
  readonly initial: number;
}

/**
 * A named intermediate quantity, `name = expr`, written in the expression language (see `expr/README.md` or the
 * TSDoc of `parseExpression`). Assignments may refer to each other in any order; the compiler sorts them and
 * rejects cycles.
 */
export interface AssignmentDecl {
  readonly name: string;
  readonly expr: string;
  readonly unit?: string;
  readonly description?: string;
}

/** A contribution `expr` to d(state)/dt, in the state's unit per minute. Several sub-models may add to one state. */
export interface RateDecl {
  readonly state: string;
  readonly expr: string;
}

/** A quantity reported to sinks at every sample time. */
export interface OutputDecl {
  readonly name: string;
  readonly expr: string;
  readonly unit: string;
  readonly description: string;
}

/** One part of a model (one file of `src/physiology/`), declared as data. */
export interface SubModel {
  readonly name: string;
  readonly description: string;
  readonly states?: readonly StateDecl[];
  readonly parameters?: readonly ParameterDecl[];
  readonly inputs?: readonly InputDecl[];
  readonly assignments?: readonly AssignmentDecl[];
  readonly rates?: readonly RateDecl[];
  readonly outputs?: readonly OutputDecl[];
}

/** A whole model: sub-models composed into one namespace (names must be unique across sub-models). */
export interface ModelDefinition {
  readonly name: string;
  readonly subModels: readonly SubModel[];
}

/**
 * Right-hand side of a compiled model: writes d(y)/dt into `dydt`. `p` are parameter values, `u` input values, all
 * indexed as in the compiled model's name lists. Must not allocate.
 */
export type ModelRhs = (
  t: number,
  y: Float64Array,
  p: Float64Array,
  u: Float64Array,
  dydt: Float64Array,
) => void;

/** Evaluates every output at one time into `out` (indexed as `outputNames`). */
export type ModelOutputs = (
  t: number,
  y: Float64Array,
  p: Float64Array,
  u: Float64Array,
  out: Float64Array,
) => void;

/** What `compileModel` returns: names resolved to indices once, and generated straight-line code. */
export interface CompiledModel {
  readonly name: string;
  readonly stateNames: readonly string[];
  readonly parameterNames: readonly string[];
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  readonly states: readonly StateDecl[];
  readonly parameters: readonly ParameterDecl[];
  readonly inputs: readonly InputDecl[];
  readonly outputs: readonly OutputDecl[];
  /** Index of a state by name; throws a named error for an unknown name. */
  stateIndex(name: string): number;
  parameterIndex(name: string): number;
  inputIndex(name: string): number;
  outputIndex(name: string): number;
  /** Fresh arrays holding the declared defaults. */
  defaultParameters(): Float64Array;
  initialState(): Float64Array;
  defaultInputs(): Float64Array;
  readonly rhs: ModelRhs;
  readonly outputsFn: ModelOutputs;
  /** The generated JavaScript, for inspection and debugging. */
  readonly jsSource: string;
}

/** A first-order system y' = f(t, y) of fixed size, as the solvers see it. */
export interface OdeSystem {
  readonly n: number;
  rhs(t: number, y: Float64Array, dydt: Float64Array): void;
  /**
   * Optional analytic Jacobian: writes ∂f_i/∂y_j into `J[i * n + j]` (row-major n×n, 1/min). Stiff solvers use it
   * instead of finite differences when present. Must not allocate.
   */
  jacobian?(t: number, y: Float64Array, J: Float64Array): void;
}

/** Error-control and step-size options shared by every solver. */
export interface SolverOptions {
  /** Relative tolerance, > 0. */
  readonly rtol: number;
  /** Absolute tolerance, > 0: one value for all states or one per state. */
  readonly atol: number | Float64Array;
  /** First step to try (minutes); chosen automatically when absent. */
  readonly initialStep?: number;
  /** Largest step allowed (minutes). */
  readonly maxStep?: number;
  /** Upper bound on accepted + rejected steps per `advance` call before giving up. */
  readonly maxSteps?: number;
}

/** Counters a stepper keeps, for benchmarks and diagnostics. */
export interface SolverStats {
  steps: number;
  rejected: number;
  rhsEvals: number;
  jacobianEvals: number;
  factorizations: number;
}

/**
 * One integration in progress. `step(tStop)` takes one accepted step that never passes `tStop`; after it,
 * `interpolate(t)` gives the dense-output solution for any t in [tPrev, t].
 */
export interface OdeStepper {
  readonly t: number;
  readonly tPrev: number;
  /** Current solution; do not modify it, use `reset` instead. */
  readonly y: Float64Array;
  readonly stats: SolverStats;
  step(tStop: number): void;
  interpolate(t: number, out: Float64Array): void;
  /** Restart from a changed state (after a discrete event): forgets history, keeps the step size hint. */
  reset(t: number, y: Float64Array): void;
}

/** A solver method: creates steppers for a system. */
export interface OdeSolver {
  readonly name: string;
  readonly stiff: boolean;
  create(system: OdeSystem, t0: number, y0: Float64Array, options: SolverOptions): OdeStepper;
}

/** A discrete change at time `t` (minutes): of a state or of an input, by setting, adding or multiplying. */
export interface TimedEvent {
  readonly t: number;
  readonly target: 'state' | 'input';
  readonly index: number;
  readonly op: 'set' | 'add' | 'mul';
  readonly value: number;
}

/** Receives sampled outputs in time order; must copy `values` if it keeps them. */
export interface SampleSink {
  push(t: number, values: Float64Array): void;
}

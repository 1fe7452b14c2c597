// SPDX-License-Identifier: MIT
/**
 * The event-driven integration loop: runs a compiled model from t0 to t1, stops exactly at every event time,
 * applies the events there and restarts the stepper, and streams outputs on a fixed time grid into a sink.
 *
 * Conventions:
 * - events at the same time apply in array order; a sample at exactly an event time is taken after the event;
 * - grid times are `sampleStart + k·sampleEvery` (never accumulated), restricted to [t0, t1];
 * - nothing per step is kept: memory is O(states + outputs) whatever the run length.
 */
import { InvalidOptionError, NonFiniteStateError, StepSizeUnderflowError } from './errors.js';
import { getSolver, type SolverName } from './solvers/index.js';
import type {
  CompiledModel,
  OdeSolver,
  OdeStepper,
  OdeSystem,
  SampleSink,
  SolverOptions,
  SolverStats,
  TimedEvent,
} from './types.js';

/** The parts of a {@link CompiledModel} the driver uses; every CompiledModel is one. */
export type IntegrableModel = Pick<
  CompiledModel,
  | 'stateNames'
  | 'parameterNames'
  | 'inputNames'
  | 'outputNames'
  | 'rhs'
  | 'outputsFn'
  | 'initialState'
  | 'defaultParameters'
  | 'defaultInputs'
>;

/** Called after every accepted step with its interval [tPrev, t] (minutes) and the new state (do not modify). */
export type StepObserver = (tPrev: number, t: number, y: Float64Array) => void;

/** Everything one run needs. Only `model`, `t0` and `t1` are required. */
export interface IntegrateRequest {
  readonly model: IntegrableModel;
  /** Start time (minutes). */
  readonly t0: number;
  /** End time (minutes), ≥ t0. */
  readonly t1: number;
  /** Parameter values (default: the model's declared values). Not modified. */
  readonly p?: Float64Array;
  /** Initial state (default: the model's declared initial values). Not modified. */
  readonly y0?: Float64Array;
  /** Initial input values (default: the model's declared values). Not modified; events change a copy. */
  readonly u0?: Float64Array;
  /** Discrete changes, sorted by time, each within [t0, t1]. */
  readonly events?: readonly TimedEvent[];
  /** Solver or its name (default `auto`). */
  readonly solver?: OdeSolver | SolverName;
  /** Tolerances and step limits (defaults: rtol 1e-6, atol 1e-9). */
  readonly options?: Partial<SolverOptions>;
  /** Receives the outputs at every grid time; requires `sampleEvery`. */
  readonly sink?: SampleSink;
  /** Grid spacing (minutes), > 0. */
  readonly sampleEvery?: number;
  /** First grid time (minutes, default t0); grid times before t0 are skipped. */
  readonly sampleStart?: number;
  /** Progress in [0, 1], called at most about 100 times per run (each whole percent, then 1). */
  readonly onProgress?: (fraction: number) => void;
  /** Sees every accepted step (for tests and diagnostics). */
  readonly stepObserver?: StepObserver;
}

/** What a run ends with. */
export interface IntegrateResult {
  /** End time (minutes), equal to t1. */
  readonly t: number;
  /** State at t1, after any event at t1. */
  readonly y: Float64Array;
  /** Inputs at t1, after any event at t1. */
  readonly u: Float64Array;
  /** Solver counters for the whole run. */
  readonly stats: SolverStats;
  /** Number of samples pushed to the sink. */
  readonly samples: number;
}

const DEFAULT_RTOL = 1e-6;
const DEFAULT_ATOL = 1e-9;
const PROGRESS_STEPS = 100;

/** A compiled model seen as y' = f(t, y) with fixed parameter and (mutable, shared) input arrays. */
class ModelSystem implements OdeSystem {
  readonly n: number;

  constructor(
    private readonly model: IntegrableModel,
    private readonly p: Float64Array,
    private readonly u: Float64Array,
  ) {
    this.n = model.stateNames.length;
  }

  rhs(t: number, y: Float64Array, dydt: Float64Array): void {
    this.model.rhs(t, y, this.p, this.u, dydt);
  }
}

/**
 * Builds the {@link OdeSystem} of a model for given parameters and inputs. The system reads `u` at every call, so
 * changing `u` changes the dynamics (the caller must then `reset` its stepper).
 */
export function modelSystem(model: IntegrableModel, p: Float64Array, u: Float64Array): OdeSystem {
  return new ModelSystem(model, p, u);
}

/** Sample times `start + k·every`, walked in order without accumulating rounding. */
class SampleGrid {
  // Initialised here so that V8 keeps them as a small integer and an unboxed double (an uninitialised class
  // field starts as `undefined`, and every later double stored in it would be a fresh heap number).
  private k = 0;
  /** Next grid time not yet sampled (minutes); Infinity when there is no grid. */
  next = Number.NaN;

  constructor(
    private readonly start: number,
    private readonly every: number,
    t0: number,
  ) {
    this.k = Math.max(0, Math.ceil((t0 - start) / every));
    while (start + this.k * every < t0) this.k++;
    while (this.k > 0 && start + (this.k - 1) * every >= t0) this.k--;
    this.next = start + this.k * every;
  }

  advance(): void {
    this.k++;
    this.next = this.start + this.k * this.every;
  }
}

/** Mutable state of one run; created once, then the loop only reads and writes its typed arrays. */
interface Run {
  readonly model: IntegrableModel;
  readonly t1: number;
  readonly p: Float64Array;
  readonly u: Float64Array;
  /** Scratch state: events are applied here before a reset. */
  readonly yWork: Float64Array;
  /** Scratch state for interpolated samples. */
  readonly ySample: Float64Array;
  readonly outputs: Float64Array;
  readonly events: readonly TimedEvent[];
  nextEvent: number;
  readonly grid: SampleGrid | undefined;
  readonly sink: SampleSink | undefined;
  samples: number;
  readonly progress: ProgressReporter | undefined;
  readonly stepObserver: StepObserver | undefined;
}

/** Calls `onProgress` each time the run crosses a whole percent. */
class ProgressReporter {
  /** The next whole percent to report (integers avoid 0.29·100 = 28.999… repeating a call). */
  private nextPercent = 1;

  constructor(
    private readonly onProgress: (fraction: number) => void,
    private readonly t0: number,
    private readonly span: number,
  ) {}

  update(t: number): void {
    const fraction = this.span > 0 ? (t - this.t0) / this.span : 1;
    const percent = Math.floor(fraction * PROGRESS_STEPS);
    if (percent < this.nextPercent || fraction >= 1) return;
    this.onProgress(fraction);
    this.nextPercent = percent + 1;
  }

  finish(): void {
    this.onProgress(1);
  }
}

/**
 * Runs `request.model` from t0 to t1 through its events, pushing outputs on the sample grid into the sink.
 * Allocates its buffers at start-up; the loop creates no arrays or objects. The one garbage left is V8's: each
 * call of the generated right-hand side receives its time as a boxed number (16 bytes, about 80 bytes per DOPRI5
 * step, reclaimed by the cheapest young-generation collections).
 * @throws InvalidOptionError for bad times, tolerances, parameters, initial values or events (naming the field,
 * e.g. `events[3].t`); NonFiniteStateError, StepSizeUnderflowError or TooManyStepsError when the solver fails.
 * @example
 * const sink = new ArraySink(model.outputNames);
 * integrate({ model, t0: 0, t1: 1440, events, sink, sampleEvery: 5 });
 */
export function integrate(request: IntegrateRequest): IntegrateResult {
  const run = prepareRun(request);
  const t0 = request.t0;
  run.yWork.set(request.y0 ?? request.model.initialState());
  applyEventsAt(run, t0);
  const solver = resolveSolver(request.solver);
  const system = modelSystem(run.model, run.p, run.u);
  try {
    const stepper = solver.create(system, t0, run.yWork, solverOptions(request.options));
    emitSamplesAtStopTime(run, t0, stepper.y);
    while (stepper.t < run.t1) {
      const tStop = run.nextEvent < run.events.length ? run.events[run.nextEvent].t : run.t1;
      advanceTo(run, stepper, tStop);
      if (applyEventsAt(run, tStop, stepper)) stepper.reset(tStop, run.yWork);
      emitSamplesAtStopTime(run, tStop, stepper.y);
    }
    run.progress?.finish();
    return {
      t: run.t1,
      y: Float64Array.from(stepper.y),
      u: Float64Array.from(run.u),
      stats: { ...stepper.stats },
      samples: run.samples,
    };
  } catch (error) {
    throw withStateNames(error, run.model.stateNames);
  }
}

/** Steps until the stepper reaches tStop exactly, sampling every grid time strictly before each step's end. */
function advanceTo(run: Run, stepper: OdeStepper, tStop: number): void {
  const { grid, stepObserver, progress } = run;
  while (stepper.t < tStop) {
    stepper.step(tStop);
    if (stepObserver) stepObserver(stepper.tPrev, stepper.t, stepper.y);
    if (grid) {
      while (grid.next < stepper.t) {
        stepper.interpolate(grid.next, run.ySample);
        pushSample(run, grid.next, run.ySample);
        grid.advance();
      }
    }
    if (progress) progress.update(stepper.t);
  }
}

/** Samples every remaining grid time equal to (or, by rounding, before) a stop time from the given state. */
function emitSamplesAtStopTime(run: Run, t: number, y: Float64Array): void {
  const grid = run.grid;
  if (!grid) return;
  while (grid.next <= t) {
    pushSample(run, grid.next, y);
    grid.advance();
  }
}

function pushSample(run: Run, t: number, y: Float64Array): void {
  run.model.outputsFn(t, y, run.p, run.u, run.outputs);
  run.sink?.push(t, run.outputs);
  run.samples++;
}

/**
 * Applies every event at exactly time t, in array order, to `yWork` (copied from the stepper first) and `u`.
 * @returns true when at least one event was applied.
 */
function applyEventsAt(run: Run, t: number, stepper?: OdeStepper): boolean {
  const { events, yWork, u } = run;
  if (run.nextEvent >= events.length || events[run.nextEvent].t !== t) return false;
  if (stepper) yWork.set(stepper.y);
  while (run.nextEvent < events.length && events[run.nextEvent].t === t) {
    const event = events[run.nextEvent++];
    applyEvent(event, event.target === 'state' ? yWork : u);
  }
  return true;
}

function applyEvent(event: TimedEvent, target: Float64Array): void {
  const i = event.index;
  switch (event.op) {
    case 'set':
      target[i] = event.value;
      break;
    case 'add':
      target[i] += event.value;
      break;
    case 'mul':
      target[i] *= event.value;
      break;
  }
}

function resolveSolver(solver: OdeSolver | SolverName | undefined): OdeSolver {
  if (solver === undefined) return getSolver('auto');
  return typeof solver === 'string' ? getSolver(solver) : solver;
}

function solverOptions(options: Partial<SolverOptions> | undefined): SolverOptions {
  return { ...options, rtol: options?.rtol ?? DEFAULT_RTOL, atol: options?.atol ?? DEFAULT_ATOL };
}

/** Validates the request and allocates every buffer the loop will use. */
function prepareRun(request: IntegrateRequest): Run {
  const { model, t0, t1 } = request;
  if (!Number.isFinite(t0)) throw new InvalidOptionError('t0', t0, 'a finite time (min)');
  if (!Number.isFinite(t1) || t1 < t0)
    throw new InvalidOptionError('t1', t1, `a finite time (min) >= t0 = ${t0}`);
  const p = request.p ? Float64Array.from(request.p) : model.defaultParameters();
  const u = request.u0 ? Float64Array.from(request.u0) : model.defaultInputs();
  checkNamedVector('p', p, model.parameterNames);
  checkNamedVector('u0', u, model.inputNames);
  if (request.y0) checkNamedVector('y0', request.y0, model.stateNames);
  const events = request.events ?? [];
  validateEvents(events, t0, t1, model.stateNames.length, model.inputNames.length);
  const n = model.stateNames.length;
  return {
    model,
    t1,
    p,
    u,
    yWork: new Float64Array(n),
    ySample: new Float64Array(n),
    outputs: new Float64Array(model.outputNames.length),
    events,
    nextEvent: 0,
    grid: sampleGrid(request),
    sink: request.sink,
    samples: 0,
    progress: request.onProgress ? new ProgressReporter(request.onProgress, t0, t1 - t0) : undefined,
    stepObserver: request.stepObserver,
  };
}

function sampleGrid(request: IntegrateRequest): SampleGrid | undefined {
  const { sampleEvery, sampleStart, sink, t0 } = request;
  if (sampleEvery === undefined) {
    if (sink)
      throw new InvalidOptionError(
        'sampleEvery',
        sampleEvery,
        'a finite number > 0 (min) when a sink is given',
      );
    return undefined;
  }
  if (!Number.isFinite(sampleEvery) || sampleEvery <= 0) {
    throw new InvalidOptionError('sampleEvery', sampleEvery, 'a finite number > 0 (min)');
  }
  const start = sampleStart ?? t0;
  if (!Number.isFinite(start)) throw new InvalidOptionError('sampleStart', start, 'a finite time (min)');
  return new SampleGrid(start, sampleEvery, t0);
}

/** Length and finiteness of `p`, `u0` or `y0`, naming the entry: `p[3] (kel) must be a finite number, got NaN`. */
function checkNamedVector(field: string, v: Float64Array, names: readonly string[]): void {
  if (v.length !== names.length) {
    throw new InvalidOptionError(`${field}.length`, v.length, `the model's count (${names.length})`);
  }
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i]))
      throw new InvalidOptionError(`${field}[${i}] (${names[i]})`, v[i], 'a finite number');
  }
}

/** Every event: finite, within [t0, t1], sorted, a known target and op, an index in range, a finite value. */
function validateEvents(
  events: readonly TimedEvent[],
  t0: number,
  t1: number,
  stateCount: number,
  inputCount: number,
): void {
  let previous = -Infinity;
  for (let k = 0; k < events.length; k++) {
    const e = events[k];
    const at = `events[${k}]`;
    if (!Number.isFinite(e.t) || e.t < t0 || e.t > t1) {
      throw new InvalidOptionError(`${at}.t`, e.t, `a time within [t0, t1] = [${t0}, ${t1}] min`);
    }
    if (e.t < previous) {
      throw new InvalidOptionError(
        `${at}.t`,
        e.t,
        `>= the previous event's time ${previous} min (events must be sorted)`,
      );
    }
    previous = e.t;
    if (e.target !== 'state' && e.target !== 'input') {
      throw new InvalidOptionError(`${at}.target`, e.target, `'state' or 'input'`);
    }
    if (e.op !== 'set' && e.op !== 'add' && e.op !== 'mul') {
      throw new InvalidOptionError(`${at}.op`, e.op, `one of 'set', 'add', 'mul'`);
    }
    const count = e.target === 'state' ? stateCount : inputCount;
    if (!Number.isInteger(e.index) || e.index < 0 || e.index >= count) {
      throw new InvalidOptionError(`${at}.index`, e.index, `an integer in [0, ${count}) (${e.target} index)`);
    }
    if (!Number.isFinite(e.value)) throw new InvalidOptionError(`${at}.value`, e.value, 'a finite number');
  }
}

/** Adds the state's name to a solver error that only knows its index. */
function withStateNames(error: unknown, names: readonly string[]): unknown {
  if (
    error instanceof NonFiniteStateError &&
    error.stateIndex !== undefined &&
    error.stateName === undefined
  ) {
    return new NonFiniteStateError({
      t: error.t,
      stateIndex: error.stateIndex,
      stateName: names[error.stateIndex],
      ...(error.stepSize === undefined ? {} : { stepSize: error.stepSize }),
      ...(error.where === undefined ? {} : { where: error.where }),
    });
  }
  if (
    error instanceof StepSizeUnderflowError &&
    error.stateIndex !== undefined &&
    error.stateName === undefined
  ) {
    return new StepSizeUnderflowError({
      t: error.t,
      stepSize: error.stepSize,
      stateIndex: error.stateIndex,
      stateName: names[error.stateIndex],
    });
  }
  return error;
}

// SPDX-License-Identifier: MIT
/**
 * Runs a compiled SBML model on an output grid: integrates the states with the engine's solvers (DOPRI5, switching
 * to RODAS4 when stiff), locates event triggers by bisection on the dense output, and executes events with SBML
 * Level 3 semantics (delays, priorities, persistence, values from trigger or execution time).
 */
import {
  createRandom,
  getSolver,
  type OdeStepper,
  type OdeSystem,
  type Random,
  type SolverName,
} from '../../../engine/index.js';
import { SbmlError } from './errors.js';
import { StateHistory } from './history.js';
import type { CompiledSbml } from './plan.js';

/** Solver choice and tolerances for one run. */
export interface SbmlRunOptions {
  readonly solver?: SolverName;
  readonly rtol?: number;
  readonly atol?: number;
  /** Absolute tolerances of single states by id (the others keep `atol`). */
  readonly stateAtol?: Readonly<Record<string, number>>;
  /**
   * true (default): the integrator stops at every output time; false: output times between the integrator's
   * stops are read from its dense output, so the steps do not depend on the output grid (as in endotwin's runs).
   */
  readonly stopAtOutputs?: boolean;
  /** Times at which the integrator stops and starts afresh (a new initial step), as between endotwin's segments. */
  readonly restarts?: readonly number[];
  /** Seed of the random choice among simultaneous events of equal priority (default 1). */
  readonly seed?: number;
  /** Start values that replace the model's (slots of parameters or compartments); what depends on them follows. */
  readonly initialValues?: readonly { readonly slot: number; readonly value: number }[];
  /** Amounts added to a slot (a species' amount) at given times, in time order. */
  readonly injections?: readonly SbmlInjection[];
}

/** An amount added to a value at a time: a dose into a species. */
export interface SbmlInjection {
  readonly time: number;
  readonly slot: number;
  readonly amount: number;
}

/** The output grid and what to report at each of its times. */
export interface SbmlOutputRequest {
  /** First output time (the model itself starts at time 0). */
  readonly start: number;
  readonly duration: number;
  readonly steps: number;
  /** How to read each column from the value array `v`. */
  readonly columns: readonly ColumnReader[];
}

/** Reads one reported quantity from the value array. */
export type ColumnReader = (v: Float64Array) => number;

/** One row per grid time: the time, then one value per column. */
export type SbmlRows = Float64Array[];

interface Pending {
  readonly event: number;
  readonly time: number;
  readonly values: Float64Array | undefined;
  readonly order: number;
}

/** Largest number of event executions at one instant before the run is declared not to settle. */
const MAX_EVENTS_PER_INSTANT = 10_000;

/**
 * Simulates a compiled model and samples it on the grid `start + k·duration/steps`, k = 0…steps. A sample at an
 * event time is taken after the events there.
 */
export function runSbml(
  model: CompiledSbml,
  request: SbmlOutputRequest,
  options: SbmlRunOptions = {},
): SbmlRows {
  return new SbmlRun(model, request, options).run();
}

class SbmlRun {
  private readonly v: Float64Array;
  private readonly y: Float64Array;
  private readonly n: number;
  private readonly armed: Float64Array;
  private readonly current: Float64Array;
  private readonly pending: Pending[] = [];
  private readonly rows: SbmlRows = [];
  private stepper: OdeStepper | undefined;
  private t = 0;
  private order = 0;
  private readonly random: Random;
  /** Kept only for models that use delay(). */
  private readonly history: StateHistory | undefined;
  private readonly slope: Float64Array;
  /** Values at the start (after events there): delay() before the start reads these. */
  private readonly initial: Float64Array;
  /** Scratch value arrays for delay(), one per nesting depth. */
  private readonly scratch: Float64Array[] = [];
  private readonly scratchY: Float64Array;
  private delayDepth = 0;
  private readonly injections: readonly SbmlInjection[];
  private nextInjection = 0;
  /** Times the integrator must land on exactly (time triggers, restarts), ascending, and the next one's index. */
  private readonly stops: readonly number[];
  private nextStop = 0;
  private readonly restarts: ReadonlySet<number>;
  /** Index of the next output time to emit. */
  private k = 0;

  constructor(
    private readonly model: CompiledSbml,
    private readonly request: SbmlOutputRequest,
    private readonly options: SbmlRunOptions,
  ) {
    this.v = new Float64Array(model.valueCount);
    this.n = model.stateSlots.length;
    this.y = new Float64Array(this.n);
    this.armed = Float64Array.from(model.events, (e) => (e.initialValue ? 1 : 0));
    this.current = new Float64Array(model.events.length);
    this.random = createRandom(options.seed ?? 1);
    this.history = model.delayCount > 0 ? new StateHistory(this.n) : undefined;
    this.slope = new Float64Array(this.n);
    this.initial = new Float64Array(model.valueCount);
    this.scratchY = new Float64Array(this.n);
    model.code.hooks.delay = (k, at, t, v) => this.delayedValue(k, at, t, v);
    this.injections = options.injections ?? [];
    for (let i = 1; i < this.injections.length; i++) {
      if (!(this.injections[i].time >= this.injections[i - 1].time)) {
        throw new SbmlError('invalid', 'injections', 'injections must be in time order');
      }
    }
    this.restarts = new Set(options.restarts ?? []);
    const triggerTimes = model.events.flatMap((e) => (e.triggerTime === undefined ? [] : [e.triggerTime]));
    this.stops = [...new Set([...triggerTimes, ...this.restarts])].filter((x) => x > 0).sort((a, b) => a - b);
  }

  run(): SbmlRows {
    const { model, v } = this;
    const { steps } = this.request;
    const fixed = new Uint8Array(model.valueCount);
    for (const { slot, value } of this.options.initialValues ?? []) {
      v[slot] = value;
      fixed[slot] = 1;
    }
    model.code.init(0, v, fixed);
    model.code.derive(0, v);
    this.initial.set(v);
    this.inject();
    this.processEvents();
    this.initial.set(v);
    this.startStepper();
    const stopAtOutputs = this.options.stopAtOutputs ?? true;
    while (this.k <= steps) {
      const tGrid = this.gridTime(this.k);
      if (this.t >= tGrid) {
        this.emit(tGrid);
        this.k++;
        continue;
      }
      while (this.nextStop < this.stops.length && this.stops[this.nextStop] <= this.t) this.nextStop++;
      const nextStop = this.nextStop < this.stops.length ? this.stops[this.nextStop] : Infinity;
      // Without stops at the outputs the steps go on to the next stop, as if the run went on after the last output
      // (a model without states has no steps: it still moves from output to output).
      this.advance(
        Math.min(
          stopAtOutputs || this.n === 0 ? tGrid : Infinity,
          nextStop,
          this.nextPendingTime(),
          this.nextInjectionTime(),
        ),
      );
    }
    return this.rows;
  }

  private gridTime(k: number): number {
    const { start, duration, steps } = this.request;
    return start + (k * duration) / steps;
  }

  /** Emits the output times before `t` from the last step's dense output (then `v` must be reloaded). */
  private emitInterpolated(t: number): boolean {
    let emitted = false;
    for (let g = this.gridTime(this.k); this.k <= this.request.steps && g < t; g = this.gridTime(this.k)) {
      this.load(g, false);
      this.emit(g);
      this.k++;
      emitted = true;
    }
    return emitted;
  }

  private startStepper(): void {
    const { model, v, y, n } = this;
    for (let i = 0; i < n; i++) y[i] = v[model.stateSlots[i]];
    if (n === 0) return;
    if (this.stepper && !this.restarts.has(this.t)) {
      this.stepper.reset(this.t, y);
    } else {
      const system: OdeSystem = { n, rhs: (t, state, dydt) => model.code.rhs(t, state, v, dydt) };
      const shortest = model.delayCount > 0 && model.shortestDelay > 0 ? model.shortestDelay : Infinity;
      this.stepper = getSolver(this.options.solver ?? 'auto').create(system, this.t, y, {
        rtol: this.options.rtol ?? 1e-9,
        atol: this.absoluteTolerances(),
        maxSteps: 1_000_000,
        // Steps no longer than the shortest delay read delay() from recorded history, never extrapolated.
        ...(Number.isFinite(shortest) ? { maxStep: shortest } : {}),
      });
    }
    // The stepper's probes evaluated the right-hand side elsewhere: `v` is scratch, so restore it.
    this.load(this.t, true);
    this.record(this.t);
  }

  /** `atol` for every state, or one per state where `stateAtol` names it. */
  private absoluteTolerances(): number | Float64Array {
    const atol = this.options.atol ?? 1e-14;
    const byId = this.options.stateAtol;
    if (byId === undefined) return atol;
    const idOfSlot = new Map([...this.model.symbols.values()].map((s) => [s.amountSlot, s.id]));
    return Float64Array.from(this.model.stateSlots, (slot) => byId[idOfSlot.get(slot) ?? ''] ?? atol);
  }

  /** Appends the current state and slope to the history (models with delay() only). */
  private record(t: number): void {
    if (!this.history || this.n === 0) return;
    const { model, v, y, slope } = this;
    model.code.rhs(t, y, v, slope);
    this.history.record(t, y, slope);
    model.code.derive(t, v);
  }

  /**
   * delay(x, d): x evaluated at time `at` = t − d on the recorded states, with the rules re-evaluated at that
   * time; before the start the states keep their start values (time-dependent rules still see `at`).
   */
  private delayedValue(k: number, at: number, t: number, v: Float64Array): number {
    const { model } = this;
    if (!(at < t)) return model.code.delayed(k, t, v);
    const history = this.history;
    // Re-deriving at a past time re-evaluates every rule, also those holding a delay() x does not need; reading
    // their history too would recurse without end. One level is read exactly; deeper ones see the past values.
    if (this.delayDepth > 0) return model.code.delayed(k, at, v);
    const depth = this.delayDepth++;
    try {
      const past = (this.scratch[depth] ??= new Float64Array(model.valueCount));
      past.set(v);
      if (history && history.size > 0) {
        history.at(at, this.scratchY);
        for (let i = 0; i < this.n; i++) past[model.stateSlots[i]] = this.scratchY[i];
      }
      model.code.derive(at, past);
      return model.code.delayed(k, at, past);
    } finally {
      this.delayDepth--;
    }
  }

  /** Loads the solution at time `t` (within the last step) into `v` and recomputes what depends on it. */
  private load(t: number, exact: boolean): void {
    const { model, v, y, n } = this;
    if (n > 0 && this.stepper) {
      if (exact) y.set(this.stepper.y);
      else this.stepper.interpolate(t, y);
      for (let i = 0; i < n; i++) v[model.stateSlots[i]] = y[i];
    }
    model.code.derive(t, v);
  }

  private triggersChanged(t: number): boolean {
    const { current, armed } = this;
    this.model.code.triggers(t, this.v, current);
    for (let i = 0; i < current.length; i++) if (current[i] !== armed[i]) return true;
    return false;
  }

  /** Integrates towards `target`; stops early at the first trigger change, then runs the events there. */
  private advance(target: number): void {
    const from = this.t;
    let tNew = target;
    if (this.stepper) {
      this.stepper.step(target);
      tNew = this.stepper.t;
    }
    this.load(tNew, true);
    if (this.history) this.record(tNew);
    const interpolate = !(this.options.stopAtOutputs ?? true);
    if (this.model.events.length > 0 && this.triggersChanged(tNew)) {
      let lo = from;
      let hi = tNew;
      // At a time trigger's own time the change is known to lie there, unless a trigger changed just before.
      const atStop = this.stops[this.nextStop] === tNew;
      const justBefore = tNew - (tNew - from) * 1e-9;
      if (atStop && justBefore > from) {
        this.load(justBefore, false);
        if (this.triggersChanged(justBefore)) hi = justBefore;
        else lo = hi;
      }
      for (let i = 0; i < 200; i++) {
        const mid = lo + (hi - lo) / 2;
        if (!(mid > lo && mid < hi)) break;
        this.load(mid, false);
        if (this.triggersChanged(mid)) hi = mid;
        else lo = mid;
      }
      if (interpolate) this.emitInterpolated(hi);
      this.load(hi, hi === tNew);
      if (this.history && hi !== tNew) {
        this.history.truncateAfter(from);
        this.record(hi);
      }
      this.t = hi;
      this.processEvents();
      this.startStepper();
      return;
    }
    if (interpolate && this.emitInterpolated(tNew)) this.load(tNew, true);
    this.t = tNew;
    if (this.restarts.has(tNew)) this.startStepper();
    if (this.nextPendingTime() <= tNew || this.nextInjectionTime() <= tNew) {
      this.inject();
      this.processEvents();
      this.startStepper();
    }
  }

  private nextInjectionTime(): number {
    return this.nextInjection < this.injections.length ? this.injections[this.nextInjection].time : Infinity;
  }

  /** Adds the injections due at the current time. */
  private inject(): void {
    let changed = false;
    while (this.nextInjectionTime() <= this.t) {
      const { slot, amount } = this.injections[this.nextInjection++];
      this.v[slot] += amount;
      changed = true;
    }
    if (changed) this.model.code.derive(this.t, this.v);
  }

  private nextPendingTime(): number {
    let next = Infinity;
    for (const p of this.pending) if (p.time < next) next = p.time;
    return next;
  }

  /** Fires, cancels and executes events at the current time until nothing more happens. */
  private processEvents(): void {
    const { model, v, armed, current, pending } = this;
    const events = model.events;
    if (events.length === 0) return;
    const t = this.t;
    for (let executed = 0; ; executed++) {
      if (executed > MAX_EVENTS_PER_INSTANT) {
        throw new SbmlError('invalid', 'listOfEvents', `events keep firing at time ${t} without settling`);
      }
      model.code.triggers(t, v, current);
      for (let i = 0; i < events.length; i++) {
        if (current[i] === armed[i]) continue;
        armed[i] = current[i];
        if (current[i] === 1) {
          const delay = model.code.delay(i, t, v);
          const values = events[i].useValuesFromTriggerTime ? this.eventValues(i, t) : undefined;
          pending.push({ event: i, time: t + delay, values, order: this.order++ });
        } else if (!events[i].persistent) {
          for (let j = pending.length - 1; j >= 0; j--) if (pending[j].event === i) pending.splice(j, 1);
        }
      }
      const chosen = this.choose(t);
      if (chosen < 0) return;
      const [p] = pending.splice(chosen, 1);
      model.code.assign(p.event, v, p.values ?? this.eventValues(p.event, t));
      for (let i = 0; i < this.n; i++) this.y[i] = v[model.stateSlots[i]];
      model.code.derive(t, v);
    }
  }

  /**
   * Index in `pending` of the due event to execute next, or -1: the highest priority wins; SBML leaves the order
   * among equal priorities open, and it is drawn at random (seeded), as the suite's RandomEventExecution cases need.
   */
  private choose(t: number): number {
    let best = -1;
    let bestPriority = -Infinity;
    let ties = 0;
    for (let j = 0; j < this.pending.length; j++) {
      const p = this.pending[j];
      if (p.time > t) continue;
      const raw = this.model.code.priority(p.event, t, this.v);
      const priority = Number.isNaN(raw) ? -Infinity : raw;
      if (best < 0 || priority > bestPriority) {
        best = j;
        bestPriority = priority;
        ties = 1;
      } else if (priority === bestPriority && this.random.nextInt(++ties) === 0) {
        best = j; // reservoir sampling: each of the tied events is chosen with probability 1/ties
      }
    }
    return best;
  }

  private eventValues(event: number, t: number): Float64Array {
    const out = new Float64Array(this.model.events[event].assignmentCount);
    this.model.code.values(event, t, this.v, out);
    return out;
  }

  private emit(t: number): void {
    const { columns } = this.request;
    const row = new Float64Array(columns.length + 1);
    row[0] = t;
    for (let i = 0; i < columns.length; i++) row[i + 1] = columns[i](this.v);
    this.rows.push(row);
  }
}

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
import type { CompiledSbml } from './plan.js';

/** Solver choice and tolerances for one run. */
export interface SbmlRunOptions {
  readonly solver?: SolverName;
  readonly rtol?: number;
  readonly atol?: number;
  /** Seed of the random choice among simultaneous events of equal priority (default 1). */
  readonly seed?: number;
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
  }

  run(): SbmlRows {
    const { model, v } = this;
    const { start, duration, steps } = this.request;
    model.code.init(0, v);
    model.code.derive(0, v);
    this.processEvents();
    this.startStepper();
    for (let k = 0; k <= steps;) {
      const tGrid = start + (k * duration) / steps;
      if (this.t >= tGrid) {
        this.emit(tGrid);
        k++;
        continue;
      }
      this.advance(Math.min(tGrid, this.nextPendingTime()));
    }
    return this.rows;
  }

  private startStepper(): void {
    const { model, v, y, n } = this;
    for (let i = 0; i < n; i++) y[i] = v[model.stateSlots[i]];
    if (n === 0) return;
    if (this.stepper) {
      this.stepper.reset(this.t, y);
    } else {
      const system: OdeSystem = { n, rhs: (t, state, dydt) => model.code.rhs(t, state, v, dydt) };
      this.stepper = getSolver(this.options.solver ?? 'auto').create(system, this.t, y, {
        rtol: this.options.rtol ?? 1e-9,
        atol: this.options.atol ?? 1e-14,
        maxSteps: 1_000_000,
      });
    }
    // The stepper's probes evaluated the right-hand side elsewhere: `v` is scratch, so restore it.
    this.load(this.t, true);
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
    if (this.model.events.length > 0 && this.triggersChanged(tNew)) {
      let lo = from;
      let hi = tNew;
      for (let i = 0; i < 200; i++) {
        const mid = lo + (hi - lo) / 2;
        if (!(mid > lo && mid < hi)) break;
        this.load(mid, false);
        if (this.triggersChanged(mid)) hi = mid;
        else lo = mid;
      }
      this.load(hi, hi === tNew);
      this.t = hi;
      this.processEvents();
      this.startStepper();
      return;
    }
    this.t = tNew;
    if (this.nextPendingTime() <= tNew) {
      this.processEvents();
      this.startStepper();
    }
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

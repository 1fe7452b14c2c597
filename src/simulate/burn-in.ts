// SPDX-License-Identifier: MIT
/**
 * Stage 4: the untreated patient run to its own steady state before day 0.
 *
 * The burn-in runs in weekly segments with the slow tissue states frozen (`tissue_on = 0`, so day 0 starts at the
 * measured body composition) and the slow adaptations sped up (`adaptation_speed`, so the β-cells, SHBG, Leydig
 * cells and training start day 0 at their steady state). After each of the first three weeks the parameters that
 * baseline labs pin down are rescaled (`calibration.ts`); after the last, the patient's own untreated references
 * (IGF-1, free testosterone, GH tissue signal) and the energy-balance constant K are set, and the run's parameters
 * return to normal for the treatment.
 */
import type { ParamName } from '../physiology/param-names.generated.js';
import { integrate } from '../engine/integrate.js';
import { CallbackSink } from '../engine/sinks.js';
import type { CompiledModel } from '../engine/types.js';
import type { Scenario } from '../scenario/schema.js';
import { calibrateToLabs, setReferences, type BurnInReading } from './calibration.js';
import { eventsIn, type Timeline } from './events.js';
import { BURN_IN_DAYS, MIN_PER_DAY, SOLVER, solverOptions } from './settings.js';
import type { Setup } from './setup.js';
import type { EndState, ProgressSpan } from './types.js';

/** Days at the end of a burn-in segment over which readings are averaged (pulses are random). */
const READING_DAYS = 4;

/**
 * Spacing of the burn-in's samples (minutes): its readings are means over days and the fasting draws, so a coarser
 * grid than the treatment's suffices; the grid is aligned on the fasting draw time.
 */
const BURN_IN_STEP_MIN = 15;

/** How much faster slow adaptations run in the burn-in than in the treatment. */
export const BURN_IN_ADAPTATION_SPEED = 5;

/** Burn-in segments (days): a reading at the end of each; calibration after each but the last. */
const BREAKS_DAYS = [-BURN_IN_DAYS, -21, -14, -7, 0];

/** Outputs averaged over the last reading days (for the calibrations). */
const MEAN_OUTPUTS = ['hepatic_gh_signal', 'igf1_ng_ml'] as const;

/**
 * Outputs averaged over the whole (weekly) segment, for the untreated references: a full week averages out the
 * day-to-day variation of the random pulses and any weekly exercise schedule.
 */
const WEEK_OUTPUTS = [
  'igf1_ng_ml',
  'socs_inhibition',
  'log_free_t',
  'energy_intake_kcal_per_d',
  'energy_expenditure_kcal_per_d',
] as const;

/** Outputs averaged over the morning (fasting) draws of the reading days. */
const DRAW_OUTPUTS = [
  'glucose_mg_dl',
  'insulin_uU_ml',
  'insulin_action_per_min',
  'igf1_glucose_action_per_min',
  'egp_rate_mg_dl_min',
  'testosterone_ng_dl',
] as const;

/** Running means of some outputs over a time window, and over the draws inside it. */
class WindowMeans {
  private readonly sums: Float64Array;
  private n = 0;

  constructor(
    private readonly names: readonly string[],
    private readonly indices: readonly number[],
    private readonly from: number,
    private readonly to: number,
    private readonly drawMin?: number,
  ) {
    this.sums = new Float64Array(indices.length);
  }

  /** Adds a sample when it falls in the window (and, for draws, within 5 min after the draw time). */
  push(t: number, v: Float64Array): void {
    if (t < this.from || t >= this.to) return;
    if (this.drawMin !== undefined) {
      // The first sample at or after the draw time stands for the draw (on time: the grid is aligned on it).
      const sinceDraw = (((t - this.drawMin) % MIN_PER_DAY) + MIN_PER_DAY) % MIN_PER_DAY;
      if (sinceDraw >= BURN_IN_STEP_MIN) return;
    }
    this.indices.forEach((index, i) => (this.sums[i] += v[index]));
    this.n++;
  }

  /** The means by output name. */
  read(): Record<string, number> {
    return Object.fromEntries(this.names.map((name, i) => [name, this.sums[i] / this.n]));
  }
}

/** The sink of a burn-in segment [from, to) and the readings it accumulates. */
function readingSink(model: CompiledModel, from: number, to: number, drawMin: number) {
  const indices = (names: readonly string[]) => names.map((name) => model.outputIndex(name));
  const last = to - READING_DAYS * MIN_PER_DAY;
  const means = new WindowMeans(MEAN_OUTPUTS, indices(MEAN_OUTPUTS), last, to);
  const week = new WindowMeans(WEEK_OUTPUTS, indices(WEEK_OUTPUTS), from, to);
  const draws = new WindowMeans(DRAW_OUTPUTS, indices(DRAW_OUTPUTS), last, to, drawMin);
  const sink = new CallbackSink((t, v) => {
    means.push(t, v);
    week.push(t, v);
    draws.push(t, v);
  });
  return { sink, read: () => ({ means: means.read(), weekMeans: week.read(), draws: draws.read() }) };
}

/** Integrates an untreated stretch and reads the steady state off its last days. */
function burnInSegment(
  setup: Setup,
  timeline: Timeline,
  start: EndState | undefined,
  from: number,
  to: number,
  onProgress: ((fraction: number) => void) | undefined,
): BurnInReading {
  const { model, p } = setup;
  const reading = readingSink(model, from, to, timeline.fastingDrawMin);
  const result = integrate({
    model,
    t0: from,
    t1: to,
    p,
    y0: start ? start.y : setup.y0,
    ...(start ? { u0: start.u } : {}),
    events: eventsIn(timeline.background, from, to, false),
    solver: SOLVER,
    options: solverOptions(model),
    sink: reading.sink,
    sampleEvery: BURN_IN_STEP_MIN,
    sampleStart: from + (timeline.fastingDrawMin % BURN_IN_STEP_MIN),
    ...(onProgress ? { onProgress } : {}),
  });
  return {
    y: result.y,
    u: result.u,
    ...reading.read(),
    capacity: result.y[model.stateIndex('igfbp3_capacity')],
  };
}

/** Mean energy (kcal/day) of the meals eaten in [from, to). */
function mealKcalPerDay(timeline: Timeline, from: number, to: number): number {
  let kcal = 0;
  for (const c of timeline.changes) if (c.kind === 'meal' && c.t_min >= from && c.t_min < to) kcal += c.kcal;
  return (kcal * MIN_PER_DAY) / (to - from);
}

/** Sets a parameter of the run by name. */
function setParameter(setup: Setup, name: ParamName, value: number): void {
  setup.p[setup.model.parameterIndex(name)] = value;
}

/**
 * Runs the untreated patient from the burn-in's start to day 0 and returns the state at day 0, leaving the
 * run's parameters calibrated to the baseline labs (when given), with the patient's untreated references set and
 * the tissue states switched on.
 */
export function burnIn(
  scenario: Scenario,
  setup: Setup,
  timeline: Timeline,
  onProgress: ProgressSpan,
): EndState {
  setParameter(setup, 'tissue_on', 0);
  setParameter(setup, 'adaptation_speed', BURN_IN_ADAPTATION_SPEED);
  const breaks = BREAKS_DAYS.map((d) => d * MIN_PER_DAY);
  let state: EndState | undefined;
  for (let i = 0; i + 1 < breaks.length; i++) {
    const reading = burnInSegment(
      setup,
      timeline,
      state,
      breaks[i],
      breaks[i + 1],
      onProgress(breaks[i], breaks[i + 1]),
    );
    state = reading;
    if (i + 2 < breaks.length) calibrateToLabs(scenario.patient.labs, setup, reading);
    else setReferences(setup, reading, mealKcalPerDay(timeline, breaks[i], breaks[i + 1]));
  }
  setParameter(setup, 'tissue_on', 1);
  setParameter(setup, 'adaptation_speed', 1);
  return state ?? { y: setup.y0, u: setup.model.defaultInputs() };
}

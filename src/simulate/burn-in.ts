// SPDX-License-Identifier: MIT
/**
 * Stage 4: the untreated patient run to its own steady state before day 0, calibrated to a baseline IGF-1 when
 * the scenario gives one.
 */
import { integrate } from '../engine/integrate.js';
import { CallbackSink } from '../engine/sinks.js';
import { igf1ProductionScaleFor, type Igf1Parameters } from '../physiology/patient.js';
import type { Scenario } from '../scenario/schema.js';
import { eventsIn, type Timeline } from './events.js';
import { BURN_IN_DAYS, INTERNAL_STEP_MIN, MIN_PER_DAY, SOLVER, solverOptions } from './settings.js';
import type { Setup } from './setup.js';

/** State and inputs at the end of a stretch of integration. */
export interface EndState {
  readonly y: Float64Array;
  readonly u: Float64Array;
}

/** Progress callbacks by simulated span: a callback for [from, to], or undefined when nobody listens. */
export type ProgressSpan = (from: number, to: number) => ((fraction: number) => void) | undefined;

/** Days at the end of a burn-in segment over which IGF-1 and the hepatic signal are averaged (pulses are random). */
const READING_DAYS = 4;

/** Mean hepatic signal and IGF-1 over the last days of a burn-in segment, and the final binding capacity. */
interface BurnInReading {
  readonly y: Float64Array;
  readonly u: Float64Array;
  readonly hepaticSignal: number;
  readonly igf1: number;
  readonly capacity: number;
}

/** Integrates an untreated stretch and reads the IGF-1 steady state off its last days. */
function burnInSegment(
  setup: Setup,
  timeline: Timeline,
  start: EndState | undefined,
  from: number,
  to: number,
  onProgress: ((fraction: number) => void) | undefined,
): BurnInReading {
  const { model, p } = setup;
  const hi = model.outputIndex('hepatic_gh_signal');
  const ii = model.outputIndex('igf1_ng_ml');
  let sumH = 0;
  let sumI = 0;
  let n = 0;
  const sink = new CallbackSink((t, v) => {
    if (t >= to - READING_DAYS * MIN_PER_DAY && t < to) {
      sumH += v[hi];
      sumI += v[ii];
      n++;
    }
  });
  const events = eventsIn(timeline.background, from, to, false);
  const result = integrate({
    model,
    t0: from,
    t1: to,
    p,
    ...(start ? { y0: start.y, u0: start.u } : {}),
    events,
    solver: SOLVER,
    options: solverOptions(model),
    sink,
    sampleEvery: INTERNAL_STEP_MIN,
    sampleStart: from,
    ...(onProgress ? { onProgress } : {}),
  });
  return {
    y: result.y,
    u: result.u,
    hepaticSignal: sumH / n,
    igf1: sumI / n,
    capacity: result.y[model.stateIndex('igfbp3_capacity')],
  };
}

function igf1Parameters(setup: Setup): Igf1Parameters {
  const v = (name: string): number => setup.p[setup.model.parameterIndex(name)];
  return {
    prodMax: v('igf1_prod_max'),
    prodBasal: v('igf1_prod_basal'),
    kTernary: v('igf1_k_ternary'),
    kUnbound: v('igf1_k_unbound'),
    satN: v('igf1_sat_n'),
  };
}

/** Burn-in segments (days) when calibrating to a baseline IGF-1: a reading at the end of each but the last. */
const CALIBRATION_BREAKS_DAYS = [-BURN_IN_DAYS, -21, -14, -7, 0];

/**
 * Runs the untreated patient from the burn-in's start to day 0 and returns the state at day 0. With a baseline
 * IGF-1 in the labs, hepatic production is rescaled after each week of the burn-in so that the steady state
 * reproduces it: the scale balances IGF-1 clearance at the target with the hepatic signal and binding capacity of
 * the last days (`igf1ProductionScaleFor`); repeating it absorbs the GH feedback the balance ignores. The scale
 * replaces the random effect on production. The mean untreated IGF-1 then lands within a few per cent of the
 * target; single days vary by ±5–10 % with the random pulses.
 */
export function burnIn(
  scenario: Scenario,
  setup: Setup,
  timeline: Timeline,
  onProgress: ProgressSpan,
): EndState {
  const target = scenario.patient.labs.igf1_ng_ml;
  const start = timeline.startMin;
  if (target === undefined) return burnInSegment(setup, timeline, undefined, start, 0, onProgress(start, 0));
  const scaleIndex = setup.model.parameterIndex('igf1_prod_scale');
  const breaks = CALIBRATION_BREAKS_DAYS.map((d) => d * MIN_PER_DAY);
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
    if (i + 2 < breaks.length) {
      setup.p[scaleIndex] = igf1ProductionScaleFor(target, reading, igf1Parameters(setup));
    }
  }
  return state ?? { y: setup.model.initialState(), u: setup.model.defaultInputs() };
}

// SPDX-License-Identifier: MIT
/**
 * Stage 5: the treatment run from day 0, one `integrate` call per segment. Segments end at titration checks and at
 * the series window's edges; outputs stream into the reducers of `daily-reducer.ts`.
 */
import { integrate } from '../engine/integrate.js';
import { CallbackSink } from '../engine/sinks.js';
import { actsOnGhAxisReceptor } from '../physiology/drug-catalog.js';
import { BurstCounter, burstCandidates } from '../physiology/gh-bursts.js';
import { Regimen, type DoseRecord } from '../protocol/regimen.js';
import { retitrated, startingDoseMcg, titrationStep } from '../protocol/titration.js';
import type { Scenario } from '../scenario/schema.js';
import type { EndState, ProgressSpan } from './types.js';
import { columnsOf, emptyDayStats, TreatmentReducer, type TreatmentRun } from './daily-reducer.js';
import { eventsOfDoses } from './doses.js';
import { eventsIn, mergeEvents, type Timeline } from './events.js';
import { onProgressOf } from './progress.js';
import { INTERNAL_STEP_MIN, MIN_PER_DAY, SOLVER, solverOptions } from './settings.js';
import type { PreparedScenario } from './prepare.js';
import type { Setup } from './setup.js';
import { titrationEvent, titrationTimes } from './titration.js';

/** Segment boundaries: titration checks and the series window's edges, within (0, end). */
function segmentBreaks(scenario: Scenario, timeline: Timeline): number[] {
  const [w0, w1] = scenario.output.window_days;
  const inner = [...titrationTimes(scenario, timeline.drawMin), w0 * MIN_PER_DAY, w1 * MIN_PER_DAY].filter(
    (t) => t > 0 && t < timeline.endMin,
  );
  return [0, ...[...new Set(inner)].sort((a, b) => a - b), timeline.endMin];
}

/** Greatest common grid step of two sample spacings (minutes), computed on thousandths of a minute. */
function gridStep(a: number, b: number): number {
  let x = Math.round(a * 1000);
  let y = Math.round(b * 1000);
  while (y > 0) [x, y] = [y, x % y];
  return x / 1000;
}

/** The sink of one segment: samples every `step` minutes from the segment's start, routed to the reducer. */
function segmentSink(
  scenario: Scenario,
  reducer: TreatmentReducer,
  step: number,
  to: number,
  last: boolean,
): CallbackSink {
  const internalEvery = Math.round(INTERNAL_STEP_MIN / step);
  const seriesEvery = Math.round(scenario.output.sample_every_min / step);
  const [w0, w1] = scenario.output.window_days.map((d) => d * MIN_PER_DAY);
  let k = 0;
  return new CallbackSink((t, values) => {
    // The sample at a segment's end belongs to the next segment (taken after that instant's events).
    if (t >= to && !last) return;
    const index = k++;
    if (index % internalEvery === 0) reducer.internal(t, values);
    if (index % seriesEvery === 0 && t >= w0 && t < w1) reducer.series(t, values);
  });
}

/** Candidate onsets of GH bursts from day 0: GHRH pulses, exercise bouts and secretagogue doses. */
function burstCandidatesOf(timeline: Timeline, doses: readonly DoseRecord[]): number[] {
  return burstCandidates([
    ...timeline.pulses.filter((p) => p.t_min >= 0).map((p) => p.t_min),
    ...timeline.changes.filter((c) => c.kind === 'exercise_start' && c.t_min >= 0).map((c) => c.t_min),
    // Boluses acting on the GHRH or GHS receptor can start a burst (rhGH is GH itself; gonadal drugs do not act on GH).
    ...doses.filter((d) => actsOnGhAxisReceptor(d.drug)).map((d) => d.t_min),
  ]);
}

/**
 * Runs days 0 to the end from the burn-in state: one `integrate` call per segment (segments end at titration
 * checks and at the series window's edges), outputs streamed into the reducers.
 */
export function runTreatment(
  prepared: PreparedScenario,
  setup: Setup,
  timeline: Timeline,
  baseline: EndState,
  onProgress: ProgressSpan,
): TreatmentRun {
  const { scenario, series } = prepared;
  const columns = columnsOf(setup.model, series);
  const rule = scenario.titration;
  let doses = prepared.doses;
  let titratedMcg = rule
    ? startingDoseMcg(Regimen.fromScenario(scenario), rule.drug, scenario.patient.weight_kg)
    : 0;
  const run: TreatmentRun = {
    days: Array.from({ length: scenario.duration_days }, emptyDayStats),
    draws: new Map(),
    fastingDraws: new Map(),
    series: { t: [], values: series.map(() => []) },
    doses: [],
    titrations: [],
    bursts: new BurstCounter(burstCandidatesOf(timeline, doses), setup.ghVolumeL, INTERNAL_STEP_MIN),
  };
  const reducer = new TreatmentReducer(
    run,
    columns,
    timeline.drawMin,
    timeline.fastingDrawMin,
    setup.model.outputNames.length,
  );
  const breaks = segmentBreaks(scenario, timeline);
  const checks = new Set(titrationTimes(scenario, timeline.drawMin));
  const [w0, w1] = scenario.output.window_days.map((d) => d * MIN_PER_DAY);
  let doseEventList = eventsOfDoses(setup, doses);
  let state = baseline;
  for (let i = 0; i + 1 < breaks.length; i++) {
    const [from, to] = [breaks[i], breaks[i + 1]];
    const last = i + 2 === breaks.length;
    const inWindow = from >= w0 && to <= w1;
    const step = inWindow ? gridStep(INTERNAL_STEP_MIN, scenario.output.sample_every_min) : INTERNAL_STEP_MIN;
    const segmentDoses = doses.filter((d) => d.t_min >= from && (d.t_min < to || (last && d.t_min === to)));
    run.doses.push(...segmentDoses);
    const events = mergeEvents(
      eventsIn(timeline.background, from, to, last),
      eventsIn(doseEventList, from, to, last),
    );
    const sink = segmentSink(scenario, reducer, step, to, last);
    const result = integrate({
      model: setup.model,
      t0: from,
      t1: to,
      p: setup.p,
      y0: state.y,
      u0: state.u,
      events,
      solver: SOLVER,
      options: solverOptions(setup.model),
      sink,
      sampleEvery: step,
      sampleStart: from,
      ...onProgressOf(onProgress, from, to),
    });
    state = result;
    if (rule && checks.has(to)) {
      // The draw at `to` is the next segment's first sample; IGF-1 is a state, read it off the end state.
      const igf1 = result.y[setup.model.stateIndex('igf1')];
      const change = titrationStep(rule, scenario.patient, titratedMcg, igf1);
      if (change) {
        run.titrations.push(titrationEvent(rule, to, igf1, change));
        titratedMcg = change.toMcg;
        doses = retitrated(doses, rule.drug, change.toMcg, to);
        doseEventList = eventsOfDoses(setup, doses);
      }
    }
  }
  run.bursts.close();
  return run;
}

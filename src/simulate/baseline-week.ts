// SPDX-License-Identifier: MIT
/**
 * The untreated week before day 0, for the endpoints' pre-treatment baseline (SCENARIO.md). When the first dose
 * falls before day 7, part of its baseline window lies before day 0: this stage runs the calibrated, untreated
 * patient over days −7 to −1 from the burn-in's day-0 state, with the same seed's pulses and lifestyle events for
 * those days and the treatment's parameters, and reduces it to daily rows exactly as the treatment run is reduced.
 * The patient is at its own steady state there, so starting the week from the day-0 state only shifts the phase of
 * the random pulses, which the week's means average out.
 */
import { integrate } from '../engine/integrate.js';
import { CallbackSink } from '../engine/sinks.js';
import { BurstCounter, burstCandidates } from '../physiology/gh-bursts.js';
import type { DailyRow } from '../scenario/result.js';
import type { Scenario } from '../scenario/schema.js';
import { dailyRows } from './daily.js';
import { columnsOf, emptyDayStats, TreatmentReducer, type TreatmentRun } from './daily-reducer.js';
import { eventsIn, type Timeline } from './events.js';
import { INTERNAL_STEP_MIN, MIN_PER_DAY, SOLVER, solverOptions } from './settings.js';
import type { Setup } from './setup.js';
import type { EndState } from './types.js';

/** Days in the pre-treatment baseline window, and in the end-of-treatment window (SCENARIO.md). */
export const BASELINE_DAYS = 7;

/**
 * Daily rows of days −7 to −1 (their `day` fields negative) of the untreated patient.
 * @param dayZero - the burn-in's state at day 0; the run's parameters (`setup.p`) must be the treatment's.
 */
export function runBaselineWeek(
  scenario: Scenario,
  setup: Setup,
  timeline: Timeline,
  dayZero: EndState,
): DailyRow[] {
  const from = -BASELINE_DAYS * MIN_PER_DAY;
  // The reducers index days from 0: every time is shifted by whole days, which keeps the clock time of each draw.
  const shift = -from;
  const run: TreatmentRun = {
    days: Array.from({ length: BASELINE_DAYS }, emptyDayStats),
    draws: new Map(),
    fastingDraws: new Map(),
    series: { t: [], values: [] },
    doses: [],
    titrations: [],
    bursts: new BurstCounter(
      burstCandidates([
        ...timeline.pulses.filter((p) => p.t_min >= from && p.t_min < 0).map((p) => p.t_min + shift),
        ...timeline.changes
          .filter((c) => c.kind === 'exercise_start' && c.t_min >= from && c.t_min < 0)
          .map((c) => c.t_min + shift),
      ]),
      setup.ghVolumeL,
      INTERNAL_STEP_MIN,
    ),
  };
  const columns = columnsOf(setup.model, []);
  const reducer = new TreatmentReducer(
    run,
    columns,
    timeline.drawMin,
    timeline.fastingDrawMin,
    setup.model.outputNames.length,
  );
  integrate({
    model: setup.model,
    t0: from,
    t1: 0,
    p: setup.p,
    y0: dayZero.y,
    u0: dayZero.u,
    events: eventsIn(timeline.background, from, 0, false),
    solver: SOLVER,
    options: solverOptions(setup.model),
    // The sample at t = 0 belongs to day 0 of the treatment run.
    sink: new CallbackSink((t, values) => {
      if (t < 0) reducer.internal(t + shift, values);
    }),
    sampleEvery: INTERNAL_STEP_MIN,
    sampleStart: from,
  });
  run.bursts.close();
  const gnrhByDay = new Map<number, number>();
  for (const pulse of timeline.gnrhPulses) {
    if (pulse.t_min < from || pulse.t_min >= 0) continue;
    const day = Math.floor((pulse.t_min + shift) / MIN_PER_DAY);
    gnrhByDay.set(day, (gnrhByDay.get(day) ?? 0) + 1);
  }
  return dailyRows(scenario, run, columns, (day) => gnrhByDay.get(day) ?? 0).map((row) => ({
    ...row,
    day: row.day - BASELINE_DAYS,
  }));
}

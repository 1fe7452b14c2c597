// SPDX-License-Identifier: MIT
/** Stage 6: the result document from the treatment run's reducers. */
import type { DoseRecord } from '../protocol/regimen.js';
import {
  RESULT_SCHEMA_ID,
  type DailyRow,
  type Result,
  type ResultEvent,
  type Screening,
} from '../scenario/result.js';
import type { Scenario } from '../scenario/schema.js';
import { MODEL_NAME } from '../physiology/model.js';
import { runAlerts } from './alerts.js';
import { dailyRows } from './daily.js';
import { columnsOf, type TreatmentRun } from './daily-reducer.js';
import { endpointsOf, endpointWindows } from './endpoints.js';
import type { Timeline } from './events.js';
import { labRows } from './labs.js';
import { seriesOf } from './series.js';
import { ENGINE_VERSION, MIN_PER_DAY, round, SOLVER } from './settings.js';
import type { Setup } from './setup.js';

function doseEventsOf(doses: readonly DoseRecord[]): ResultEvent[] {
  return doses.map((d) => ({
    t_min: d.t_min,
    kind: 'dose',
    drug: d.drug,
    amount_mcg: round(d.amount_mcg),
    route: d.route,
    ...(d.over_min > 0 ? { over_min: d.over_min } : {}),
  }));
}

const EVENT_ORDER: Readonly<Record<ResultEvent['kind'], number>> = { dose: 0, titration: 1, alert: 2 };

/** Puts the result document together. */
export function assembleResult(
  scenario: Scenario,
  screening: Screening,
  setup: Setup,
  timeline: Timeline,
  run: TreatmentRun,
  baselineWeek: () => readonly DailyRow[],
): Result {
  const columns = columnsOf(setup.model, scenario.output.series);
  const pulsesByDay = new Map<number, number>();
  for (const pulse of timeline.gnrhPulses) {
    const day = Math.floor(pulse.t_min / MIN_PER_DAY);
    pulsesByDay.set(day, (pulsesByDay.get(day) ?? 0) + 1);
  }
  const daily = dailyRows(scenario, run, columns, (day) => pulsesByDay.get(day) ?? 0);
  const testosterone = columns.index('testosterone_ng_dl');
  const morningTestosterone = (day: number): number | null => {
    const draw = run.draws.get(day);
    return draw && scenario.patient.sex === 'male' ? draw[testosterone] : null;
  };
  const windows = endpointWindows(scenario, run.doses, scenario.duration_days);
  // Untreated days before day 0 are simulated only when the baseline window reaches them.
  const before = windows.baseline_days[0] < 0 ? baselineWeek() : [];
  const alerts = runAlerts(daily, timeline.drawMin, morningTestosterone);
  const events = [...doseEventsOf(run.doses), ...run.titrations, ...alerts].sort(
    (a, b) => a.t_min - b.t_min || EVENT_ORDER[a.kind] - EVENT_ORDER[b.kind],
  );
  return {
    schema: RESULT_SCHEMA_ID,
    engine: { version: ENGINE_VERSION, model: MODEL_NAME, solver: SOLVER, seed: scenario.seed },
    scenario,
    screening,
    daily,
    labs: labRows(scenario, run, columns),
    series: seriesOf(scenario, run),
    events,
    endpoints: endpointsOf([...before, ...daily], windows),
    endpoint_windows: windows,
    optional_effects: [...setup.optionalEffects],
  };
}

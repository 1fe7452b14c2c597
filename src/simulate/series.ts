// SPDX-License-Identifier: MIT
/** The `series` block of the result: `t_min` and one rounded array per requested output. */
import type { Result } from '../scenario/result.js';
import type { Scenario } from '../scenario/schema.js';
import type { TreatmentRun } from './daily-reducer.js';
import { round } from './settings.js';

/** The requested series, rounded, with their sample times. */
export function seriesOf(scenario: Scenario, run: TreatmentRun): Result['series'] {
  const out: Result['series'] = { t_min: run.series.t.map(round) };
  scenario.output.series.forEach((name, j) => {
    out[name] = run.series.values[j].map(round);
  });
  return out;
}

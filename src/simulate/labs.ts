// SPDX-License-Identifier: MIT
/** The monitoring labs: the requested values at each monitoring day's draw. */
import { igf1Sds } from '../analysis/igf1-sds.js';
import type { LabRow } from '../scenario/result.js';
import type { LabName, Scenario } from '../scenario/schema.js';
import type { Columns, TreatmentRun } from './daily-reducer.js';
import { round } from './settings.js';

/** The lab fields of each requested lab: model values where the model has them, null otherwise. */
function labFields(
  lab: LabName,
  draw: Float64Array,
  c: Columns,
  scenario: Scenario,
): Record<string, number | null> {
  switch (lab) {
    case 'igf1':
      return {
        igf1_ng_ml: round(draw[c.igf1]),
        igf1_sds: round(igf1Sds(scenario.patient.age_years, scenario.patient.sex, draw[c.igf1]).sds),
      };
    case 'cortisol':
      return { cortisol_ug_dl: round(draw[c.cortisol]) };
    case 'prolactin':
      return { prolactin_ng_ml: round(draw[c.prolactin]) };
    case 'glucose_fasting':
      return { glucose_fasting_mg_dl: null };
    case 'insulin_fasting':
      return { insulin_fasting_uU_ml: null };
    case 'homa_ir':
      return { homa_ir: null };
    case 'lh':
      return { lh_iu_l: null };
    case 'fsh':
      return { fsh_iu_l: null };
    case 'testosterone_total':
      return { testosterone_total_ng_dl: null };
  }
}

/** One row per monitoring day that has a draw, with the requested labs. */
export function labRows(scenario: Scenario, run: TreatmentRun, columns: Columns): LabRow[] {
  return scenario.monitoring.at_days.flatMap((day) => {
    const draw = run.draws.get(day);
    if (!draw) return [];
    const row: LabRow = { day, time: scenario.monitoring.draw_time };
    for (const lab of scenario.monitoring.labs) Object.assign(row, labFields(lab, draw, columns, scenario));
    return [row];
  });
}

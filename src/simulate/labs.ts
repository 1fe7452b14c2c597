// SPDX-License-Identifier: MIT
/** The monitoring labs: the requested values at each monitoring day's draw. */
import { igf1Sds } from '../analysis/igf1-sds.js';
import type { LabRow } from '../scenario/result.js';
import type { LabName, Scenario } from '../scenario/schema.js';
import { homaOfDraw } from './daily.js';
import type { Columns, TreatmentRun } from './daily-reducer.js';
import { round } from './settings.js';

/**
 * The lab fields of one requested lab at a draw (glucose, insulin and HOMA-IR at the fasting draw); testosterone is
 * null for women.
 */
function labFields(
  lab: LabName,
  draw: Float64Array,
  fasting: Float64Array,
  c: Columns,
  scenario: Scenario,
): Record<string, number | null> {
  const at = (name: string): number => draw[c.index(name)];
  const fastingAt = (name: string): number => fasting[c.index(name)];
  switch (lab) {
    case 'igf1':
      return {
        igf1_ng_ml: round(at('igf1_ng_ml')),
        igf1_sds: round(igf1Sds(scenario.patient.age_years, scenario.patient.sex, at('igf1_ng_ml')).sds),
      };
    case 'cortisol':
      return { cortisol_ug_dl: round(at('cortisol_ug_dl')) };
    case 'prolactin':
      return { prolactin_ng_ml: round(at('prolactin_ng_ml')) };
    case 'glucose_fasting':
      return { glucose_fasting_mg_dl: round(fastingAt('glucose_mg_dl')) };
    case 'insulin_fasting':
      return { insulin_fasting_uU_ml: round(fastingAt('insulin_uU_ml')) };
    case 'homa_ir':
      return { homa_ir: round(homaOfDraw(fastingAt('glucose_mg_dl'), fastingAt('insulin_uU_ml'))) };
    case 'lh':
      return { lh_iu_l: round(at('lh_iu_l')) };
    case 'fsh':
      return { fsh_iu_l: round(at('fsh_iu_l')) };
    case 'testosterone_total':
      return {
        testosterone_total_ng_dl: scenario.patient.sex === 'male' ? round(at('testosterone_ng_dl')) : null,
      };
  }
}

/** One row per monitoring day that has a draw, with the requested labs. */
export function labRows(scenario: Scenario, run: TreatmentRun, columns: Columns): LabRow[] {
  return scenario.monitoring.at_days.flatMap((day) => {
    const draw = run.draws.get(day);
    const fasting = run.fastingDraws.get(day) ?? draw;
    if (!draw || !fasting) return [];
    const row: LabRow = { day, time: scenario.monitoring.draw_time };
    for (const lab of scenario.monitoring.labs) {
      Object.assign(row, labFields(lab, draw, fasting, columns, scenario));
    }
    return [row];
  });
}

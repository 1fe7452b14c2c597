// SPDX-License-Identifier: MIT
/** The `daily` rows of the result from the per-day accumulators and the morning draws. */
import { igf1Sds } from '../analysis/igf1-sds.js';
import { percentile } from '../analysis/summary.js';
import type { DailyRow } from '../scenario/result.js';
import type { Scenario } from '../scenario/schema.js';
import type { Columns, TreatmentRun } from './daily-reducer.js';
import { round } from './settings.js';

const NULL_FIELDS = {
  glucose_fasting_mg_dl: null,
  insulin_fasting_uU_ml: null,
  homa_ir: null,
  ffa_mean_mmol_l: null,
  lipolysis_mean_umol_kg_min: null,
  weight_kg: null,
  lean_mass_kg: null,
  fat_mass_kg: null,
  visceral_fat_cm2: null,
  lh_mean_iu_l: null,
  fsh_mean_iu_l: null,
  testosterone_mean_ng_dl: null,
} as const;

/** One row per day: daily means, the GH trough and burst count, and the draw's IGF-1. */
export function dailyRows(scenario: Scenario, run: TreatmentRun, columns: Columns): DailyRow[] {
  const { age_years: age, sex } = scenario.patient;
  return run.days.map((d, day) => {
    const draw = run.draws.get(day);
    const igf1 = draw ? draw[columns.igf1] : null;
    return {
      day,
      gh_mean_ug_l: round(d.ghSum / d.n),
      gh_trough_ug_l: round(percentile(d.gh, 10)),
      gh_pulses: run.bursts.countOnDay(day),
      igf1_ng_ml: igf1 === null ? null : round(igf1),
      igf1_sds: igf1 === null ? null : round(igf1Sds(age, sex, igf1).sds),
      ...NULL_FIELDS,
      cortisol_mean_ug_dl: round(d.cortisolSum / d.n),
      prolactin_mean_ng_ml: round(d.prolactinSum / d.n),
    };
  });
}

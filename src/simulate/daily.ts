// SPDX-License-Identifier: MIT
/**
 * The `daily` rows of the result: 24-hour means from the per-day accumulators, lab-type values (IGF-1, fasting
 * glucose and insulin, HOMA1-IR, body composition, SHBG, free testosterone, S_I, skin) from the morning draw.
 * Testosterone is `null` for women (the model has no female androgen production), the skin index `null` unless the
 * optional skin effect is on.
 */
import { homa1Ir } from '../analysis/homa.js';
import { igf1Sds } from '../analysis/igf1-sds.js';
import { percentile } from '../analysis/summary.js';
import { glucoseMgDlToMmolL } from '../analysis/units.js';
import type { DailyRow } from '../scenario/result.js';
import type { Scenario } from '../scenario/schema.js';
import { dayMean, type Columns, type DayStats, type TreatmentRun } from './daily-reducer.js';
import { round } from './settings.js';

/** HOMA1-IR of a fasting draw (glucose in mg/dL, insulin in µU/mL). */
export function homaOfDraw(glucoseMgDl: number, insulinUuMl: number): number {
  return homa1Ir(glucoseMgDlToMmolL(glucoseMgDl), insulinUuMl);
}

/**
 * The lab-type fields read at a day's draw, glucose, insulin, HOMA-IR and S_I at its fasting draw (all null when
 * the day has no draw).
 */
function drawFields(
  draw: Float64Array | undefined,
  fasting: Float64Array | undefined,
  c: Columns,
  scenario: Scenario,
  skinOn: boolean,
) {
  const at = (name: string): number | null => (draw ? round(draw[c.index(name)]) : null);
  const male = scenario.patient.sex === 'male';
  const igf1 = draw ? draw[c.index('igf1_ng_ml')] : null;
  const glucose = fasting ? fasting[c.index('glucose_mg_dl')] : null;
  const insulin = fasting ? fasting[c.index('insulin_uU_ml')] : null;
  const { age_years: age, sex } = scenario.patient;
  return {
    igf1_ng_ml: igf1 === null ? null : round(igf1),
    igf1_sds: igf1 === null ? null : round(igf1Sds(age, sex, igf1).sds),
    glucose_fasting_mg_dl: glucose === null ? null : round(glucose),
    insulin_fasting_uU_ml: insulin === null ? null : round(insulin),
    homa_ir: glucose === null || insulin === null ? null : round(homaOfDraw(glucose, insulin)),
    weight_kg: at('weight_kg'),
    lean_mass_kg: at('lean_mass_kg'),
    fat_mass_kg: at('fat_mass_kg'),
    visceral_fat_cm2: at('visceral_fat_cm2'),
    insulin_sensitivity_si: fasting ? round(fasting[c.index('insulin_sensitivity_si')]) : null,
    shbg_nmol_l: at('shbg_nmol_l'),
    free_testosterone_pg_ml: male ? at('free_testosterone_pg_ml') : null,
    testosterone_total_ng_dl: male ? at('testosterone_ng_dl') : null,
    skin_thickness_index: skinOn ? at('skin_thickness_index') : null,
    sperm_concentration_m_ml: male ? at('sperm_concentration_m_ml') : null,
  };
}

/** The 24-hour means of a day. */
function meanFields(d: DayStats, scenario: Scenario) {
  const mean = (name: Parameters<typeof dayMean>[1]): number => round(dayMean(d, name));
  return {
    gh_mean_ug_l: mean('gh_ug_l'),
    gh_trough_ug_l: round(percentile(d.gh, 10)),
    ffa_mean_mmol_l: mean('ffa_mmol_l'),
    lipolysis_mean_umol_kg_min: mean('lipolysis_umol_kg_min'),
    lh_mean_iu_l: mean('lh_iu_l'),
    fsh_mean_iu_l: mean('fsh_iu_l'),
    testosterone_mean_ng_dl: scenario.patient.sex === 'male' ? mean('testosterone_ng_dl') : null,
    cortisol_mean_ug_dl: mean('cortisol_ug_dl'),
    prolactin_mean_ng_ml: mean('prolactin_ng_ml'),
    estradiol_mean_pg_ml: mean('estradiol_pg_ml'),
  };
}

/**
 * One row per day, fields in contract order, then the extra fields. `lhPulses` counts the GnRH pulses of each day.
 */
export function dailyRows(
  scenario: Scenario,
  run: TreatmentRun,
  columns: Columns,
  lhPulses: (day: number) => number,
): DailyRow[] {
  const skinOn = scenario.model.optional_effects.includes('skin');
  return run.days.map((d, day) => {
    const draw = drawFields(run.draws.get(day), run.fastingDraws.get(day), columns, scenario, skinOn);
    const means = meanFields(d, scenario);
    return {
      day,
      gh_mean_ug_l: means.gh_mean_ug_l,
      gh_trough_ug_l: means.gh_trough_ug_l,
      gh_pulses: run.bursts.countOnDay(day),
      igf1_ng_ml: draw.igf1_ng_ml,
      igf1_sds: draw.igf1_sds,
      glucose_fasting_mg_dl: draw.glucose_fasting_mg_dl,
      insulin_fasting_uU_ml: draw.insulin_fasting_uU_ml,
      homa_ir: draw.homa_ir,
      ffa_mean_mmol_l: means.ffa_mean_mmol_l,
      lipolysis_mean_umol_kg_min: means.lipolysis_mean_umol_kg_min,
      weight_kg: draw.weight_kg,
      lean_mass_kg: draw.lean_mass_kg,
      fat_mass_kg: draw.fat_mass_kg,
      visceral_fat_cm2: draw.visceral_fat_cm2,
      lh_mean_iu_l: means.lh_mean_iu_l,
      fsh_mean_iu_l: means.fsh_mean_iu_l,
      testosterone_mean_ng_dl: means.testosterone_mean_ng_dl,
      cortisol_mean_ug_dl: means.cortisol_mean_ug_dl,
      prolactin_mean_ng_ml: means.prolactin_mean_ng_ml,
      insulin_sensitivity_si: draw.insulin_sensitivity_si,
      shbg_nmol_l: draw.shbg_nmol_l,
      free_testosterone_pg_ml: draw.free_testosterone_pg_ml,
      testosterone_total_ng_dl: draw.testosterone_total_ng_dl,
      estradiol_mean_pg_ml: means.estradiol_mean_pg_ml,
      lh_pulses: lhPulses(day),
      skin_thickness_index: draw.skin_thickness_index,
      sperm_concentration_m_ml: draw.sperm_concentration_m_ml,
    };
  });
}

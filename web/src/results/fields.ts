// SPDX-License-Identifier: MIT
/** Labels and units of the result's daily fields and sampled series, as charts and tables show them. */
import type { DailyRow, Endpoints } from '../api/types.js';

/** A daily field other than `day`. */
export type DailyField = Exclude<keyof DailyRow, 'day'>;

/** Name and unit of a quantity. */
export interface FieldInfo {
  readonly name: string;
  /** Empty for dimensionless quantities. */
  readonly unit: string;
}

/** Every daily field of the result contract. */
export const DAILY_INFO: Readonly<Record<DailyField, FieldInfo>> = {
  gh_mean_ug_l: { name: 'Mean GH', unit: 'µg/L' },
  gh_trough_ug_l: { name: 'GH trough (10th percentile)', unit: 'µg/L' },
  gh_pulses: { name: 'GH bursts', unit: 'per day' },
  igf1_ng_ml: { name: 'IGF-1 (morning)', unit: 'ng/mL' },
  igf1_sds: { name: 'IGF-1 SDS', unit: '' },
  glucose_fasting_mg_dl: { name: 'Fasting glucose', unit: 'mg/dL' },
  insulin_fasting_uU_ml: { name: 'Fasting insulin', unit: 'µU/mL' },
  homa_ir: { name: 'HOMA-IR', unit: '' },
  ffa_mean_mmol_l: { name: 'Mean FFA', unit: 'mmol/L' },
  lipolysis_mean_umol_kg_min: { name: 'Mean lipolysis', unit: 'µmol/kg/min' },
  weight_kg: { name: 'Weight', unit: 'kg' },
  lean_mass_kg: { name: 'Lean mass', unit: 'kg' },
  fat_mass_kg: { name: 'Fat mass', unit: 'kg' },
  visceral_fat_cm2: { name: 'Visceral fat', unit: 'cm²' },
  lh_mean_iu_l: { name: 'Mean LH', unit: 'IU/L' },
  fsh_mean_iu_l: { name: 'Mean FSH', unit: 'IU/L' },
  testosterone_mean_ng_dl: { name: 'Mean testosterone', unit: 'ng/dL' },
  cortisol_mean_ug_dl: { name: 'Mean cortisol', unit: 'µg/dL' },
  prolactin_mean_ng_ml: { name: 'Mean prolactin', unit: 'ng/mL' },
  insulin_sensitivity_si: { name: 'Insulin sensitivity S_I', unit: '10⁻⁴/min per µU/mL' },
  shbg_nmol_l: { name: 'SHBG (morning)', unit: 'nmol/L' },
  free_testosterone_pg_ml: { name: 'Free testosterone (morning)', unit: 'pg/mL' },
  testosterone_total_ng_dl: { name: 'Total testosterone (morning)', unit: 'ng/dL' },
  lh_pulses: { name: 'LH pulses', unit: 'per day' },
  estradiol_mean_pg_ml: { name: 'Mean estradiol', unit: 'pg/mL' },
  skin_thickness_index: { name: 'Dermal thickness index (optional effect)', unit: '' },
  sperm_concentration_m_ml: { name: 'Sperm concentration (morning)', unit: '10⁶/mL' },
};

/** Units of sampled series, read from the suffix of their names (`gh_ug_l` → µg/L). */
const SUFFIX_UNITS: readonly (readonly [string, string])[] = [
  ['_ug_l', 'µg/L'],
  ['_ng_ml', 'ng/mL'],
  ['_ng_dl', 'ng/dL'],
  ['_ug_dl', 'µg/dL'],
  ['_mg_dl', 'mg/dL'],
  ['_uU_ml', 'µU/mL'],
  ['_iu_l', 'IU/L'],
  ['_mmol_l', 'mmol/L'],
  ['_pg_ml', 'pg/mL'],
  ['_m_ml', '10⁶/mL'],
];

/** Name and unit of a sampled series: `cortisol_ug_dl` → cortisol, µg/dL. */
export function seriesInfo(name: string): FieldInfo {
  if (name === 'gh_ug_l') return { name: 'GH', unit: 'µg/L' };
  for (const [suffix, unit] of SUFFIX_UNITS) {
    if (name.endsWith(suffix)) return { name: name.slice(0, -suffix.length).replace(/_/g, ' '), unit };
  }
  return { name: name.replace(/_/g, ' '), unit: '' };
}

/** `Mean GH (µg/L)`, or just the name for a dimensionless quantity. */
export function labelOf(info: FieldInfo): string {
  return info.unit === '' ? info.name : `${info.name} (${info.unit})`;
}

/** Readable names of the result's endpoints, with their units. */
export const ENDPOINT_LABELS: Readonly<Record<keyof Endpoints, string>> = {
  igf1_change_pct: 'IGF-1 change (%)',
  gh_mean_change_pct: 'Mean GH change (%)',
  lean_mass_change_kg: 'Lean mass change (kg)',
  fat_mass_change_kg: 'Fat mass change (kg)',
  visceral_fat_change_pct: 'Visceral fat change (%)',
  homa_ir_change_pct: 'HOMA-IR change (%)',
  glucose_fasting_change_mg_dl: 'Fasting glucose change (mg/dL)',
  testosterone_change_pct: 'Testosterone change (%)',
};

/** The readable name of an endpoint id, or the id itself when it is not one the app knows. */
export function endpointLabel(id: string): string {
  return (ENDPOINT_LABELS as Readonly<Record<string, string>>)[id] ?? id;
}

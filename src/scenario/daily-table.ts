// SPDX-License-Identifier: MIT
/**
 * The daily table every surface exports (CLI CSV, API CSV and Parquet): all fields of a {@link DailyRow}, the
 * contract's v1 fields first in contract order, then the fields added since, each with its unit.
 */
import { writeCsv } from './csv.js';
import { DAILY_FIELDS, type DailyRow } from './result.js';

/** Every daily field with its unit (UCUM-style text; `1` for a dimensionless number), in table order. */
export const DAILY_FIELD_UNITS = {
  day: 'd',
  gh_mean_ug_l: 'ug/L',
  gh_trough_ug_l: 'ug/L',
  gh_pulses: '/d',
  igf1_ng_ml: 'ng/mL',
  igf1_sds: 'SD',
  glucose_fasting_mg_dl: 'mg/dL',
  insulin_fasting_uU_ml: 'uU/mL',
  homa_ir: '1',
  ffa_mean_mmol_l: 'mmol/L',
  lipolysis_mean_umol_kg_min: 'umol/kg/min',
  weight_kg: 'kg',
  lean_mass_kg: 'kg',
  fat_mass_kg: 'kg',
  visceral_fat_cm2: 'cm2',
  lh_mean_iu_l: 'IU/L',
  fsh_mean_iu_l: 'IU/L',
  testosterone_mean_ng_dl: 'ng/dL',
  cortisol_mean_ug_dl: 'ug/dL',
  prolactin_mean_ng_ml: 'ng/mL',
  insulin_sensitivity_si: '10^-4/min per uU/mL',
  shbg_nmol_l: 'nmol/L',
  free_testosterone_pg_ml: 'pg/mL',
  testosterone_total_ng_dl: 'ng/dL',
  estradiol_mean_pg_ml: 'pg/mL',
  lh_pulses: '/d',
  skin_thickness_index: '1',
  sperm_concentration_m_ml: '10^6/mL',
} as const satisfies Record<keyof DailyRow, string>;

/** A column of the daily table. */
export type DailyTableField = keyof typeof DAILY_FIELD_UNITS;

/** The columns of the daily table, in order: the v1 contract fields, then the added ones. */
export const DAILY_TABLE_FIELDS = Object.keys(DAILY_FIELD_UNITS) as DailyTableField[];

// The table opens with the contract's v1 fields in their order; a mismatch is a programming error.
if (DAILY_FIELDS.some((field, i) => DAILY_TABLE_FIELDS[i] !== field)) {
  throw new Error('DAILY_FIELD_UNITS must start with DAILY_FIELDS in contract order');
}

/** A row's value in a column (`null` where the field is absent or does not apply). */
export function dailyValue(row: DailyRow, field: DailyTableField): number | null {
  return row[field] ?? null;
}

/** The daily table as CSV: a header line with every column, one line per day, `null` as an empty cell. */
export function dailyCsv(daily: readonly DailyRow[]): string {
  return writeCsv(
    DAILY_TABLE_FIELDS,
    daily.map((row) => DAILY_TABLE_FIELDS.map((field) => dailyValue(row, field))),
  );
}

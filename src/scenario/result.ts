// SPDX-License-Identifier: MIT
/** The result contract of SCENARIO.md (`endotwin/result/v1`): what `simulate` returns and every surface reads. */
import type { Scenario } from './schema.js';
import { DAILY_FIELDS, ENDPOINT_NAMES, RESULT_SCHEMA_ID } from './vocabulary.js';

export { DAILY_FIELDS, ENDPOINT_NAMES, RESULT_SCHEMA_ID };

/** A number the model produced, or `null` where the quantity does not apply to this patient or model. */
export type Maybe = number | null;

/** One day's summary; lab-type values are the morning draw, `*_mean_*` values average the 24 hours. */
export interface DailyRow {
  day: number;
  gh_mean_ug_l: Maybe;
  gh_trough_ug_l: Maybe;
  gh_pulses: Maybe;
  igf1_ng_ml: Maybe;
  igf1_sds: Maybe;
  glucose_fasting_mg_dl: Maybe;
  insulin_fasting_uU_ml: Maybe;
  homa_ir: Maybe;
  ffa_mean_mmol_l: Maybe;
  lipolysis_mean_umol_kg_min: Maybe;
  weight_kg: Maybe;
  lean_mass_kg: Maybe;
  fat_mass_kg: Maybe;
  visceral_fat_cm2: Maybe;
  lh_mean_iu_l: Maybe;
  fsh_mean_iu_l: Maybe;
  testosterone_mean_ng_dl: Maybe;
  cortisol_mean_ug_dl: Maybe;
  prolactin_mean_ng_ml: Maybe;
  // Fields beyond the v1 list of DAILY_FIELDS (added, not part of the contract's required set):
  /** Insulin sensitivity S_I of the minimal model at the draw (10⁻⁴ min⁻¹ per µU/mL). */
  insulin_sensitivity_si?: Maybe;
  /** SHBG at the draw (nmol/L). */
  shbg_nmol_l?: Maybe;
  /** Free testosterone at the draw (pg/mL); null for women. */
  free_testosterone_pg_ml?: Maybe;
  /** Total testosterone at the draw (ng/dL); null for women. */
  testosterone_total_ng_dl?: Maybe;
  /** The day's GnRH (LH) pulses: the model's own pulse generator, not a detection. */
  lh_pulses?: Maybe;
  /** Estradiol, 24-h mean (pg/mL). */
  estradiol_mean_pg_ml?: Maybe;
  /** Dermal thickness index at the draw (1 = day 0); null unless the optional `skin` effect is on. */
  skin_thickness_index?: Maybe;
  /** Sperm concentration at the draw (10⁶/mL), from the spermatogenesis index; null for women. */
  sperm_concentration_m_ml?: Maybe;
}

/** A monitoring draw. Only the requested labs are present. */
export interface LabRow {
  day: number;
  time: string;
  [lab: string]: number | string | null;
}

export type Severity = 'info' | 'caution' | 'contraindicated';

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
}

export interface Screening {
  status: 'ok' | 'caution' | 'contraindicated';
  findings: Finding[];
}

export type ResultEvent =
  | { t_min: number; kind: 'dose'; drug: string; amount_mcg: number; route: string; over_min?: number }
  | { t_min: number; kind: 'titration'; drug: string; from_mcg: number; to_mcg: number; reason: string }
  | { t_min: number; kind: 'alert'; code: string; message: string };

export interface Endpoints {
  igf1_change_pct: Maybe;
  gh_mean_change_pct: Maybe;
  lean_mass_change_kg: Maybe;
  fat_mass_change_kg: Maybe;
  visceral_fat_change_pct: Maybe;
  homa_ir_change_pct: Maybe;
  glucose_fasting_change_mg_dl: Maybe;
  testosterone_change_pct: Maybe;
}

/**
 * The days the endpoints compare, each half-open `[from, to)` in days from day 0: the untreated week before the
 * first dose (negative days lie before day 0), and the end-of-treatment window up to the day of the last dose.
 */
export interface EndpointWindows {
  baseline_days: [number, number];
  end_days: [number, number];
}

/** The whole result document. */
export interface Result {
  schema: typeof RESULT_SCHEMA_ID;
  engine: { version: string; model: string; solver: string; seed: number };
  scenario: Scenario;
  screening: Screening;
  daily: DailyRow[];
  labs: LabRow[];
  /** `t_min` plus one array per requested series, sampled every `output.sample_every_min` in the window. */
  series: { t_min: number[]; [name: string]: number[] };
  events: ResultEvent[];
  endpoints: Endpoints;
  /** The windows {@link Result.endpoints} compare. */
  endpoint_windows: EndpointWindows;
  /** Weak-evidence effects that were switched on for this run, so readers know what they are looking at. */
  optional_effects: string[];
  /**
   * The parameter values this run set by name (the scenario's `parameters` and a caller's overrides, such as a
   * fitted twin's), each in its declared unit; absent when none were set.
   */
  parameters?: Record<string, number>;
  /**
   * With `simulate --uncertainty N`: the 5/50/95 % quantiles of every daily field by day over N draws of the
   * patient's parameters (docs/estimation.md says what the draws cover).
   */
  bands?: Record<string, { p05: (number | null)[]; p50: (number | null)[]; p95: (number | null)[] }>;
  /** With `simulate --uncertainty N`: the 5/50/95 % quantiles of every endpoint. */
  endpoint_bands?: Record<string, { p05: number | null; p50: number | null; p95: number | null }>;
}

// Compile-time check: the vocabulary's lists name only fields of these types.
const contractLists: readonly [readonly (keyof DailyRow)[], readonly (keyof Endpoints)[]] = [
  DAILY_FIELDS,
  ENDPOINT_NAMES,
];
void contractLists;

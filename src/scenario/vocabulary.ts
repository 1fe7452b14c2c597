// SPDX-License-Identifier: MIT
/**
 * The words of the scenario contract (SCENARIO.md) as plain lists, free of zod so that the web app can share them:
 * drugs and routes, dose units, the conventional and SI units of lab quantities, conditions, weekdays, lifestyle choices, lab names, the `daily` fields, endpoint
 * names and the series the model can sample. The zod schemas of `schema.ts` are built from these lists; nothing
 * else spells them out again.
 */
/** Minutes in a day: the model's time is minutes from the scenario start. */
export { MIN_PER_DAY } from '../physiology/clock-lifestyle.js';
export { DRUG_NAMES, DRUGS, ROUTES, actsOnGhAxisReceptor, isDrugName } from '../physiology/drug-catalog.js';
export type { DrugClass, DrugInfo, DrugName, DrugTarget, Route } from '../physiology/drug-catalog.js';
export { UNIT_CONVERSIONS, UNIT_SYSTEMS, convertValue, quantityOfName, unitIn } from './lab-units.js';
export type { ConvertedQuantity, UnitConversion, UnitSystem } from './lab-units.js';

/** The scenario schema identifier a document may state in `schema`. */
export const SCENARIO_SCHEMA_ID = 'endotwin/scenario/v1';
/** The result schema identifier every result carries. */
export const RESULT_SCHEMA_ID = 'endotwin/result/v1';

/** Weekdays, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Patient conditions the screening knows. */
export const CONDITIONS = [
  'pregnancy',
  'lactation',
  'active_malignancy',
  'type2_diabetes',
  'impaired_fasting_glucose',
  'gh_deficiency',
  'hypogonadism',
  'recent_anabolic_steroid_use',
  'hypothyroidism',
] as const;
export type Condition = (typeof CONDITIONS)[number];

export const SEXES = ['male', 'female'] as const;
/** `typical` draws the patient's parameters from the population's inter-individual variability. */
export const VARIABILITY = ['none', 'typical'] as const;
export const SLEEP_QUALITIES = ['poor', 'normal', 'good'] as const;
export const EXERCISE_KINDS = ['resistance', 'endurance', 'hiit'] as const;
export const EXERCISE_INTENSITIES = ['low', 'moderate', 'high'] as const;
export const STRESS_LEVELS = ['low', 'moderate', 'high'] as const;
export const PULSE_GENERATORS = ['stochastic', 'deterministic'] as const;
/** Weak-evidence effects, off unless a scenario names them in `model.optional_effects`. */
export const OPTIONAL_EFFECTS = ['sermorelin_gonadotropins', 'skin'] as const;

/** Canonical dose units of the contract (the regimen text and the API also accept spellings such as `IU`). */
export const DOSE_UNITS = ['mcg', 'mg', 'iu', 'mcg_per_kg', 'mg_per_kg'] as const;
export type DoseUnit = (typeof DOSE_UNITS)[number];

/**
 * Every accepted spelling of a dose unit (lower case; matching ignores case), and the canonical unit it stands for.
 * Both micro signs are accepted: µ (U+00B5) and the Greek μ (U+03BC).
 */
export const DOSE_UNIT_SPELLINGS: Readonly<Record<string, DoseUnit>> = {
  mcg: 'mcg',
  ug: 'mcg',
  µg: 'mcg',
  μg: 'mcg',
  mg: 'mg',
  iu: 'iu',
  'mcg/kg': 'mcg_per_kg',
  'ug/kg': 'mcg_per_kg',
  'µg/kg': 'mcg_per_kg',
  'μg/kg': 'mcg_per_kg',
  mcg_per_kg: 'mcg_per_kg',
  'mg/kg': 'mg_per_kg',
  mg_per_kg: 'mg_per_kg',
};

/**
 * The canonical dose unit a spelling stands for, ignoring case and surrounding spaces; undefined when unknown.
 * @example canonicalDoseUnit('IU') // 'iu'; canonicalDoseUnit('µg/kg') // 'mcg_per_kg'
 */
export function canonicalDoseUnit(spelling: string): DoseUnit | undefined {
  const key = spelling.trim().toLowerCase();
  return Object.hasOwn(DOSE_UNIT_SPELLINGS, key) ? DOSE_UNIT_SPELLINGS[key] : undefined;
}

/** What an error about a dose unit lists as allowed. */
export const DOSE_UNITS_ALLOWED = `${DOSE_UNITS.join(', ')} (also written ${['IU', 'µg', 'ug', 'mcg/kg', 'µg/kg', 'mg/kg'].join(', ')}; any case)`;

/** Labs a monitoring plan may draw. */
export const LAB_NAMES = [
  'igf1',
  'glucose_fasting',
  'insulin_fasting',
  'homa_ir',
  'lh',
  'fsh',
  'testosterone_total',
  'cortisol',
  'prolactin',
] as const;
export type LabName = (typeof LAB_NAMES)[number];

/** The `daily` fields of the result, in contract order. */
export const DAILY_FIELDS = [
  'day',
  'gh_mean_ug_l',
  'gh_trough_ug_l',
  'gh_pulses',
  'igf1_ng_ml',
  'igf1_sds',
  'glucose_fasting_mg_dl',
  'insulin_fasting_uU_ml',
  'homa_ir',
  'ffa_mean_mmol_l',
  'lipolysis_mean_umol_kg_min',
  'weight_kg',
  'lean_mass_kg',
  'fat_mass_kg',
  'visceral_fat_cm2',
  'lh_mean_iu_l',
  'fsh_mean_iu_l',
  'testosterone_mean_ng_dl',
  'cortisol_mean_ug_dl',
  'prolactin_mean_ng_ml',
] as const;

/** The result's endpoints, in contract order. */
export const ENDPOINT_NAMES = [
  'igf1_change_pct',
  'gh_mean_change_pct',
  'lean_mass_change_kg',
  'fat_mass_change_kg',
  'visceral_fat_change_pct',
  'homa_ir_change_pct',
  'glucose_fasting_change_mg_dl',
  'testosterone_change_pct',
] as const;

/** The series `output.series` may request by default. */
export const DEFAULT_SERIES = ['gh_ug_l', 'igf1_ng_ml'] as const;

/**
 * Every series the model can sample (`output.series`), in the model's order. They are the outputs of the compiled
 * physiology; a test of `simulate` checks this list against the model, so adding an output means adding it here.
 */
export const SERIES_NAMES = [
  'energy_absorbed_kcal_min',
  'somatostatin_tone',
  'ghrelin_pg_ml',
  'ghrh_portal',
  'gh_secretion_ug_min',
  'gh_pool_ug',
  'ghrhr_occupancy',
  'ghsr_occupancy',
  'somatostatin_gate',
  'gh_ug_l',
  'igf1_ng_ml',
  'igfbp3_capacity_ng_ml',
  'hepatic_gh_signal',
  'glucose_mg_dl',
  'insulin_uU_ml',
  'glucose_disposal_mg_kg_min',
  'insulin_mediated_disposal_mg_kg_min',
  'beta_cell_function',
  'insulin_action_per_min',
  'igf1_glucose_action_per_min',
  'egp_rate_mg_dl_min',
  'ffa_mmol_l',
  'lipolysis_umol_kg_min',
  'liver_glycogen_g',
  'glycogen_depletion_signal',
  'ketones_mmol_l',
  'insulin_sensitivity_si',
  'socs_inhibition',
  'weight_kg',
  'lean_mass_kg',
  'fat_mass_kg',
  'visceral_fat_cm2',
  'log_free_t',
  'extracellular_water_gh_kg',
  'energy_intake_kcal_per_d',
  'energy_expenditure_kcal_per_d',
  'energy_stored_kcal',
  'lh_iu_l',
  'fsh_iu_l',
  'testosterone_ng_dl',
  'free_testosterone_pg_ml',
  'shbg_nmol_l',
  'estradiol_pg_ml',
  'leydig_capacity_level',
  'gnrh_portal',
  'sperm_concentration_m_ml',
  'spermatogenic_support_level',
  'cortisol_ug_dl',
  'prolactin_ng_ml',
  'skin_thickness_index',
  'sermorelin_ng_ml',
  'cjc1295_dac_ng_ml',
  'cjc1295_nodac_ng_ml',
  'tesamorelin_ng_ml',
  'ipamorelin_ng_ml',
  'hexarelin_ng_ml',
  'ghrp6_ng_ml',
  'mk677_ng_ml',
  'rhgh_absorption_ug_min',
  'testosterone_cypionate_release_ug_min',
  'testosterone_enanthate_release_ug_min',
  'clomiphene_ng_ml',
  'hcg_ng_ml',
] as const;
export type SeriesName = (typeof SERIES_NAMES)[number];

/** `true` when `name` is a series the model can sample. */
export function isSeriesName(name: string): name is SeriesName {
  return (SERIES_NAMES as readonly string[]).includes(name);
}

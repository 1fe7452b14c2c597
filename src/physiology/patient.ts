// SPDX-License-Identifier: MIT
/**
 * Patient covariates → model parameters.
 *
 * Age and adiposity lower GH through the upstream drive, as the literature describes it, not by scaling GH
 * itself: slow-wave sleep falls with age (Van Cauter 2000), GHRH burst mass and frequency fall with age and body
 * fat (Iranmanesh 1991; Veldhuis 1995), somatostatin tone rises with age and visceral fat (Veldhuis & Bowers 2009:
 * visceral fat explains 41 % of the variance of GHRH efficacy; Clasey 2001), and GH clearance rises with adiposity
 * (Langendonk; van Esdonk 2020). Premenopausal women have more frequent pulses and higher interpulse GH
 * (oestrogen; Engström 1999; Roelfsema 2016, where the sex difference disappears after 50). IGF-1 then follows from
 * the model. Body fat is estimated from BMI, age and sex when absent (Deurenberg 1991); visceral fat from fat mass,
 * age and sex.
 *
 * `variability: typical` multiplies a few parameters by log-normal random effects drawn from the seeded stream
 * ({@link RANDOM_EFFECTS}). Baseline IGF-1 (labs) is reproduced by scaling hepatic IGF-1 production after a burn-in
 * ({@link igf1ProductionScaleFor}).
 */
import { meanOneLognormal } from '../engine/random.js';

/** Sex of the patient. */
export type Sex = 'male' | 'female';

/** Covariates the physiology needs, in plain units (the scenario's patient maps onto this). */
export interface PatientCovariates {
  readonly ageYears: number;
  readonly sex: Sex;
  readonly weightKg: number;
  readonly heightCm: number;
  /** Measured body fat (%); estimated when absent. */
  readonly bodyFatPct?: number;
  /** Measured visceral fat area at L4–L5 (cm²); estimated when absent. */
  readonly visceralFatCm2?: number;
  /** Organic GH deficiency (pituitary disease). */
  readonly ghDeficient?: boolean;
  /** Type 2 diabetes: lower β-cell capacity and insulin sensitivity, higher hepatic glucose output. */
  readonly type2Diabetes?: boolean;
  /** Impaired fasting glucose without diabetes: a smaller β-cell deficit. */
  readonly impairedFastingGlucose?: boolean;
  /** Male hypogonadism (treated as primary: lower Leydig capacity). */
  readonly hypogonadism?: boolean;
  /** `typical` draws inter-individual random effects; `none` gives the typical patient of these covariates. */
  readonly variability: 'none' | 'typical';
}

/** Reference patient of the calibration: a young lean man. */
export const REFERENCE = {
  ageYears: 25,
  bodyFatPct: { male: 15, female: 25 },
  visceralFatCm2: { male: 50, female: 40 },
} as const;

/** A documented relation used by {@link patientParameters}. */
export interface Relation {
  readonly parameter: string;
  readonly description: string;
  readonly source: string;
}

/**
 * The coefficients of the covariate relations. Their sizes were calibrated to the absolute targets of
 * docs/model.md (GH production and IGF-1 at 25 and 62 years, Ghigo 1994's GHRH test in old women); the directions
 * come from the sources of {@link RELATIONS}.
 */
export const COEFFICIENTS = {
  /** Relative fall of GHRH burst amplitude per year of age above 25. */
  amplitudePerYear: 0.01,
  /** Relative fall of GHRH burst amplitude per body-fat % above the sex reference. */
  amplitudePerFatPct: 0.035,
  /** Fall of burst frequency per year above 25 (fraction). */
  frequencyPerYear: 0.004,
  /** Fall of burst frequency per body-fat % above reference (fraction). */
  frequencyPerFatPct: 0.006,
  /** Lowest frequency multiplier. */
  frequencyFloor: 0.6,
  /** Rise of basal somatostatin tone per year above 25. */
  somatostatinPerYear: 0.045,
  /** Rise of basal somatostatin tone per cm² of visceral fat above the sex reference. */
  somatostatinPerVisceralCm2: 0.0025,
  /** Rise of GH clearance per body-fat % above the sex reference. */
  clearancePerFatPct: 0.025,
  /** Oestrogen effects at full oestrogen factor: frequency, tonic GHRH, amplitude, hepatic EC50. */
  oestrogenFrequency: 0.3,
  oestrogenTonic: 2,
  oestrogenAmplitude: 0.2,
  oestrogenLiverEc50: 1,
  /** Prolactin multiplier in women. */
  femaleProlactin: 1.5,
  /** Releasable pool multiplier with organic GH deficiency. */
  ghDeficiencyPool: 0.12,
  /** Relative fall of insulin sensitivity per cm² of visceral fat above the sex reference (as `si_visceral_k`). */
  siPerVisceralCm2: 0.006,
  /** Relative fall of insulin sensitivity per body-fat % above the sex reference. */
  siPerFatPct: 0.015,
  /** Relative fall of insulin sensitivity per year above 25. */
  siPerYear: 0.004,
  /** Insulin sensitivity, β-cell capacity and hepatic glucose output with type 2 diabetes. */
  diabetesSi: 0.5,
  diabetesBeta: 0.35,
  diabetesEgp: 1.25,
  /** Dynamic (first-phase) insulin secretion with type 2 diabetes, relative to normal. */
  diabetesFirstPhase: 0.43,
  /** β-cell capacity with impaired fasting glucose. */
  impairedGlucoseBeta: 0.7,
  /** Relative fall of β-cell capacity per year above 25. */
  betaPerYear: 0.003,
  /** Relative fall of Leydig output per year above 35 (men), and its floor. */
  leydigPerYear: 0.015,
  leydigFloor: 0.4,
  /** Leydig output with (primary) hypogonadism. */
  hypogonadismLeydig: 0.15,
  /** Circadian testosterone amplitude at ≤ 35 and ≥ 75 years (linear between). */
  testosteroneCircYoung: 0.2,
  testosteroneCircOld: 0.06,
  /** Sleep-linked rise of testosterone production at ≤ 35 and ≥ 75 years (linear between). */
  testosteroneSleepYoung: 0.3,
  testosteroneSleepOld: 0.08,
  /** Relative fall of inhibin B per year above 30 (men), and its floor. */
  inhibinPerYear: 0.01,
  inhibinFloor: 0.4,
  /** Oestrogen feedback normaliser in women (pg/mL), so that premenopausal feedback is ≈ 1.5–2. */
  femaleE2Norm: 80,
  /** Gonadotropin output of the female pituitary relative to the male one (LH, FSH). */
  femaleLh: 1.7,
  femaleFsh: 1.9,
  /** Insulin sensitivity of women relative to men of the same adiposity and age. */
  femaleSi: 1.6,
} as const;

/** The coefficient values a patient mapping uses: {@link COEFFICIENTS}, or a copy with some overridden. */
export type Coefficients = Readonly<Record<keyof typeof COEFFICIENTS, number>>;

const K = COEFFICIENTS;

/** The covariate relations, for the model documentation. */
export const RELATIONS: readonly Relation[] = [
  {
    parameter: 'sws_capacity',
    description:
      'slow-wave sleep relative to 16–25 y, interpolated over age: 18.9 % (20.5 y), 8.9 % (30.5 y), ' +
      '3.4 % (43 y), 2.5 % (77 y)',
    source:
      'Van Cauter, Leproult & Plat, JAMA 2000;284:861 (18.9 → 3.4 % found; 8.9 % and the oldest value recalled)',
  },
  {
    parameter: 'ghrh_pulse_amplitude, sleep_onset_pulse_amplitude',
    description:
      `× exp(−${K.amplitudePerYear} per year above 25) × exp(−${K.amplitudePerFatPct} per body-fat % above ` +
      'the sex reference)',
    source:
      'Iranmanesh 1991 (age and adiposity lower burst amplitude); Veldhuis 1995 (burst mass r = −0.62 with % fat)',
  },
  {
    parameter: 'ghrh_pulses_per_day',
    description:
      `× (1 − ${K.frequencyPerYear} per year above 25) × (1 − ${K.frequencyPerFatPct} per body-fat % above ` +
      `reference), at least ${K.frequencyFloor}`,
    source: 'Iranmanesh 1991 (age and adiposity lower burst frequency); size calibrated',
  },
  {
    parameter: 'srif_basal',
    description:
      `× (1 + ${K.somatostatinPerYear} per year above 25 + ${K.somatostatinPerVisceralCm2} per cm² of visceral ` +
      'fat above the sex reference), at least 0.7',
    source:
      'Veldhuis & Bowers 2009 (visceral fat explains 41 % of GHRH efficacy); Clasey 2001; the age term carries ' +
      'most of the somatopause (sizes calibrated to GH at 62 y and the GHRH test of Ghigo 1994)',
  },
  {
    parameter: 'gh_clearance_factor',
    description: `1 + ${K.clearancePerFatPct} per body-fat % above the sex reference, within [0.85, 1.8]`,
    source: 'Langendonk: GH clearance +33–51 % in obese vs lean women (≈ 15 fat-% apart)',
  },
  {
    parameter: 'ghrh_pulses_per_day, ghrh_tonic, ghrh_pulse_amplitude, liver_gh_ec50 (women)',
    description:
      `× (1 + ${K.oestrogenFrequency}·e), × (1 + ${K.oestrogenTonic}·e), × (1 + ${K.oestrogenAmplitude}·e), ` +
      `× (1 + ${K.oestrogenLiverEc50}·e); e = oestrogen factor (1 below 45 y, 0 from 55 y)`,
    source:
      'Winer 1990, Engström 1999 (more frequent pulses, higher nadirs in women); Roelfsema 2016 (no sex ' +
      'difference after 50); oestrogen blunts hepatic GH signalling, so women’s IGF-1 is not higher than men’s ' +
      '(reference table; mechanism recalled)',
  },
  {
    parameter: 'prolactin_basal_ng_ml',
    description: `× ${K.femaleProlactin} in women`,
    source: 'textbook reference ranges (recalled)',
  },
  {
    parameter: 'pool_capacity_ug',
    description: `× ${K.ghDeficiencyPool} with organic GH deficiency`,
    source:
      'assumption: severe GHD keeps ≈ 10–15 % of somatotroph capacity (mean 24-h GH 0.14 µg/L in Chapman 1997)',
  },
  {
    parameter: 'fat_mass_0_kg, lean_mass_0_kg, visceral_fat_0_cm2 (and the initial body-composition states)',
    description: 'weight × body fat %, weight − fat mass, visceral fat (measured or estimated)',
    source: 'the body measures above',
  },
  {
    parameter: 'si_scale',
    description:
      `× exp(−${K.siPerVisceralCm2} per cm² of visceral fat and −${K.siPerFatPct} per body-fat % above the sex ` +
      `reference) × (1 − ${K.siPerYear} per year above 25); × ${K.femaleSi} in women; × ${K.diabetesSi} with ` +
      'type 2 diabetes',
    source:
      'visceral fat and adiposity are the main determinants of insulin resistance (Clasey 2001 for visceral fat ' +
      'and insulin); sizes calibrated to minimal-model ranges (physiology.md §6: lean 4–8, obese 1–3 × 10⁻⁴); ' +
      'women are more insulin-sensitive than men at equal adiposity (recalled)',
  },
  {
    parameter: 'insulin_secretion_scale, egp_scale, insulin_secretion_rate_k',
    description:
      `β-cell capacity × (1 − ${K.betaPerYear} per year above 25), × ${K.diabetesBeta} with type 2 diabetes, ` +
      `× ${K.impairedGlucoseBeta} with impaired fasting glucose; hepatic glucose output × ${K.diabetesEgp} with ` +
      `type 2 diabetes; dynamic (first-phase) secretion × ${K.diabetesFirstPhase} with type 2 diabetes`,
    source:
      'assumption: β-cell failure and hepatic insulin resistance define type 2 diabetes (textbook); sizes weak; ' +
      'first-phase loss from Dalla Man 2007 (K 0.99 in type 2 diabetes against 2.30 in normal subjects)',
  },
  {
    parameter: 'is_male, ovarian_capacity, feedback weights',
    description:
      'men: androgen and estradiol feedback (0.45 / 0.55); women: estradiol feedback only (normaliser ' +
      `${K.femaleE2Norm} pg/mL) and ovarian capacity = oestrogen factor e`,
    source:
      'textbook physiology (recalled); the menstrual cycle is not modelled. Women: LH and FSH output × ' +
      `${K.femaleLh} and × ${K.femaleFsh} (calibrated: LH ≈ 5–7, FSH ≈ 5–7 IU/L premenopausal; LH ≈ 25–40, ` +
      'FSH ≈ 40–100 IU/L postmenopausal, textbook ranges, recalled)',
  },
  {
    parameter: 'leydig_scale',
    description:
      `men: × max(${K.leydigFloor}, 1 − ${K.leydigPerYear} per year above 35); × ${K.hypogonadismLeydig} with ` +
      'hypogonadism',
    source: 'physiology.md §8: morning testosterone declines 0.2–2 %/yr after 40 (Luboshitzky 2003)',
  },
  {
    parameter: 'testosterone_circ_amp, testosterone_sleep_gain',
    description:
      `${K.testosteroneCircYoung} and ${K.testosteroneSleepYoung} at ≤ 35 y falling linearly to ` +
      `${K.testosteroneCircOld} and ${K.testosteroneSleepOld} at ≥ 75 y`,
    source:
      'Brambilla 2009: T 20–25 % lower at 16:00 than 08:00 at 30–40 y, ≈ 10 % at 70 y; Luboshitzky 2003: the ' +
      'nocturnal rise is smaller and later with age',
  },
  {
    parameter: 'inhibin_level',
    description: `men: × max(${K.inhibinFloor}, 1 − ${K.inhibinPerYear} per year above 30); women: 0.2 + 0.8·e`,
    source:
      'FSH rises with age in men and at the menopause as inhibin falls (textbook, recalled). SHBG has no age term: ' +
      'its rise with age follows from the fall of IGF-1 in the model',
  },
];

/** A log-normal random effect on one parameter. */
export interface RandomEffect {
  readonly parameter: string;
  /** Coefficient of variation of the multiplier. */
  readonly cv: number;
  readonly source: string;
}

/** Inter-individual variability drawn when `variability: typical`. */
export const RANDOM_EFFECTS: readonly RandomEffect[] = [
  {
    parameter: 'ghrh_pulse_amplitude',
    cv: 0.4,
    source:
      'van Esdonk 2020: CV 90 % in GHRH-evoked GH release; Veldhuis 1995: 24-h GH spans 140-fold (part ' +
      'explained by age and fat); 40 % assumed for the unexplained hypothalamic part',
  },
  {
    parameter: 'srif_basal',
    cv: 0.15,
    source: 'assumption (weak)',
  },
  {
    parameter: 'gh_clearance_factor',
    cv: 0.15,
    source: 'Holl 1993: GH half-life varies with weight, SHBG and oestradiol; size assumed',
  },
  {
    parameter: 'pool_capacity_ug',
    cv: 0.25,
    source: 'van Esdonk 2020 (large IIV of releasable GH); size assumed',
  },
  {
    parameter: 'igf1_prod_scale',
    cv: 0.2,
    source:
      'calibrated: IGF-1 reference intervals span ≈ ±1.96 × 0.31–0.38 on the log scale (physiology.md §3), ' +
      'part of which comes from GH variability',
  },
  {
    parameter: 'si_scale',
    cv: 0.3,
    source: 'assumption: insulin sensitivity varies widely between people of the same adiposity (weak)',
  },
  {
    parameter: 'insulin_secretion_scale',
    cv: 0.2,
    source: 'assumption (weak)',
  },
  {
    parameter: 'leydig_scale',
    cv: 0.25,
    source: 'assumption: total testosterone varies ≈ ±40 % between healthy men of one age (recalled)',
  },
];

/** Derived body measures. */
export interface BodyMeasures {
  readonly bmi: number;
  readonly bodyFatPct: number;
  readonly visceralFatCm2: number;
  readonly bodyFatEstimated: boolean;
  readonly visceralFatEstimated: boolean;
}

/** Body-mass index (kg/m²). */
export function bodyMassIndex(weightKg: number, heightCm: number): number {
  const m = heightCm / 100;
  return weightKg / (m * m);
}

/**
 * Body fat (%) from BMI, age and sex: Deurenberg, Weststrate & Seidell, Br J Nutr 1991;65:105:
 * BF% = 1.2·BMI + 0.23·age − 10.8·sex − 5.4 (sex 1 for men), limited to [5, 60].
 */
export function deurenbergBodyFatPct(bmi: number, ageYears: number, sex: Sex): number {
  const pct = 1.2 * bmi + 0.23 * ageYears - 10.8 * (sex === 'male' ? 1 : 0) - 5.4;
  return Math.min(60, Math.max(5, pct));
}

/**
 * Visceral fat area (cm², L4–L5) estimated from fat mass, age and sex: fat mass (kg) × 4.5 (men) or 2.8 (women),
 * × (1 + 0.01 per year above 40), at least 20. A rough relation (weak), calibrated to typical CT values: young lean
 * men ≈ 50 cm², overweight men in their sixties ≈ 150 cm².
 */
export function estimateVisceralFatCm2(
  weightKg: number,
  bodyFatPct: number,
  ageYears: number,
  sex: Sex,
): number {
  const fatKg = (weightKg * bodyFatPct) / 100;
  return Math.max(20, fatKg * (sex === 'male' ? 4.5 : 2.8) * (1 + 0.01 * (ageYears - 40)));
}

/** BMI, body fat and visceral fat, measured where given and estimated otherwise. */
export function bodyMeasures(c: PatientCovariates): BodyMeasures {
  const bmi = bodyMassIndex(c.weightKg, c.heightCm);
  const bodyFatPct = c.bodyFatPct ?? deurenbergBodyFatPct(bmi, c.ageYears, c.sex);
  const visceralFatCm2 =
    c.visceralFatCm2 ?? estimateVisceralFatCm2(c.weightKg, bodyFatPct, c.ageYears, c.sex);
  return {
    bmi,
    bodyFatPct,
    visceralFatCm2,
    bodyFatEstimated: c.bodyFatPct === undefined,
    visceralFatEstimated: c.visceralFatCm2 === undefined,
  };
}

const SWS_BY_AGE: readonly (readonly [number, number])[] = [
  [20.5, 18.9],
  [30.5, 8.9],
  [43, 3.4],
  [77, 2.5],
];

/** Slow-wave sleep (% of sleep) at an age, by linear interpolation of Van Cauter 2000 (flat outside the data). */
export function slowWaveSleepPct(ageYears: number): number {
  const first = SWS_BY_AGE[0];
  const last = SWS_BY_AGE[SWS_BY_AGE.length - 1];
  if (ageYears <= first[0]) return first[1];
  if (ageYears >= last[0]) return last[1];
  for (let i = 1; i < SWS_BY_AGE.length; i++) {
    const [a1, v1] = SWS_BY_AGE[i];
    const [a0, v0] = SWS_BY_AGE[i - 1];
    if (ageYears <= a1) return v0 + ((v1 - v0) * (ageYears - a0)) / (a1 - a0);
  }
  return last[1];
}

/** Oestrogen factor of GH secretion: 1 in women below 45, falling linearly to 0 at 55; 0 in men. */
export function oestrogenFactor(ageYears: number, sex: Sex): number {
  if (sex === 'male') return 0;
  return Math.min(1, Math.max(0, (55 - ageYears) / 10));
}

/** Multipliers (and absolute values) the covariates put on the model's declared parameters. */
export interface PatientParameters {
  readonly measures: BodyMeasures;
  /** Absolute values to set, by parameter name. */
  readonly set: Readonly<Record<string, number>>;
  /** Multipliers of the declared values, by parameter name (applied after `set`). */
  readonly multiply: Readonly<Record<string, number>>;
  /** The random-effect multipliers drawn (all 1 without variability). */
  readonly randomEffects: Readonly<Record<string, number>>;
}

/** Log-normal multipliers of mean 1, one per random effect, drawn in the fixed order of {@link RANDOM_EFFECTS}. */
export function drawRandomEffects(uniform: () => number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const effect of RANDOM_EFFECTS) out[effect.parameter] = meanOneLognormal(effect.cv, uniform);
  return out;
}

/**
 * The parameter changes of a patient. `uniform` supplies the random effects when `variability` is `typical`
 * (ignored otherwise); `coefficients` replaces {@link COEFFICIENTS} (a scenario's `parameters: { patient_… }`).
 */
export function patientParameters(
  c: PatientCovariates,
  uniform?: () => number,
  coefficients: Coefficients = COEFFICIENTS,
): PatientParameters {
  const K = coefficients;
  const measures = bodyMeasures(c);
  const years = c.ageYears - REFERENCE.ageYears;
  const fatExcess = measures.bodyFatPct - REFERENCE.bodyFatPct[c.sex];
  const vatExcess = measures.visceralFatCm2 - REFERENCE.visceralFatCm2[c.sex];
  const e = oestrogenFactor(c.ageYears, c.sex);
  const amplitude =
    Math.exp(-K.amplitudePerYear * years - K.amplitudePerFatPct * fatExcess) * (1 + K.oestrogenAmplitude * e);
  const frequency =
    Math.max(
      K.frequencyFloor,
      (1 - K.frequencyPerYear * years) * (1 - K.frequencyPerFatPct * Math.max(0, fatExcess)),
    ) *
    (1 + K.oestrogenFrequency * e);
  const randomEffects =
    c.variability === 'typical' && uniform ? drawRandomEffects(uniform) : noRandomEffects();
  const metabolic = metabolicMultipliers(c, measures, K);
  const gonadal = gonadalSettings(c, K);
  const multiply: Record<string, number> = {
    ghrh_pulse_amplitude: amplitude,
    sleep_onset_pulse_amplitude: amplitude,
    ghrh_pulses_per_day: frequency,
    ghrh_tonic: 1 + K.oestrogenTonic * e,
    srif_basal: Math.max(0.7, 1 + K.somatostatinPerYear * years + K.somatostatinPerVisceralCm2 * vatExcess),
    gh_clearance_factor: Math.min(1.8, Math.max(0.85, 1 + K.clearancePerFatPct * fatExcess)),
    prolactin_basal_ng_ml: c.sex === 'female' ? K.femaleProlactin : 1,
    pool_capacity_ug: c.ghDeficient ? K.ghDeficiencyPool : 1,
    liver_gh_ec50: 1 + K.oestrogenLiverEc50 * e,
    ...metabolic,
    ...gonadal.multiply,
  };
  for (const [name, factor] of Object.entries(randomEffects)) multiply[name] = (multiply[name] ?? 1) * factor;
  return {
    measures,
    set: {
      body_weight_kg: c.weightKg,
      sws_capacity: slowWaveSleepPct(c.ageYears) / SWS_BY_AGE[0][1],
      ...bodyCompositionSettings(c.weightKg, measures),
      ...gonadal.set,
    },
    multiply,
    randomEffects,
  };
}

/** Initial body composition as parameters (the initial states take the same values). */
function bodyCompositionSettings(weightKg: number, m: BodyMeasures): Record<string, number> {
  const fat = (weightKg * m.bodyFatPct) / 100;
  return { fat_mass_0_kg: fat, lean_mass_0_kg: weightKg - fat, visceral_fat_0_cm2: m.visceralFatCm2 };
}

/** Insulin sensitivity, β-cell capacity and hepatic glucose output from adiposity, age and conditions. */
function metabolicMultipliers(
  c: PatientCovariates,
  m: BodyMeasures,
  K: Coefficients,
): Record<string, number> {
  const vatExcess = m.visceralFatCm2 - REFERENCE.visceralFatCm2[c.sex];
  const fatExcess = m.bodyFatPct - REFERENCE.bodyFatPct[c.sex];
  const years = Math.max(0, c.ageYears - REFERENCE.ageYears);
  const si =
    Math.exp(-K.siPerVisceralCm2 * vatExcess - K.siPerFatPct * fatExcess) *
    Math.max(0.5, 1 - K.siPerYear * years) *
    (c.sex === 'female' ? K.femaleSi : 1) *
    (c.type2Diabetes ? K.diabetesSi : 1);
  const beta =
    Math.max(0.5, 1 - K.betaPerYear * years) *
    (c.type2Diabetes ? K.diabetesBeta : c.impairedFastingGlucose ? K.impairedGlucoseBeta : 1);
  return {
    si_scale: Math.min(3, si),
    insulin_secretion_scale: beta,
    egp_scale: c.type2Diabetes ? K.diabetesEgp : 1,
    insulin_secretion_rate_k: c.type2Diabetes ? K.diabetesFirstPhase : 1,
  };
}

/** Sex- and age-specific settings of the gonadal axis. */
function gonadalSettings(
  c: PatientCovariates,
  K: Coefficients,
): {
  set: Record<string, number>;
  multiply: Record<string, number>;
} {
  const e = oestrogenFactor(c.ageYears, c.sex);
  if (c.sex === 'female') {
    return {
      set: {
        is_male: 0,
        ovarian_capacity: e,
        feedback_t_weight: 0,
        feedback_e2_weight: 1,
        feedback_e2_norm_pg_ml: K.femaleE2Norm,
        inhibin_level: 0.2 + 0.8 * e,
        testosterone_circ_amp: 0,
      },
      multiply: { leydig_scale: 0, lh_secretion_max: K.femaleLh, fsh_secretion_max: K.femaleFsh },
    };
  }
  const ageFraction = Math.min(1, Math.max(0, (c.ageYears - 35) / 40));
  const leydig =
    Math.max(K.leydigFloor, 1 - K.leydigPerYear * Math.max(0, c.ageYears - 35)) *
    (c.hypogonadism ? K.hypogonadismLeydig : 1);
  return {
    set: {
      is_male: 1,
      ovarian_capacity: 0,
      inhibin_level: Math.max(K.inhibinFloor, 1 - K.inhibinPerYear * Math.max(0, c.ageYears - 30)),
      testosterone_circ_amp:
        K.testosteroneCircYoung + (K.testosteroneCircOld - K.testosteroneCircYoung) * ageFraction,
      testosterone_sleep_gain:
        K.testosteroneSleepYoung + (K.testosteroneSleepOld - K.testosteroneSleepYoung) * ageFraction,
    },
    multiply: { leydig_scale: leydig },
  };
}

function noRandomEffects(): Record<string, number> {
  return Object.fromEntries(RANDOM_EFFECTS.map((r) => [r.parameter, 1]));
}

/** Applies patient parameters to a parameter vector, looking names up with `indexOf`. */
export function applyPatientParameters(
  p: Float64Array,
  patient: PatientParameters,
  indexOf: (name: string) => number,
): void {
  for (const [name, value] of Object.entries(patient.set)) p[indexOf(name)] = value;
  for (const [name, factor] of Object.entries(patient.multiply)) p[indexOf(name)] *= factor;
}

/** What the IGF-1 calibration reads from an untreated steady state. */
export interface Igf1SteadyState {
  /** IGF-1 at the draw time (ng/mL). */
  readonly igf1: number;
  /** Mean hepatic signal over the last day. */
  readonly hepaticSignal: number;
  /** Ternary-complex binding capacity (ng/mL). */
  readonly capacity: number;
}

/** The IGF-1 parameters the calibration needs. */
export interface Igf1Parameters {
  readonly prodMax: number;
  readonly prodBasal: number;
  readonly kTernary: number;
  readonly kUnbound: number;
  readonly satN: number;
}

/**
 * The hepatic production scale that makes the IGF-1 steady state equal `targetNgMl`, with the hepatic signal and
 * binding capacity held at their values in `steady`: production must balance ternary and spill-over clearance at
 * the target, scale = target·(k_T + k_U·spill(target)) / (P·(b + H)). GH feedback moves H a little when IGF-1
 * changes, so callers apply this twice (burn-in, rescale, burn-in, rescale).
 */
export function igf1ProductionScaleFor(
  targetNgMl: number,
  steady: Igf1SteadyState,
  q: Igf1Parameters,
): number {
  const spill = 1 / (1 + Math.pow(steady.capacity / targetNgMl, q.satN));
  const clearance = targetNgMl * (q.kTernary + q.kUnbound * spill);
  return clearance / (q.prodMax * (q.prodBasal + steady.hepaticSignal));
}

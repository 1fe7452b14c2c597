// SPDX-License-Identifier: MIT
/**
 * Sampling the virtual population: a table with one row per patient (covariates, baseline IGF-1 and the patient's
 * own scenario seed), drawn from the trial's population description and seed, screened against the inclusion and
 * exclusion criteria by rejection.
 *
 * Correlations come from published relations rather than from a correlation matrix:
 * - body fat follows BMI, age and sex by Deurenberg 1991 (+0.23 %/year, +1.2 %/BMI unit) plus a residual, so older
 *   and heavier patients are fatter;
 * - visceral fat follows fat mass, age and sex (`estimateVisceralFatCm2`) times a log-normal residual, so it rises
 *   with BMI and age;
 * - baseline IGF-1 is drawn as an SDS of the age- and sex-specific reference (analysis/igf1-sds), so its median
 *   falls with age as the reference table does; the model is then calibrated to it.
 *
 * Candidate c draws from its own stream (trial seed → stream 1 → c) with a fixed number of uniforms, so the table
 * never depends on the order of draws; patient k's scenario seed comes from (trial seed, k) only (stream 2 → k).
 */
import { igf1Reference, igf1Sds } from '../analysis/igf1-sds.js';
import { Random } from '../engine/random.js';
import { deurenbergBodyFatPct, estimateVisceralFatCm2 } from '../physiology/patient.js';
import { truncatedNormal } from './distributions.js';
import { CRITERION_FIELDS } from './schema.js';
import type { CriterionField, Criteria, Population, Trial } from './schema.js';

/** One virtual patient: the covariates the scenario receives and the seed of its simulations. */
export interface CohortRow {
  /** Index k of the patient in the trial, from 0. */
  readonly patient: number;
  /** The arm this patient is allocated to (parallel design), or null when the patient is in every arm (paired). */
  readonly arm: number | null;
  /** Which candidate draw this patient was (candidates that failed the criteria are skipped). */
  readonly candidate: number;
  /** The scenario seed of this patient in every arm (random effects and pulses). */
  readonly seed: number;
  readonly sex: 'male' | 'female';
  readonly age_years: number;
  readonly height_cm: number;
  readonly weight_kg: number;
  readonly bmi: number;
  readonly body_fat_pct: number;
  readonly visceral_fat_cm2: number;
  /** Baseline IGF-1 the model is calibrated to, or null when the population leaves IGF-1 to the model. */
  readonly igf1_ng_ml: number | null;
  readonly igf1_sds: number | null;
}

/** How the population was screened. */
export interface ScreeningCounts {
  /** Candidates drawn. */
  readonly screened: number;
  /** Candidates enrolled (the table's rows). */
  readonly enrolled: number;
  /** Rejected candidates by the first criterion they failed, e.g. `inclusion.igf1_ng_ml`. */
  readonly rejected: Readonly<Record<string, number>>;
}

/** The sampled cohort: the table and its screening. */
export interface Cohort {
  readonly rows: readonly CohortRow[];
  readonly screening: ScreeningCounts;
}

/** Not enough candidates passed the criteria within `max_screened`. */
export class ScreeningError extends Error {
  constructor(
    message: string,
    readonly screening: ScreeningCounts,
  ) {
    super(message);
    this.name = 'ScreeningError';
  }
}

const STREAM_CANDIDATES = 1;
const STREAM_SEEDS = 2;
/** Plausibility bounds of the derived covariates (the scenario schema's ranges lie outside them). */
const BOUNDS = {
  height_cm: [140, 210],
  body_fat_pct: [5, 60],
  visceral_fat_cm2: [10, 500],
  igf1_ng_ml: [15, 1400],
} as const;
const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** Patients needed: n for a paired trial, n per arm for a parallel one. */
export function patientsNeeded(trial: Trial): number {
  return trial.design === 'paired' ? trial.population.n : trial.population.n * trial.arms.length;
}

/** The candidate cap: `max_screened`, or 100 per place and at least 10,000. */
export function maxScreened(trial: Trial): number {
  return trial.max_screened ?? Math.max(10_000, 100 * patientsNeeded(trial));
}

/** A uniform in (0, 1): never exactly 0, so every inversion is finite. */
function openUniform(random: Random): number {
  return random.nextFloat() || 2 ** -54;
}

function sampleAge(population: Population, u: number): number {
  const { min, max, mean, sd } = population.age_years;
  if (mean === undefined || sd === undefined) return min + u * (max - min);
  return truncatedNormal(u, mean, sd, min, max);
}

function sampleIgf1(
  population: Population,
  u: number,
  age: number,
  sex: 'male' | 'female',
): { igf1_ng_ml: number; igf1_sds: number } | null {
  if (population.igf1 === 'model') return null;
  const { mean, sd } = population.igf1.sds;
  const ref = igf1Reference(age, sex);
  const lnBounds = BOUNDS.igf1_ng_ml.map((b) => Math.log(b / ref.median) / ref.sdLn);
  const sds = truncatedNormal(u, mean, sd, lnBounds[0], lnBounds[1]);
  const value = round(ref.median * Math.exp(sds * ref.sdLn), 1);
  return { igf1_ng_ml: value, igf1_sds: round(igf1Sds(age, sex, value).sds, 3) };
}

/** The covariates of candidate `c` (no seed, no allocation yet). */
export function sampleCandidate(
  trial: Trial,
  c: number,
): Omit<CohortRow, 'patient' | 'arm' | 'seed' | 'candidate'> {
  const population = trial.population;
  const random = Random.fromSeed(trial.seed).split(STREAM_CANDIDATES).split(c);
  const u = Array.from({ length: 7 }, () => openUniform(random));
  const sex = u[0] < population.sex.female ? 'female' : 'male';
  const age = round(sampleAge(population, u[1]), 1);
  const h = population.height_cm[sex];
  const height = round(truncatedNormal(u[2], h.mean, h.sd, ...BOUNDS.height_cm), 1);
  const b = population.bmi;
  const weight = round(truncatedNormal(u[3], b.mean, b.sd, b.min, b.max) * (height / 100) ** 2, 1);
  const bmi = round(weight / (height / 100) ** 2, 2);
  const fatMean = deurenbergBodyFatPct(bmi, age, sex);
  const fat = round(
    truncatedNormal(u[4], fatMean, population.body_fat_residual_sd_pct, ...BOUNDS.body_fat_pct),
    1,
  );
  const visceralLn = Math.log(estimateVisceralFatCm2(weight, fat, age, sex));
  const visceralBoundsLn = BOUNDS.visceral_fat_cm2.map(Math.log) as [number, number];
  const visceral = Math.round(
    Math.exp(truncatedNormal(u[5], visceralLn, population.visceral_fat_residual_sd_log, ...visceralBoundsLn)),
  );
  const igf1 = sampleIgf1(population, u[6], age, sex);
  return {
    sex,
    age_years: age,
    height_cm: height,
    weight_kg: weight,
    bmi,
    body_fat_pct: fat,
    visceral_fat_cm2: visceral,
    igf1_ng_ml: igf1?.igf1_ng_ml ?? null,
    igf1_sds: igf1?.igf1_sds ?? null,
  };
}

type Covariates = ReturnType<typeof sampleCandidate>;

function inRange(value: number | null, range: Criteria[CriterionField]): boolean {
  if (range === undefined || value === null) return true;
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}

/** The first criterion a candidate fails (`inclusion.bmi`, `exclusion.igf1_ng_ml`…), or undefined. */
export function failedCriterion(trial: Trial, candidate: Covariates): string | undefined {
  for (const field of CRITERION_FIELDS) {
    if (!inRange(candidate[field], trial.inclusion[field])) return `inclusion.${field}`;
  }
  for (const field of CRITERION_FIELDS) {
    const range = trial.exclusion[field];
    if (range !== undefined && candidate[field] !== null && inRange(candidate[field], range)) {
      return `exclusion.${field}`;
    }
  }
  return undefined;
}

/** Patient k's scenario seed: a function of (trial seed, k) only. */
export function patientSeed(trialSeed: number, k: number): number {
  return Random.fromSeed(trialSeed).split(STREAM_SEEDS).split(k).nextUint32();
}

function shortfallMessage(trial: Trial, screening: ScreeningCounts, needed: number): string {
  const reasons = Object.entries(screening.rejected)
    .sort((a, b) => b[1] - a[1])
    .map(([path, count]) => `${path} rejected ${count}`)
    .join(', ');
  return (
    `max_screened: screened ${screening.screened} candidates and enrolled only ${screening.enrolled} of the ` +
    `${needed} patients the trial needs (${reasons}); widen the criteria or raise max_screened ` +
    `(now ${maxScreened(trial)})`
  );
}

/**
 * Samples the cohort table: candidates are drawn in order and enrolled when they pass every criterion, until the
 * trial has its patients (n, or n per arm for a parallel design, allocated to the arms in turn).
 * Cost: a few microseconds per candidate.
 * @throws ScreeningError when `max_screened` candidates do not fill the trial.
 */
export function sampleCohort(trial: Trial): Cohort {
  const needed = patientsNeeded(trial);
  const limit = maxScreened(trial);
  const rows: CohortRow[] = [];
  const rejected: Record<string, number> = {};
  let c = 0;
  while (rows.length < needed && c < limit) {
    const candidate = sampleCandidate(trial, c);
    const failed = failedCriterion(trial, candidate);
    if (failed === undefined) {
      const k = rows.length;
      const arm = trial.design === 'parallel' ? k % trial.arms.length : null;
      rows.push({ patient: k, arm, candidate: c, seed: patientSeed(trial.seed, k), ...candidate });
    } else {
      rejected[failed] = (rejected[failed] ?? 0) + 1;
    }
    c++;
  }
  const screening: ScreeningCounts = { screened: c, enrolled: rows.length, rejected };
  if (rows.length < needed) throw new ScreeningError(shortfallMessage(trial, screening, needed), screening);
  return { rows, screening };
}

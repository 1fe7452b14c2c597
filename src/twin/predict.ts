// SPDX-License-Identifier: MIT
/**
 * What the fitted twin predicts under a chosen course: draws of the log-parameters from their posterior
 * (normal, mean the estimate, the fit's covariance), one `simulate` run each, and for every day the median and the
 * 90 % prediction interval of each daily field.
 *
 * For a lab the fit measured (IGF-1, fasting glucose, fasting insulin: the morning draws of `daily`), the interval
 * is that of a new measurement: parameter uncertainty and the residual error of one draw (log-normal with the
 * fit's residual SD), as exact quantiles of the mixture over the draws. For every other field it is the spread of
 * the model's value over the parameter draws alone. IGF-1 SDS follows IGF-1 (monotone for a fixed age and sex).
 */
import { igf1Sds } from '../analysis/igf1-sds.js';
import { DAILY_FIELDS } from '../scenario/result.js';
import type { DailyRow } from '../scenario/result.js';
import type { Scenario } from '../scenario/schema.js';
import { prepareScenario, setUpPatient, simulate } from '../simulate/index.js';
import type { TwinFit } from './fit.js';
import { withoutBaselineIgf1 } from './fit.js';
import { cholesky, normalSource, sampleQuantile } from '../estimate/numeric.js';
import { logNormalMixtureQuantile } from './numeric.js';
import { FITTABLE_LABS, TwinInputError } from './observations.js';
import type { FittableLab } from './observations.js';

/** Schema id of a prediction document. */
export const TWIN_PREDICTION_SCHEMA_ID = 'endotwin/twin-prediction/v1';

/** Coverage of the prediction interval. */
export const PREDICTION_LEVEL = 0.9;
const LOWER = (1 - PREDICTION_LEVEL) / 2;
const UPPER = 1 - LOWER;

/** Options of {@link predictTwin}. */
export interface PredictTwinOptions {
  /** Parameter draws, one simulation each (default 50; 1 to 2000). */
  readonly draws?: number;
  /** Seed of the parameter and residual draws (default 1). */
  readonly seed?: number;
  /** Called after each draw's simulation with the draws done and their total (for a progress display). */
  readonly onDraw?: (done: number, total: number) => void;
}

/** How a field's interval was made. */
export type IntervalKind = 'parameters+residual' | 'parameters';

/**
 * One day of a prediction: for each daily field `f`, `f_median`, `f_p05` and `f_p95` (null where the model has no
 * value for this patient).
 */
export interface TwinPredictionRow {
  readonly day: number;
  readonly [column: string]: number | null;
}

/** A prediction document. */
export interface TwinPrediction {
  readonly schema: typeof TWIN_PREDICTION_SCHEMA_ID;
  readonly draws: number;
  readonly seed: number;
  readonly level: number;
  /** The course predicted (normalised, with the fitted patient). */
  readonly scenario: Scenario;
  /** The parameter draws (natural scale), one object per draw. */
  readonly parameter_draws: readonly Readonly<Record<string, number>>[];
  /** For each field, what its interval covers. */
  readonly intervals: Readonly<Record<string, IntervalKind>>;
  /** What the reader should know, e.g. a fitted parameter the course does not use. */
  readonly notes: readonly string[];
  readonly daily: readonly TwinPredictionRow[];
}

/** The daily fields that are morning draws of a fitted lab, and that lab. */
const DRAW_FIELDS: Readonly<Record<string, FittableLab>> = Object.fromEntries(
  (Object.keys(FITTABLE_LABS) as FittableLab[]).flatMap((lab) => {
    const field = FITTABLE_LABS[lab].dailyField;
    return field === undefined ? [] : [[field, lab]];
  }),
);

/** The numeric daily fields predicted directly (IGF-1 SDS is derived from IGF-1). */
const PREDICTED_FIELDS = DAILY_FIELDS.filter((f) => f !== 'day' && f !== 'igf1_sds');

/** Checks that `future` is the fitted patient (same covariates and seed), naming the first difference. */
function checkSamePatient(fit: TwinFit, future: Scenario): void {
  const fitted = fit.scenario.patient as Readonly<Record<string, unknown>>;
  const patient = future.patient as Readonly<Record<string, unknown>>;
  const issues = [...new Set([...Object.keys(fitted), ...Object.keys(patient)])]
    .filter((key) => JSON.stringify(fitted[key]) !== JSON.stringify(patient[key]))
    .map((key) => ({
      path: `future.patient.${key}`,
      message: `must be the fitted patient's (${JSON.stringify(fitted[key])}), got ${JSON.stringify(patient[key])}`,
    }));
  if (future.seed !== fit.scenario.seed) {
    issues.push({
      path: 'future.seed',
      message: `must be the fitted history's seed (${fit.scenario.seed}): it draws the patient's random effects and GH pulses, got ${future.seed}`,
    });
  }
  if (issues.length > 0) throw new TwinInputError(issues);
}

/**
 * The fitted parameters the course's model has; a drug response parameter of a drug the course does not give is
 * left out, with a note.
 */
function parametersOfCourse(fit: TwinFit, run: Scenario): { applied: string[]; notes: string[] } {
  const setup = setUpPatient(run);
  const names = fit.parameters.map((p) => p.name);
  const applied = names.filter((name) => setup.model.parameterNames.includes(name));
  const drugs = setup.drugs.length > 0 ? setup.drugs.join(', ') : 'none';
  const notes = names
    .filter((name) => !applied.includes(name))
    .map(
      (name) =>
        `${name} is fitted but the course's model has no such parameter (its drugs: ${drugs}); not used`,
    );
  return { applied, notes };
}

/** `draws` log-parameter vectors from N(estimate, covariance). */
function parameterDraws(fit: TwinFit, draws: number, next: () => number): Record<string, number>[] {
  const mean = fit.parameters.map((p) => p.log_estimate);
  const l = cholesky(fit.covariance_log.map((row) => [...row]));
  return Array.from({ length: draws }, () => {
    const z = mean.map(() => next());
    return Object.fromEntries(
      fit.parameters.map((p, i) => [
        p.name,
        Math.exp(mean[i] + l[i].reduce((s, lik, k) => s + lik * z[k], 0)),
      ]),
    );
  });
}

/** Median and 90 % bounds of one field on one day, or nulls. */
function fieldQuantiles(
  values: readonly (number | null)[],
  residualSdLog: number | undefined,
): [number, number, number] | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  if (residualSdLog !== undefined && residualSdLog > 0 && present.every((v) => v > 0)) {
    const q = (p: number): number => logNormalMixtureQuantile(present, residualSdLog, p);
    return [q(0.5), q(LOWER), q(UPPER)];
  }
  return [sampleQuantile(present, 0.5), sampleQuantile(present, LOWER), sampleQuantile(present, UPPER)];
}

/** One prediction row from the draws' daily rows of that day. */
function predictionRow(
  day: number,
  rows: readonly DailyRow[],
  fit: TwinFit,
  scenario: Scenario,
): TwinPredictionRow {
  const row: Record<string, number | null> = { day };
  for (const field of PREDICTED_FIELDS) {
    const lab = DRAW_FIELDS[field];
    const sd = lab === undefined ? undefined : fit.residual_sd_log[lab];
    const q = fieldQuantiles(
      rows.map((r) => r[field] ?? null),
      sd,
    );
    row[`${field}_median`] = q ? q[0] : null;
    row[`${field}_p05`] = q ? q[1] : null;
    row[`${field}_p95`] = q ? q[2] : null;
  }
  const { age_years: age, sex } = scenario.patient;
  for (const suffix of ['median', 'p05', 'p95']) {
    const igf1 = row[`igf1_ng_ml_${suffix}`];
    row[`igf1_sds_${suffix}`] = igf1 === null ? null : igf1Sds(age, sex, igf1).sds;
  }
  return row as TwinPredictionRow;
}

/**
 * Predicts the course `future` for the fitted patient: `future` is a whole scenario from day 0 (typically the
 * history's regimen followed by the chosen one) with the fitted patient and seed; it may titrate. Cost: `draws`
 * simulations of `future`.
 * @throws TwinInputError when `future` is not the fitted patient or `draws` is out of range.
 * @example predictTwin(fit, parseScenario(nextSixMonths), { draws: 50, seed: 1 }).daily[90].igf1_ng_ml_p95
 */
export function predictTwin(
  fit: TwinFit,
  future: Scenario,
  options: PredictTwinOptions = {},
): TwinPrediction {
  const draws = options.draws ?? 50;
  const seed = options.seed ?? 1;
  if (!(Number.isInteger(draws) && draws >= 1 && draws <= 2000)) {
    throw new TwinInputError([
      { path: 'draws', message: `must be a whole number from 1 to 2000, got ${draws}` },
    ]);
  }
  // A fitted production scale replaces the calibration to a baseline IGF-1, as in the fit.
  const fitsProduction = fit.parameters.some((p) => p.name === 'igf1_prod_scale');
  const scenario = fitsProduction ? withoutBaselineIgf1(future) : future;
  checkSamePatient(fit, scenario);
  const run: Scenario = { ...scenario, output: { ...scenario.output, series: [] } };
  const parameterSets = parameterDraws(fit, draws, normalSource(seed));
  const { applied, notes } = parametersOfCourse(fit, run);
  const prepared = prepareScenario({ scenario: run });
  const runs = parameterSets.map((set, i) => {
    const overrides = Object.fromEntries(Object.entries(set).filter(([name]) => applied.includes(name)));
    const daily = simulate(prepared, { parameterOverrides: overrides }).daily;
    options.onDraw?.(i + 1, parameterSets.length);
    return daily;
  });
  const daily = runs[0].map((_, d) =>
    predictionRow(
      runs[0][d].day,
      runs.map((r) => r[d]),
      fit,
      scenario,
    ),
  );
  const intervals: Record<string, IntervalKind> = {};
  for (const field of [...PREDICTED_FIELDS, 'igf1_sds']) {
    const lab = DRAW_FIELDS[field === 'igf1_sds' ? 'igf1_ng_ml' : field];
    intervals[field] =
      lab !== undefined && fit.residual_sd_log[lab] !== undefined ? 'parameters+residual' : 'parameters';
  }
  return {
    schema: TWIN_PREDICTION_SCHEMA_ID,
    draws,
    seed,
    level: PREDICTION_LEVEL,
    scenario,
    parameter_draws: parameterSets,
    intervals,
    notes,
    daily,
  };
}

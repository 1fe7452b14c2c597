// SPDX-License-Identifier: MIT
/**
 * From the outcomes of every (patient, arm) to the trial result (`endotwin/trial-result/v1`): per arm and
 * endpoint n, mean, SD, median and 95 % CI; each arm's difference from the first arm (paired or Welch); the
 * screening counts; the endpoints no patient had a value for ("not modelled yet"); failed patients; and, when the
 * trial asks for it, every patient's covariates and endpoints.
 *
 * The outcomes are checked to cover every (patient, arm) exactly once and sorted, so the numbers cannot depend on
 * the order in which workers delivered them.
 */
import { ENGINE_VERSION, MODEL_NAME } from './model.js';
import type { Cohort, CohortRow, ScreeningCounts } from './population.js';
import type { EndpointName, Trial } from './schema.js';
import { armsOf } from './shards.js';
import type { PatientOutcome } from './shards.js';
import { pairedDifference, summarise, welchDifference } from './statistics.js';
import type { EndpointDifference, EndpointSummary } from './statistics.js';

/** The schema id of a trial result. */
export const TRIAL_RESULT_SCHEMA_ID = 'endotwin/trial-result/v1';

/** One arm of the result. */
export interface ArmResult {
  readonly name: string;
  /** Patients simulated in this arm. */
  readonly patients: number;
  readonly endpoints: Readonly<Record<string, EndpointSummary>>;
  /** Difference from the first arm per endpoint; null for the first arm itself. */
  readonly difference: Readonly<Record<string, EndpointDifference>> | null;
}

/** A patient's covariates and endpoints in one arm (`output.patients: true`). */
export interface PatientResult extends CohortRow {
  readonly arm_name: string;
  readonly endpoints: Readonly<Record<string, number | null>>;
}

/** The trial result document. */
export interface TrialResult {
  readonly schema: typeof TRIAL_RESULT_SCHEMA_ID;
  readonly engine: { readonly version: string; readonly model: string; readonly seed: number };
  readonly trial: Trial;
  readonly screening: ScreeningCounts;
  readonly arms: readonly ArmResult[];
  /** Endpoints without a single value among the patients simulated: the model cannot produce them yet. */
  readonly not_modelled: readonly EndpointName[];
  readonly failures: readonly { readonly patient: number; readonly arm: string; readonly message: string }[];
  readonly patients?: readonly PatientResult[];
}

/** Outcomes that are not exactly one per expected (patient, arm). */
export class IncompleteTrialError extends Error {
  override name = 'IncompleteTrialError';
}

const key = (patient: number, arm: number): string => `${patient}:${arm}`;

/**
 * The outcomes sorted by patient then arm, after checking that each expected (patient, arm) appears once.
 * @throws IncompleteTrialError naming the first missing, duplicated or unexpected unit.
 */
export function orderOutcomes(
  trial: Trial,
  rows: readonly CohortRow[],
  outcomes: readonly PatientOutcome[],
): PatientOutcome[] {
  const byKey = new Map<string, PatientOutcome>();
  for (const o of outcomes) {
    const k = key(o.patient, o.arm);
    if (byKey.has(k))
      throw new IncompleteTrialError(`patient ${o.patient} in arm ${o.arm} was counted twice`);
    byKey.set(k, o);
  }
  const ordered: PatientOutcome[] = [];
  for (const row of rows) {
    for (const arm of armsOf(trial, row)) {
      const o = byKey.get(key(row.patient, arm));
      if (!o) throw new IncompleteTrialError(`patient ${row.patient} in arm ${arm} has no outcome`);
      ordered.push(o);
    }
  }
  if (ordered.length !== outcomes.length) {
    throw new IncompleteTrialError(
      `${outcomes.length - ordered.length} outcomes belong to no expected patient`,
    );
  }
  return ordered;
}

const round6 = (x: number | null): number | null => (x === null ? null : Number(x.toPrecision(6)));
const roundPair = (p: readonly [number, number] | null): [number, number] | null =>
  p === null ? null : [Number(p[0].toPrecision(6)), Number(p[1].toPrecision(6))];

function roundSummary(s: EndpointSummary): EndpointSummary {
  return { ...s, mean: round6(s.mean), sd: round6(s.sd), median: round6(s.median), ci95: roundPair(s.ci95) };
}

function roundDifference(d: EndpointDifference): EndpointDifference {
  return { ...d, mean: round6(d.mean), ci95: roundPair(d.ci95), df: round6(d.df) };
}

/** Values of endpoint `e` in arm `arm`, in patient order (paired arms: aligned across arms). */
function column(outcomes: readonly PatientOutcome[], arm: number, e: number): (number | null)[] {
  return outcomes.filter((o) => o.arm === arm).map((o) => o.values[e]);
}

function armResult(trial: Trial, outcomes: readonly PatientOutcome[], arm: number): ArmResult {
  const endpoints: Record<string, EndpointSummary> = {};
  const difference: Record<string, EndpointDifference> = {};
  trial.endpoints.forEach((name, e) => {
    const values = column(outcomes, arm, e);
    endpoints[name] = roundSummary(summarise(values));
    if (arm === 0) return;
    const first = column(outcomes, 0, e);
    const diff = trial.design === 'paired' ? pairedDifference(values, first) : welchDifference(values, first);
    difference[name] = roundDifference(diff);
  });
  return {
    name: trial.arms[arm].name,
    patients: outcomes.filter((o) => o.arm === arm).length,
    endpoints,
    difference: arm === 0 ? null : difference,
  };
}

function patientResults(trial: Trial, rows: readonly CohortRow[], outcomes: readonly PatientOutcome[]) {
  return outcomes.map((o): PatientResult => {
    const endpoints: Record<string, number | null> = {};
    trial.endpoints.forEach((name, e) => (endpoints[name] = o.values[e]));
    return { ...rows[o.patient], arm_name: trial.arms[o.arm].name, endpoints };
  });
}

/**
 * The trial result from the cohort and the outcomes of every (patient, arm), in any order.
 * @throws IncompleteTrialError when a (patient, arm) is missing or appears twice.
 */
export function analyseTrial(trial: Trial, cohort: Cohort, outcomes: readonly PatientOutcome[]): TrialResult {
  const ordered = orderOutcomes(trial, cohort.rows, outcomes);
  const arms = trial.arms.map((_, i) => armResult(trial, ordered, i));
  const simulated = ordered.filter((o) => o.error === undefined);
  const notModelled = trial.endpoints.filter(
    (_, e) => simulated.length > 0 && simulated.every((o) => o.values[e] === null),
  );
  const failures = ordered
    .filter((o) => o.error !== undefined)
    .map((o) => ({ patient: o.patient, arm: trial.arms[o.arm].name, message: o.error ?? '' }));
  return {
    schema: TRIAL_RESULT_SCHEMA_ID,
    engine: { version: ENGINE_VERSION, model: MODEL_NAME, seed: trial.seed },
    trial,
    screening: cohort.screening,
    arms,
    not_modelled: notModelled,
    failures,
    ...(trial.output.patients ? { patients: patientResults(trial, cohort.rows, ordered) } : {}),
  };
}

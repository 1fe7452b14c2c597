// SPDX-License-Identifier: MIT
/**
 * One virtual patient in one arm as an ordinary `endotwin/scenario/v1` document: the trial's duration, lifestyle
 * and the arm's regimen and titration, the patient's covariates and baseline IGF-1 from the cohort table, and the
 * patient's own seed (the same in every arm, so paired arms differ only by treatment). No series are kept: a
 * trial reads only the endpoints.
 */
import { parseScenario } from '../protocol/parse-scenario.js';
import type { Scenario, ScenarioInput } from '../scenario/schema.js';
import type { CohortRow } from './population.js';
import type { Trial } from './schema.js';

/** The scenario document of patient `row` in arm `armIndex` (before parsing). */
export function patientScenarioInput(trial: Trial, row: CohortRow, armIndex: number): ScenarioInput {
  const arm = trial.arms[armIndex];
  const population = trial.population;
  return {
    name: `${trial.name} · ${arm.name} · patient ${row.patient}`,
    seed: row.seed,
    duration_days: trial.duration_days,
    patient: {
      age_years: row.age_years,
      sex: row.sex,
      weight_kg: row.weight_kg,
      height_cm: row.height_cm,
      body_fat_pct: row.body_fat_pct,
      visceral_fat_cm2: row.visceral_fat_cm2,
      conditions: [...population.conditions],
      labs: row.igf1_ng_ml === null ? {} : { igf1_ng_ml: row.igf1_ng_ml },
      variability: population.variability,
    },
    lifestyle: trial.lifestyle,
    regimen: arm.regimen,
    ...(arm.titration === undefined ? {} : { titration: arm.titration }),
    output: { series: [], window_days: [0, 1] },
  };
}

/**
 * The normalised scenario of patient `row` in arm `armIndex`.
 * @throws ScenarioError when the arm does not suit this patient (a per-kg dose above the drug's maximum, say).
 */
export function patientScenario(trial: Trial, row: CohortRow, armIndex: number): Scenario {
  return parseScenario(patientScenarioInput(trial, row, armIndex));
}

// SPDX-License-Identifier: MIT
/**
 * The one entry point: `simulate(scenario) → Result`. Every caller (CLI, API, cohort runner, tests) goes through
 * here. The stages are named functions, one module each:
 *
 * 1. {@link screen} (`screening.ts`): contraindication screening, plus notes on what the model does not cover;
 * 2. {@link setUpPatient} (`setup.ts`): the compiled model for the regimen's drugs and the patient's parameters;
 * 3. {@link buildTimeline} (`events.ts`): lifestyle events and GHRH pulses from the burn-in's start to the end;
 * 4. {@link burnIn} (`burn-in.ts`): the untreated patient run to its own steady state (calibrated to baseline labs);
 * 5. {@link runTreatment} (`segments.ts`): doses and titration, one `integrate` call per segment, outputs streamed
 *    into the reducers of `daily-reducer.ts`;
 * 6. {@link assembleResult} (`result.ts`): daily rows, labs, series, events, alerts and endpoints, the endpoints
 *    against an untreated baseline week ({@link runBaselineWeek}, `baseline-week.ts`, when it lies before day 0).
 *
 * Same scenario and seed ⇒ the same JSON, byte for byte.
 */
import type { Result } from '../scenario/result.js';
import type { Scenario } from '../scenario/schema.js';
import { runBaselineWeek } from './baseline-week.js';
import { burnIn } from './burn-in.js';
import { buildTimeline } from './events.js';
import { progressSplitter } from './progress.js';
import { assembleResult } from './result.js';
import {
  applyParameterOverrides,
  checkOverridesKept,
  mergedOverrides,
  type ParameterOverrides,
} from './overrides.js';
import { isPrepared, prepareScenario, type PreparedScenario } from './prepare.js';
import { runTreatment } from './segments.js';
import { BURN_IN_DAYS, MIN_PER_DAY } from './settings.js';
import { setUpPatient } from './setup.js';

export { burnIn } from './burn-in.js';
export type { EndState, ProgressSpan } from './types.js';
export { type DayStats, type TreatmentRun } from './daily-reducer.js';
export { buildTimeline, type Timeline } from './events.js';
export {
  CALIBRATED_TO_LABS,
  ParameterOverrideError,
  SET_BY_THE_RUN,
  type ParameterOverrides,
} from './overrides.js';
export { assembleResult } from './result.js';
export { screen, seriesNames } from './screening.js';
export { prepareScenario, type PreparedScenario, type ScenarioSource } from './prepare.js';
export { runTreatment } from './segments.js';
export { BURN_IN_DAYS, ENGINE_VERSION, INTERNAL_STEP_MIN, SOLVER, TOLERANCES } from './settings.js';
export { setUpPatient, type Setup } from './setup.js';

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /** Called with the fraction done (0–1), about a hundred times per run, last with 1. */
  readonly onProgress?: (fraction: number) => void;
  /**
   * Model parameters to set by name (each in its declared unit) after the patient mapping, e.g.
   * `{ igf1_prod_scale: 1.3 }`; used by the fitted twin. Parameters the run sets itself (derived at set-up,
   * burn-in switches and references, and those calibrated to the patient's baseline labs) are refused
   * (`overrides.ts`).
   */
  readonly parameterOverrides?: ParameterOverrides;
}

/**
 * Simulates a scenario checked by {@link prepareScenario} (or a normalised scenario from `parseScenario`, which it
 * prepares first).
 * @throws ScenarioError when the scenario fails a check of {@link prepareScenario} (path `output.series[i]` for an
 *   unknown series); its subclass ParameterOverrideError for a bad `parameterOverrides` entry (path
 *   `parameterOverrides.<name>`).
 * @example simulate(prepareScenario({ document: { duration_days: 7, patient: { age_years: 40, sex: 'male', weight_kg: 80, height_cm: 180 } } }))
 */
export function simulate(input: Scenario | PreparedScenario, options: SimulateOptions = {}): Result {
  const prepared = isPrepared(input) ? input : prepareScenario({ scenario: input });
  const { scenario } = prepared;
  const overrides = mergedOverrides(scenario, options.parameterOverrides);
  const setup = setUpPatient(scenario, overrides);
  applyParameterOverrides(scenario, setup, scenario.parameters, 'parameters');
  applyParameterOverrides(scenario, setup, options.parameterOverrides);
  const timeline = buildTimeline(prepared, setup);
  const progress = progressSplitter(options.onProgress, BURN_IN_DAYS, timeline.endMin / MIN_PER_DAY);
  const baseline = burnIn(scenario, setup, timeline, progress.burnIn);
  checkOverridesKept(setup, overrides);
  const run = runTreatment(prepared, setup, timeline, baseline, progress.treatment);
  const result = assembleResult(scenario, prepared.screening, setup, timeline, run, () =>
    runBaselineWeek(scenario, setup, timeline, baseline),
  );
  return overrides === undefined ? result : { ...result, parameters: { ...overrides } };
}

// SPDX-License-Identifier: MIT
/**
 * Caller-supplied parameter values (`simulate(scenario, { parameterOverrides })`), applied after the patient
 * mapping (covariates and random effects) and before the timeline and the burn-in, so the run — burn-in included —
 * is that of a patient with these values. This is how a fitted twin (src/twin/) runs a patient whose IGF-1
 * production or drug sensitivity was estimated from their own labs.
 *
 * Some parameters cannot be overridden because the run sets them itself: values derived once at set-up (GH volume,
 * initial body composition), the burn-in's switches, the untreated references read at the end of the burn-in, and
 * the parameters the burn-in calibrates to a baseline lab the patient has (`patient.labs`).
 */
import { isParamName, type ParamName } from '../physiology/param-names.generated.js';
import { coefficientKeyOf } from '../physiology/patient-coefficients.js';
import { ScenarioError } from '../scenario/parse.js';
import type { ScenarioIssue } from '../scenario/parse.js';
import type { Patient, Scenario } from '../scenario/schema.js';
import type { Setup } from './setup.js';

/** Parameter values by model parameter name, in the parameter's own unit. */
export type ParameterOverrides = Readonly<Record<string, number>>;

/** Overrides that name no parameter of the run's model, give a bad value, or a parameter the run sets itself. */
export class ParameterOverrideError extends ScenarioError {
  constructor(issues: readonly ScenarioIssue[]) {
    super(issues);
    this.name = 'ParameterOverrideError';
  }
}

/** Parameters the run always sets itself, with the reason given to a caller who tries to override one. */
export const SET_BY_THE_RUN: Readonly<Partial<Record<ParamName, string>>> = {
  body_weight_kg: 'derived from patient.weight_kg at set-up (GH volume); change the patient instead',
  gh_vd_fraction: 'used at set-up to derive the GH volume of distribution; it cannot change afterwards',
  fat_mass_0_kg:
    "the initial fat mass is set from the patient's body composition; change the patient instead",
  lean_mass_0_kg:
    "the initial lean mass is set from the patient's body composition; change the patient instead",
  is_male: 'set from patient.sex',
  wake_clock_min: 'set from lifestyle.sleep (bedtime and duration)',
  tissue_on: 'a switch of the burn-in',
  adaptation_speed: 'a switch of the burn-in',
  igf1_ref_ng_ml: "the patient's untreated reference, read at the end of the burn-in",
  log_free_t_ref: "the patient's untreated reference, read at the end of the burn-in",
  socs_ref: "the patient's untreated reference, read at the end of the burn-in",
  ee_k_kcal_d: 'the energy-balance constant, set at the end of the burn-in',
};

/** Parameters the burn-in calibrates when the patient has one of the named baseline labs (calibration.ts). */
export const CALIBRATED_TO_LABS: readonly {
  readonly labs: readonly (keyof Patient['labs'])[];
  readonly parameters: readonly ParamName[];
}[] = [
  { labs: ['igf1_ng_ml'], parameters: ['igf1_prod_scale'] },
  {
    labs: ['glucose_fasting_mg_dl', 'insulin_fasting_uU_ml'],
    parameters: ['si_scale', 'egp_scale', 'insulin_secretion_scale'],
  },
  { labs: ['testosterone_total_ng_dl'], parameters: ['leydig_scale'] },
];

/** Why the run would overwrite `name` for this patient, or undefined when an override of it holds. */
function setByTheRun(name: string, patient: Patient): string | undefined {
  const fixed = isParamName(name) ? SET_BY_THE_RUN[name] : undefined;
  if (fixed !== undefined) return fixed;
  for (const rule of CALIBRATED_TO_LABS) {
    const lab = rule.labs.find((l) => patient.labs[l] !== undefined);
    if (lab !== undefined && (rule.parameters as readonly string[]).includes(name)) {
      return `the burn-in calibrates it to patient.labs.${lab}; remove that lab to override it`;
    }
  }
  return undefined;
}

/** The problems of one override, if any. */
function overrideIssue(
  name: string,
  value: number,
  scenario: Scenario,
  setup: Setup,
  field: string,
): ScenarioIssue | undefined {
  const path = `${field}.${name}`;
  if (coefficientKeyOf(name) !== undefined) {
    // A covariate coefficient: applied by the patient mapping at set-up (setUpPatient), any finite value.
    return Number.isFinite(value) ? undefined : { path, message: `must be a finite number, got ${value}` };
  }
  const declared = setup.model.parameters.find((p) => p.name === name);
  if (declared === undefined) {
    const drugs = setup.drugs.length > 0 ? setup.drugs.join(', ') : 'none';
    return {
      path,
      message: `'${name}' is not a parameter of this scenario's model (its drugs: ${drugs}); see docs/model.md`,
    };
  }
  const reason = setByTheRun(name, scenario.patient);
  if (reason !== undefined) return { path, message: `cannot be overridden: ${reason}` };
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { path, message: `must be a finite number (${declared.unit}), got ${String(value)}` };
  }
  if (declared.value > 0 && !(value > 0)) {
    return {
      path,
      message: `must be positive like its declared value (${declared.value} ${declared.unit}), got ${value}`,
    };
  }
  return undefined;
}

/**
 * Checks the overrides against the run's model and patient and writes them into the run's parameter vector
 * (covariate coefficients, `patient_…`, were applied by the patient mapping at set-up and are only checked here).
 * `field` names where they came from in error paths: `parameterOverrides` (a caller) or `parameters` (the
 * scenario).
 * @throws ParameterOverrideError listing every bad override (path `<field>.<name>`).
 */
export function applyParameterOverrides(
  scenario: Scenario,
  setup: Setup,
  overrides: ParameterOverrides | undefined,
  field = 'parameterOverrides',
): void {
  if (overrides === undefined) return;
  const issues = Object.entries(overrides).flatMap(([name, value]) => {
    const issue = overrideIssue(name, value, scenario, setup, field);
    return issue ? [issue] : [];
  });
  if (issues.length > 0) throw new ParameterOverrideError(issues);
  for (const [name, value] of Object.entries(overrides)) {
    if (coefficientKeyOf(name) === undefined) setup.p[setup.model.parameterIndex(name)] = value;
  }
}

/** The scenario's `parameters` and a caller's overrides in one record (the caller's win), or undefined if none. */
export function mergedOverrides(
  scenario: Scenario,
  overrides: ParameterOverrides | undefined,
): ParameterOverrides | undefined {
  if (scenario.parameters === undefined && overrides === undefined) return undefined;
  return { ...scenario.parameters, ...overrides };
}

/**
 * Guards the list of parameters the run sets itself: after the burn-in, every override must still hold.
 * @throws Error when the burn-in changed an overridden parameter (the lists above are out of date).
 */
export function checkOverridesKept(setup: Setup, overrides: ParameterOverrides | undefined): void {
  for (const [name, value] of Object.entries(overrides ?? {})) {
    if (coefficientKeyOf(name) !== undefined) continue;
    const now = setup.p[setup.model.parameterIndex(name)];
    if (now !== value) {
      throw new Error(
        `the burn-in changed the overridden parameter ${name} from ${value} to ${now}; ` +
          'add it to the parameters the run sets itself in src/simulate/overrides.ts',
      );
    }
  }
}

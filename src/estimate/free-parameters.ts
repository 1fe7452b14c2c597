// SPDX-License-Identifier: MIT
/**
 * The parameters of one scenario that may be varied (for sensitivities and fits), with this patient's own value
 * of each: a parameter of the scenario's model (or a `patient_…` coefficient), not one the run sets itself, not
 * one the burn-in calibrates to a baseline lab the patient has, and not zero (a relative change of zero is none).
 */
import { coefficientKeyOf } from '../physiology/patient-coefficients.js';
import { COEFFICIENTS } from '../physiology/patient.js';
import { isParamName, type ParamName } from '../physiology/param-names.generated.js';
import { ScenarioError, type ScenarioIssue } from '../scenario/parse.js';
import type { Scenario } from '../scenario/schema.js';
import { CALIBRATED_TO_LABS, SET_BY_THE_RUN, setUpPatient } from '../simulate/index.js';
import { parameterTable } from './parameters.js';

/** A parameter to vary and its value for this patient before any change. */
export interface FreeParameter {
  readonly name: ParamName;
  readonly base: number;
}

/** Why `name` cannot be varied in this scenario, or undefined when it can. */
function refusal(name: string, scenario: Scenario, base: number | undefined): string | undefined {
  if (!isParamName(name))
    return `'${name}' is not a parameter of the model; endotwin model params lists them`;
  if (Object.hasOwn(SET_BY_THE_RUN, name))
    return `'${name}' is set by the run itself (${SET_BY_THE_RUN[name]})`;
  for (const rule of CALIBRATED_TO_LABS) {
    const lab = rule.labs.find((l) => scenario.patient.labs[l] !== undefined);
    if (lab !== undefined && rule.parameters.includes(name)) {
      return `'${name}' is calibrated to patient.labs.${lab} in this scenario; remove that lab to vary it`;
    }
  }
  if (base === undefined) return `'${name}' is not in this scenario's model (its drugs decide which are)`;
  if (base === 0) return `'${name}' is 0 for this patient, so it has no relative change`;
  return undefined;
}

/**
 * The named parameters (or, for `'all'`, every parameter that may vary) with this patient's values.
 * @throws ScenarioError naming `params[i]` for a name that cannot be varied (only for an explicit list).
 */
export function freeParameters(scenario: Scenario, names: readonly string[] | 'all'): FreeParameter[] {
  const setup = setUpPatient(scenario, scenario.parameters);
  const inModel = new Set(setup.model.parameterNames);
  const baseOf = (name: string): number | undefined => {
    const fixed = scenario.parameters?.[name];
    if (fixed !== undefined) return fixed;
    const key = coefficientKeyOf(name);
    if (key !== undefined) return COEFFICIENTS[key];
    return inModel.has(name) ? setup.p[setup.model.parameterIndex(name)] : undefined;
  };
  if (names === 'all') {
    return parameterTable()
      .filter((row) => refusal(row.name, scenario, baseOf(row.name)) === undefined)
      .map((row) => ({ name: row.name, base: baseOf(row.name) ?? 0 }));
  }
  const issues: ScenarioIssue[] = [];
  const out: FreeParameter[] = [];
  names.forEach((name, i) => {
    const base = baseOf(name);
    const reason = refusal(name, scenario, base);
    if (reason !== undefined) issues.push({ path: `params[${i}]`, message: reason });
    else out.push({ name: name as ParamName, base: base ?? 0 });
  });
  if (issues.length > 0) throw new ScenarioError(issues);
  if (out.length === 0) throw new ScenarioError([{ path: 'params', message: 'name at least one parameter' }]);
  return out;
}

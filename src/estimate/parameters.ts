// SPDX-License-Identifier: MIT
/**
 * The parameter table: every model parameter and patient coefficient by name (`ParamName`), with unit, value,
 * source, evidence level and role. The role says who decides the value:
 *
 * - `set_by_run`: the run derives it itself (set-up, burn-in switches and references); it cannot be overridden;
 * - `patient`: the patient mapping sets or scales it from covariates, a random effect or a baseline lab;
 * - `calibrated`: a population value fitted to published data (its source says `calibrated`);
 * - `fixed`: a value taken from a source as it stands.
 */
import type { EvidenceLevel, ParameterDecl } from '../engine/types.js';
import { allParameterDecls } from '../physiology/param-catalog.js';
import type { ParamName } from '../physiology/param-names.generated.js';
import { RANDOM_EFFECTS, patientParameters, type PatientCovariates } from '../physiology/patient.js';
import { CALIBRATED_TO_LABS, SET_BY_THE_RUN } from '../simulate/index.js';

/** Who decides a parameter's value. */
export type ParamRole = 'fixed' | 'calibrated' | 'set_by_run' | 'patient';

/** One row of the parameter table (`endotwin model params`). */
export interface ParamRow {
  readonly name: ParamName;
  readonly value: number;
  readonly unit: string;
  readonly source: string;
  readonly evidence: EvidenceLevel;
  readonly role: ParamRole;
}

/** Reference patients whose mapping shows which parameters the covariates touch (both sexes, all conditions). */
const PROBES: readonly PatientCovariates[] = [
  {
    ageYears: 60,
    sex: 'male',
    weightKg: 100,
    heightCm: 175,
    ghDeficient: true,
    type2Diabetes: true,
    hypogonadism: true,
    variability: 'typical',
  },
  { ageYears: 30, sex: 'female', weightKg: 60, heightCm: 165, variability: 'typical' },
];

/** Names the patient mapping sets or scales, plus the random effects and the parameters fitted to labs. */
function patientSpecificNames(): Set<string> {
  const names = new Set<string>();
  for (const probe of PROBES) {
    const mapped = patientParameters(probe, () => 0.5);
    for (const name of [...Object.keys(mapped.set), ...Object.keys(mapped.multiply)]) names.add(name);
  }
  for (const effect of RANDOM_EFFECTS) names.add(effect.parameter);
  for (const rule of CALIBRATED_TO_LABS) for (const name of rule.parameters) names.add(name);
  return names;
}

/** The role of one declared parameter. */
function roleOf(decl: ParameterDecl, patientNames: ReadonlySet<string>): ParamRole {
  if (Object.hasOwn(SET_BY_THE_RUN, decl.name)) return 'set_by_run';
  if (patientNames.has(decl.name)) return 'patient';
  return /\bcalibrat/i.test(decl.source) ? 'calibrated' : 'fixed';
}

let table: readonly ParamRow[] | undefined;

/** The whole table, model parameters first (in declaration order), then the `patient_…` coefficients. */
export function parameterTable(): readonly ParamRow[] {
  if (table === undefined) {
    const patientNames = patientSpecificNames();
    table = allParameterDecls().map((d) => ({
      name: d.name as ParamName,
      value: d.value,
      unit: d.unit,
      source: d.source,
      evidence: d.evidence,
      role: roleOf(d, patientNames),
    }));
  }
  return table;
}

/** One row by name. */
export function parameterRow(name: ParamName): ParamRow {
  const row = parameterTable().find((r) => r.name === name);
  if (row === undefined) throw new RangeError(`no parameter named ${name}`);
  return row;
}

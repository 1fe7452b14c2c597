// SPDX-License-Identifier: MIT
/**
 * A trial's patients as a NONMEM-style dataset: for each patient and arm, one row per dose (EVID 1) and one row per
 * trial endpoint at the end of treatment (EVID 0, DV the endpoint, DVID which one), with the patient's covariates
 * on every row. Doses come from expanding the arm's regimen for the patient, exactly as the simulation did.
 */
import type { DoseRecord } from '../../protocol/regimen.js';
import { ScenarioError } from '../../scenario/parse.js';
import { compartmentOf, MISSING, NONMEM_COLUMNS, SEX_CODES, type NonmemColumnName } from './columns.js';

/** One row: a number per column, null where NONMEM's "." goes. */
export type NonmemRow = Readonly<Record<NonmemColumnName, number | null>>;

/** One DVID: an observed quantity. */
export interface ObservationCode {
  readonly dvid: number;
  readonly name: string;
  readonly unit: string;
  readonly description: string;
}

/** A dataset and what its codes mean. */
export interface NonmemDataset {
  readonly rows: readonly NonmemRow[];
  readonly observations: readonly ObservationCode[];
  /** Arm names by ARM code (index + 1). */
  readonly arms: readonly string[];
  /** Patients and arms left out, with the reason (the trial could not simulate them). */
  readonly skipped: readonly { readonly patient: number; readonly arm: string; readonly reason: string }[];
  /** Where the data come from (trial name, seed, engine version). */
  readonly source: string;
}

const MIN_PER_HOUR = 60;

/**
 * What the dataset reads of a trial document. A cohort trial (`src/cohort/`) has this shape; it is written out here
 * because model exchange sits beside the cohort layer, not above it.
 */
export interface NonmemTrial {
  readonly name: string;
  readonly duration_days: number;
  readonly endpoints: readonly string[];
  readonly arms: readonly { readonly name: string; readonly titration?: unknown }[];
  readonly output: { readonly patients: boolean };
}

/** What the dataset reads of one patient's row in a trial result. */
export interface NonmemPatient {
  readonly patient: number;
  readonly arm_name: string;
  readonly sex: keyof typeof SEX_CODES;
  readonly age_years: number;
  readonly weight_kg: number;
  readonly height_cm: number;
  readonly bmi: number;
  readonly body_fat_pct: number;
  readonly visceral_fat_cm2: number;
  readonly igf1_ng_ml: number | null;
  readonly endpoints: Readonly<Record<string, number | null>>;
}

/** What the dataset reads of a trial result. */
export interface NonmemTrialResult<T extends NonmemTrial, P extends NonmemPatient> {
  readonly engine: { readonly version: string; readonly model: string; readonly seed: number };
  readonly trial: T;
  readonly patients?: readonly P[];
}

/** How the trial layer gives a patient's doses (its arm's regimen expanded for it) and an endpoint's unit. */
export interface TrialDosing<T extends NonmemTrial, P extends NonmemPatient> {
  doses(trial: T, patient: P, arm: number): DoseRecord[];
  endpointUnit(name: string): string;
}

/** The columns every row of one subject repeats. */
export type Covariates = Pick<
  NonmemRow,
  'ID' | 'ARM' | 'PATIENT' | 'SEX' | 'AGE' | 'WT' | 'HT' | 'BMI' | 'BFAT' | 'VFAT' | 'BIGF1'
>;

function covariatesOf(id: number, arm: number, p: NonmemPatient): Covariates {
  return {
    ID: id,
    ARM: arm + 1,
    PATIENT: p.patient,
    SEX: SEX_CODES[p.sex],
    AGE: p.age_years,
    WT: p.weight_kg,
    HT: p.height_cm,
    BMI: p.bmi,
    BFAT: p.body_fat_pct,
    VFAT: p.visceral_fat_cm2,
    BIGF1: p.igf1_ng_ml,
  };
}

/** The dose row of one administration. */
export function doseRow(
  covariates: Covariates,
  dose: Pick<DoseRecord, 't_min' | 'drug' | 'amount_mcg' | 'route' | 'over_min'>,
): NonmemRow {
  return {
    ...covariates,
    TIME: dose.t_min / MIN_PER_HOUR,
    EVID: 1,
    AMT: dose.amount_mcg,
    RATE: dose.over_min > 0 ? dose.amount_mcg / (dose.over_min / MIN_PER_HOUR) : 0,
    CMT: compartmentOf(dose.drug, dose.route),
    DV: null,
    MDV: 1,
    DVID: 0,
  };
}

/** An observation row: `value` of quantity `dvid` at `timeH` hours. */
export function observationRow(
  covariates: Covariates,
  timeH: number,
  dvid: number,
  value: number,
): NonmemRow {
  return {
    ...covariates,
    TIME: timeH,
    EVID: 0,
    AMT: null,
    RATE: null,
    CMT: null,
    DV: value,
    MDV: 0,
    DVID: dvid,
  };
}

function patientsNeeded(): ScenarioError {
  return new ScenarioError([
    {
      path: 'output.patients',
      message: 'a NONMEM dataset needs every patient’s covariates and endpoints: set output.patients: true',
    },
  ]);
}

/**
 * Checks, before a trial runs, that its result will make a NONMEM dataset: it keeps its patients
 * (`output.patients: true`) and no arm is titrated (a titrated arm's doses follow the simulated IGF-1 and are not
 * kept in the result).
 * @throws ScenarioError naming `output.patients` or `arms[i].titration`.
 */
export function checkNonmemExportable(trial: NonmemTrial): void {
  if (!trial.output.patients) throw patientsNeeded();
  const issues = trial.arms.flatMap((arm, i) =>
    arm.titration === undefined
      ? []
      : [
          {
            path: `arms[${i}].titration`,
            message:
              'a titrated arm’s doses follow the simulated IGF-1 and are not kept in the trial result, so it cannot ' +
              'be written as a NONMEM dataset; export arms without titration',
          },
        ],
  );
  if (issues.length > 0) throw new ScenarioError(issues);
}

/**
 * The NONMEM-style dataset of a trial result that kept its patients (`output.patients: true`).
 * @throws ScenarioError (path `output.patients`) when the result has no patients, or (path `arms[i].titration`)
 *   when an arm is titrated.
 */
export function trialNonmemDataset<T extends NonmemTrial, P extends NonmemPatient>(
  result: NonmemTrialResult<T, P>,
  dosing: TrialDosing<T, P>,
): NonmemDataset {
  const { trial } = result;
  const patients = result.patients;
  checkNonmemExportable(
    patients === undefined ? { ...trial, output: { ...trial.output, patients: false } } : trial,
  );
  if (patients === undefined)
    throw new Error('unreachable: checkNonmemExportable refuses a result without patients');
  const observations: ObservationCode[] = trial.endpoints.map((name, i) => ({
    dvid: i + 1,
    name,
    unit: dosing.endpointUnit(name) || '1',
    description: `trial endpoint ${name}: change from baseline over the treatment, read at its end`,
  }));
  const endH = trial.duration_days * 24;
  const rows: NonmemRow[] = [];
  const skipped: { patient: number; arm: string; reason: string }[] = [];
  let id = 0;
  for (const p of patients) {
    const arm = trial.arms.findIndex((a) => a.name === p.arm_name);
    let doses: DoseRecord[];
    try {
      doses = dosing.doses(trial, p, arm);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      skipped.push({ patient: p.patient, arm: p.arm_name, reason: error.message });
      continue;
    }
    const covariates = covariatesOf(++id, arm, p);
    rows.push(...doses.map((dose) => doseRow(covariates, dose)));
    for (const o of observations) {
      const value = p.endpoints[o.name];
      if (value !== null && value !== undefined) rows.push(observationRow(covariates, endH, o.dvid, value));
    }
  }
  return {
    rows,
    observations,
    arms: trial.arms.map((a) => a.name),
    skipped,
    source:
      `trial "${trial.name}" (seed ${result.engine.seed}), ${result.engine.model}, ` +
      `endotwin ${result.engine.version}`,
  };
}

/** A value as NONMEM reads it: full precision, "." for missing. */
function cell(value: number | null): string {
  return value === null ? MISSING : String(value);
}

/** The dataset as CSV: a header line of column names, then one line per row. */
export function nonmemCsv(dataset: NonmemDataset): string {
  const names = NONMEM_COLUMNS.map((c) => c.name);
  const lines = [names.join(','), ...dataset.rows.map((row) => names.map((n) => cell(row[n])).join(','))];
  return `${lines.join('\n')}\n`;
}

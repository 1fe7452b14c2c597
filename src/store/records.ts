// SPDX-License-Identifier: MIT
/** The records the store hands out: JSON columns parsed, names as in the API. */
import type { Patient, Scenario, ScenarioInput } from '../scenario/index.js';
import type { JobColumns } from './tables.js';

/** One imported lab measurement of a real patient. */
export interface ImportedLab {
  /** When the sample was drawn: an ISO-8601 date or date-time. */
  drawn_at: string;
  /** What was measured, snake_case with its unit as in the contract (e.g. `igf1_ng_ml`). */
  analyte: string;
  value: number;
  /** The unit as reported by the laboratory (e.g. `ng/mL`). */
  unit: string;
}

/** A stored patient. */
export interface PatientRecord {
  id: string;
  name: string;
  /** The scenario `patient` block (covariates, conditions, baseline labs). */
  covariates: Patient;
  labs: ImportedLab[];
  created_at: string;
}

/** A stored scenario document, as the user wrote it. */
export interface ScenarioRecord {
  id: string;
  name: string;
  document: ScenarioInput;
  created_at: string;
  /** What the scenario is for (an example's leading comment), or `null`. */
  description: string | null;
}

/** A scenario in a listing, without its document. */
export type ScenarioSummary = Omit<ScenarioRecord, 'document'>;

/** A job (run or trial) without its document, as a listing shows it. */
export type JobSummary = JobColumns;

/** A stored run. */
export interface RunRecord extends JobColumns {
  scenario: Scenario;
  /** Draws of the patient's parameters for the result's uncertainty bands, or `null` for none. */
  uncertainty_draws: number | null;
}

/** A run in a listing, without its scenario. */
export type RunSummary = Omit<RunRecord, 'scenario'>;

/** The current time as ISO-8601 UTC text, the format of every time column. */
export function nowIso(): string {
  return new Date().toISOString();
}

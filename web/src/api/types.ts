// SPDX-License-Identifier: MIT
/**
 * The shapes the web app reads from the API. The scenario and result types are the contract's own (type-only
 * imports, erased at build time); the run and scenario-record shapes mirror the zod schemas of
 * `src/server/schemas.ts`, which the app cannot import without pulling the server's dependencies in.
 */
import type { Screening } from '../../../src/scenario/index.js';

/** The result contract's types (`endotwin/result/v1`) and the scenario document as users write it. */
export type {
  DailyRow,
  Endpoints,
  Finding,
  LabRow,
  Result,
  ResultEvent,
  Screening,
  ScenarioInput,
  Severity,
} from '../../../src/scenario/index.js';

/** Status of a run (`RUN_STATUSES` of the store). */
export type RunStatus = 'queued' | 'running' | 'done' | 'failed' | 'interrupted';

/** A run as `GET /api/v1/runs/{id}` and `GET /api/v1/runs` show it. */
export interface RunView {
  readonly id: string;
  /** The scenario's name. */
  readonly name: string;
  readonly status: RunStatus;
  /** Fraction done, 0..1. */
  readonly progress: number;
  readonly error?: string;
  readonly attempts: number;
  /** ISO-8601 timestamps. */
  readonly created_at: string;
  readonly started_at: string | null;
  readonly finished_at: string | null;
  /** Draws of the patient for the result's uncertainty bands, when the run asked for them. */
  readonly uncertainty_draws?: number;
  /** The normalised scenario (single-run route only). */
  readonly scenario?: Record<string, unknown>;
}

/** A saved scenario in the list of `GET /api/v1/scenarios`. */
export interface ScenarioSummary {
  readonly id: string;
  readonly name: string;
  readonly created_at: string;
  /** What the scenario is for (an example's leading comment), or `null`. */
  readonly description: string | null;
}

/** A saved scenario with its document (`GET /api/v1/scenarios/{id}`, `POST /api/v1/scenarios`). */
export interface ScenarioRecord extends ScenarioSummary {
  readonly document: Record<string, unknown>;
}

/** `POST /api/v1/scenarios/validate` when the scenario is valid. */
export interface ValidateResponse {
  readonly valid: true;
  readonly screening: Screening;
  readonly scenario: Record<string, unknown>;
}

/** `POST /api/v1/analysis/igf1-sds`: the value placed in its age/sex reference interval (ng/mL). */
export interface Igf1SdsResponse {
  readonly sds: number;
  readonly percentile: number;
  /** 2.5th percentile at this age and sex, ng/mL. */
  readonly lower: number;
  /** 97.5th percentile at this age and sex, ng/mL. */
  readonly upper: number;
  /** Median at this age and sex, ng/mL. */
  readonly median: number;
  /** The age the reference table was read at (clamped to its 20–75 years). */
  readonly reference_age_years: number;
  readonly source: string;
}

/** `POST /api/v1/scenarios/check`: valid with the screening, or invalid with every problem. */
export type CheckResponse =
  ValidateResponse | { readonly valid: false; readonly issues: readonly FieldIssue[] };

/** One problem of a request, with the field path it concerns (`patient.age_years`, or '' for the document). */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

// SPDX-License-Identifier: MIT
/** Persistence of patients, scenarios, runs, results, API tokens and trials (SQLite or PostgreSQL, one schema). */
export {
  openStore,
  isPostgresUrl,
  Store,
  INTERRUPTED_BY_RESTART,
  TRIAL_INTERRUPTED_BY_RESTART,
} from './store.js';
export type { TrialRecord, TrialSummary } from './trials.js';
export type { DialectName } from './migrations.js';
export { RUN_STATUSES, TOKEN_SCOPES } from './tables.js';
export type { RunStatus, Database, TokenScope } from './tables.js';
export type {
  ImportedLab,
  PatientRecord,
  ScenarioRecord,
  ScenarioSummary,
  RunRecord,
  RunSummary,
  JobSummary,
} from './records.js';
export { hashToken } from './tokens.js';
export type { TokenInfo } from './tokens.js';
export { encodeSeries, decodeSeries } from './series-codec.js';
export { isDatabaseUnavailable } from './availability.js';
export { StoreError, describeStoreError } from './operational-errors.js';

// SPDX-License-Identifier: MIT
/**
 * One request example per operation, shown in the OpenAPI document: a body for the operations that take one, the
 * path and query parameters for the others. Each is a real request the server accepts (checked in a test).
 */

/** A short course: sermorelin 300 mcg at bedtime for two weeks in a 62-year-old man. */
const SCENARIO = {
  schema: 'endotwin/scenario/v1',
  name: 'Sermorelin 300 mcg nightly, 14 days',
  seed: 42,
  duration_days: 14,
  patient: { age_years: 62, sex: 'male', weight_kg: 88, height_cm: 178, labs: { igf1_ng_ml: 105 } },
  regimen: [{ drug: 'sermorelin', dose: { amount: 300, unit: 'mcg' }, route: 'sc', at: 'bedtime' }],
  monitoring: { labs: ['igf1', 'glucose_fasting'], at_days: [0, 13] },
};

/** The treated history of a stored patient (its covariates fill `patient`). */
const HISTORY = {
  name: 'Treated history',
  seed: 42,
  duration_days: 28,
  regimen: SCENARIO.regimen,
  monitoring: { labs: ['igf1'], at_days: [0, 28] },
};

const LABS = [
  { drawn_at: '2026-03-01', analyte: 'igf1_ng_ml', value: 120, unit: 'ng/mL' },
  { drawn_at: '2026-03-29', analyte: 'igf1_ng_ml', value: 146, unit: 'ng/mL' },
];

/** A GH series every 10 min for 4 hours with two bursts (µg/L). */
const PULSES = {
  t_min: Array.from({ length: 25 }, (_, i) => i * 10),
  value: [
    0.2, 0.2, 0.9, 2.4, 1.9, 1.3, 0.9, 0.6, 0.4, 0.3, 0.3, 0.2, 0.2, 0.6, 1.8, 1.5, 1.0, 0.7, 0.5, 0.4, 0.3,
    0.3, 0.2, 0.2, 0.2,
  ],
};

const TRIAL = {
  schema: 'endotwin/trial/v1',
  name: 'Sermorelin against placebo, 4 weeks',
  seed: 1,
  duration_days: 28,
  design: 'paired',
  population: { n: 4, age_years: { min: 55, max: 70 }, sex: { female: 0.5 }, bmi: { mean: 26, sd: 3 } },
  arms: [
    { name: 'placebo', regimen: [] },
    {
      name: 'sermorelin',
      regimen: [{ drug: 'sermorelin', dose: { amount: 300, unit: 'mcg' }, route: 'sc', at: 'bedtime' }],
    },
  ],
  endpoints: ['igf1_change_pct'],
};

/** An id as the server hands them out, for the path parameter examples. */
const ID = '0190f4a2-7c1e-7d3a-9b2f-3c4d5e6f7a8b';
/** A client-chosen token naming a long request's progress. */
const PROGRESS_TOKEN = '5b0c9e1d-2f4a-4c6b-8d7e-9a1b2c3d4e5f';

/** The parts of a request an example may fill. */
export interface RequestExample {
  body?: unknown;
  params?: Record<string, string>;
  query?: Record<string, string>;
}

/** Request examples by operationId. */
export const REQUEST_EXAMPLES: Readonly<Record<string, RequestExample>> = {
  getHealth: {},
  validateScenario: { body: SCENARIO },
  saveScenario: { body: SCENARIO },
  listScenarios: { query: { limit: '20' } },
  getScenario: { params: { id: ID } },
  checkScenario: { body: SCENARIO },
  updateScenario: { params: { id: ID }, body: SCENARIO },
  deleteScenario: { params: { id: ID } },
  createPatient: {
    body: { name: 'Patient A', patient: SCENARIO.patient, labs: LABS },
  },
  listPatients: { query: { limit: '20' } },
  getPatient: { params: { id: ID } },
  deletePatient: { params: { id: ID } },
  submitRun: { body: SCENARIO },
  listRuns: { query: { status: 'done', limit: '20' } },
  getRun: { params: { id: ID } },
  deleteRun: { params: { id: ID } },
  cancelRun: { params: { id: ID } },
  resubmitRun: { params: { id: ID } },
  getRunResult: { params: { id: ID }, query: { format: 'csv' } },
  detectPulses: { body: PULSES },
  computeHoma: { body: { glucose_mg_dl: 95, insulin_uU_ml: 8 } },
  computeIgf1Sds: { body: { age_years: 62, sex: 'male', igf1_ng_ml: 105 } },
  submitTrial: { body: TRIAL },
  listTrials: { query: { limit: '20' } },
  getTrial: { params: { id: ID } },
  resubmitTrial: { params: { id: ID } },
  getTrialNonmem: { params: { id: ID }, query: { part: 'dictionary' } },
  computeSensitivity: {
    body: {
      scenario: { ...SCENARIO, duration_days: 7, monitoring: { labs: ['igf1'], at_days: [0, 6] } },
      method: 'local',
      outputs: ['igf1_change_pct'],
      params: ['liver_gh_ec50'],
    },
    query: { progress: PROGRESS_TOKEN },
  },
  listTokens: {},
  createToken: { body: { name: 'analysis notebook', scope: 'read' } },
  revokeToken: { params: { id: ID } },
  fitPatientTwin: {
    params: { id: ID },
    query: { progress: PROGRESS_TOKEN },
    body: { scenario: HISTORY, day0: '2026-03-01' },
  },
  getRequestProgress: { params: { token: PROGRESS_TOKEN } },
  predictPatientTwin: {
    params: { id: ID },
    body: { scenario: HISTORY, day0: '2026-03-01', future_days: 28, draws: 5 },
  },
};

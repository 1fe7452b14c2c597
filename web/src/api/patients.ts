// SPDX-License-Identifier: MIT
/**
 * The patient routes of the API (`/api/v1/patients`): store a patient with imported labs, list and read them, and
 * fit the patient's twin and predict the coming days. Same origin and bearer token as the rest of the client.
 */
import { ApiRequestError, issuesOf, storedToken } from './client.js';

/** One imported lab value as stored: the laboratory's own unit (`igf1_ng_ml`, 120, `ng/mL`). */
export interface ImportedLab {
  /** ISO-8601 date or date-time with offset. */
  readonly drawn_at: string;
  /** Contract field (`igf1_ng_ml`), lab name (`igf1`) or LOINC code. */
  readonly analyte: string;
  readonly value: number;
  readonly unit: string;
}

/** A stored patient (`GET /api/v1/patients/{id}`). */
export interface PatientRecord {
  readonly id: string;
  readonly name: string;
  /** The scenario `patient` block. */
  readonly covariates: Record<string, unknown>;
  readonly labs: readonly ImportedLab[];
  readonly created_at: string;
}

/** One fitted twin parameter with its 95 % interval (natural scale, in `unit`). */
export interface FittedParameter {
  readonly name: string;
  readonly description: string;
  readonly unit: string;
  readonly population: number;
  readonly estimate: number;
  readonly log_se: number;
  readonly ci95: readonly [number, number];
}

/** One lab the fit used, on its scenario day, with the twin's fitted value (canonical unit). */
export interface FitResidual {
  readonly day: number;
  readonly lab: string;
  readonly observed: number;
  readonly fitted: number;
}

/** The fit part of a prediction (`endotwin/twin-fit/v1`), the fields the app shows. */
export interface PatientFit {
  readonly parameters: readonly FittedParameter[];
  readonly residuals: readonly FitResidual[];
  readonly ignored: readonly { day: number; lab: string; value: number; reason: string }[];
  readonly notes: readonly string[];
  readonly converged: boolean;
}

/** `POST /api/v1/patients/{id}/predict`: the fit and, per day, `<field>_median`, `_p05`, `_p95`. */
export interface PatientPrediction {
  readonly schema: 'endotwin/twin-patient-prediction/v1';
  readonly fit: PatientFit;
  /** Days of treated history; later days are predicted. */
  readonly history_days: number;
  readonly duration_days: number;
  readonly draws: number;
  /** Coverage of the interval (0.9). */
  readonly level: number;
  readonly notes: readonly string[];
  readonly daily: readonly Readonly<Record<string, number | null>>[];
}

/** What the app sends to predict: the history so far and the days to predict after it. */
export interface PredictRequest {
  readonly scenario: { name: string; seed: number; duration_days: number; regimen: string[] };
  readonly future_days: number;
  /** Regimen of the future days; absent: the history's continues. */
  readonly regimen?: string[];
  readonly draws: number;
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  const token = storedToken();
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { ...init, headers });
  } catch (error) {
    throw new ApiRequestError(0, 'NETWORK', `the API cannot be reached (${String(error)})`, []);
  }
  if (response.ok) return (await response.json()) as T;
  let body: Parameters<typeof issuesOf>[0] = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not JSON: the status line is all there is.
  }
  const code = body.error?.code ?? `HTTP_${response.status}`;
  const message = body.error?.message ?? `${response.status} ${response.statusText}`;
  throw new ApiRequestError(response.status, code, message, issuesOf(body), body.error?.details);
}

/** `GET /patients`: stored patients with their labs, newest first. */
export async function listPatients(): Promise<PatientRecord[]> {
  return (await request<{ patients: PatientRecord[] }>('/patients?limit=200')).patients;
}

/** `GET /patients/{id}`. */
export function getPatient(id: string): Promise<PatientRecord> {
  return request<PatientRecord>(`/patients/${encodeURIComponent(id)}`);
}

/** `POST /patients`: stores a patient (a 400 names the bad covariate or lab field). */
export function createPatient(body: {
  name: string;
  patient: Record<string, unknown>;
  labs: readonly ImportedLab[];
}): Promise<PatientRecord> {
  return request<PatientRecord>('/patients', { method: 'POST', body: JSON.stringify(body) });
}

/**
 * `POST /patients/{id}/predict`: fits the twin to the stored labs and predicts (seconds of server CPU). With a
 * progress token (a UUID), `GET /progress/{token}` shows how far it is meanwhile.
 */
export function predictPatient(
  id: string,
  body: PredictRequest,
  progressToken?: string,
): Promise<PatientPrediction> {
  const query = progressToken === undefined ? '' : `?progress=${encodeURIComponent(progressToken)}`;
  return request<PatientPrediction>(`/patients/${encodeURIComponent(id)}/predict${query}`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
}

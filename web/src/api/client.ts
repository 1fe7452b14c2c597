// SPDX-License-Identifier: MIT
/**
 * The API client: one typed function per route the app uses, same origin, JSON in and out. Errors become an
 * {@link ApiRequestError} carrying the API's `{ error: { code, message, path?, issues?, details? } }`.
 */
import type {
  FieldIssue,
  Igf1SdsResponse,
  Result,
  RunView,
  ScenarioRecord,
  ScenarioSummary,
  CheckResponse,
} from './types.js';

const API = '/api/v1';
const TOKEN_KEY = 'endotwin.token';

/** An error answer of the API (or a network failure, status 0). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Every problem with its field path; one entry when the API named a single path. */
    readonly issues: readonly FieldIssue[],
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** The bearer token the user entered, if any (needed only when the server is not on loopback). */
export function storedToken(): string | null {
  return window.localStorage.getItem(TOKEN_KEY);
}

/** Remembers (or, with an empty string, forgets) the bearer token. */
export function storeToken(token: string): void {
  if (token === '') window.localStorage.removeItem(TOKEN_KEY);
  else window.localStorage.setItem(TOKEN_KEY, token);
}

interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    path?: string;
    issues?: FieldIssue[];
    details?: unknown;
  };
}

/**
 * The issues of an error body: its `issues` list when there is one, else its single `path` with the message
 * stripped of the `path: ` prefix the API puts in front.
 */
export function issuesOf(body: ErrorBody): FieldIssue[] {
  const error = body.error;
  if (!error) return [];
  if (error.issues && error.issues.length > 0) return error.issues;
  const message = error.message ?? '';
  const path = error.path ?? '';
  const prefix = `${path}: `;
  return [
    { path, message: path !== '' && message.startsWith(prefix) ? message.slice(prefix.length) : message },
  ];
}

async function errorFrom(response: Response): Promise<ApiRequestError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy's HTML page, say): the status line is all there is.
  }
  const code = body.error?.code ?? `HTTP_${response.status}`;
  const message = body.error?.message ?? `${response.status} ${response.statusText}`;
  return new ApiRequestError(response.status, code, message, issuesOf(body), body.error?.details);
}

async function send(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = storedToken();
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  let response: Response;
  try {
    response = await fetch(`${API}${path}`, { ...init, headers });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'NETWORK', `the API cannot be reached (${String(error)})`, []);
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

/** A JSON answer of the API at `path` (under `/api/v1`), with the stored token; errors as {@link ApiRequestError}. */
export async function json<T>(path: string, init: RequestInit = {}): Promise<T> {
  return (await (await send(path, init)).json()) as T;
}

/** The request options of a JSON POST. */
export function post(body: unknown, signal?: AbortSignal): RequestInit {
  return { method: 'POST', body: JSON.stringify(body), ...(signal ? { signal } : {}) };
}

/** `GET /scenarios`: saved scenarios, newest first. */
export async function listScenarios(): Promise<ScenarioSummary[]> {
  return (await json<{ scenarios: ScenarioSummary[] }>('/scenarios?limit=500')).scenarios;
}

/** `GET /scenarios/{id}`: one saved scenario with its document. */
export function getScenario(id: string): Promise<ScenarioRecord> {
  return json<ScenarioRecord>(`/scenarios/${encodeURIComponent(id)}`);
}

/**
 * `POST /scenarios/check`: validation and screening, an invalid document answered as data (200 with its issues),
 * so typing an invalid value does not log a failed request in the browser console.
 */
export function checkScenario(document: unknown, signal?: AbortSignal): Promise<CheckResponse> {
  return json<CheckResponse>('/scenarios/check', post(document, signal));
}

/** `POST /scenarios`: saves the document as a new record. */
export function saveScenario(document: unknown): Promise<ScenarioRecord> {
  return json<ScenarioRecord>('/scenarios', post(document));
}

/** `PUT /scenarios/{id}`: replaces a saved scenario in place (same id) and returns the record. */
export function updateScenario(id: string, document: unknown): Promise<ScenarioRecord> {
  return json<ScenarioRecord>(`/scenarios/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: JSON.stringify(document),
  });
}

/** `DELETE /scenarios/{id}`. */
export async function deleteScenario(id: string): Promise<void> {
  await send(`/scenarios/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** `DELETE /runs/{id}`: a finished, failed or interrupted run with its result (409 while it is active). */
export async function deleteRun(id: string): Promise<void> {
  await send(`/runs/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** `DELETE /patients/{id}`: a patient with its labs. */
export async function deletePatient(id: string): Promise<void> {
  await send(`/patients/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/**
 * `POST /runs`: submits a run and returns its id. With `research`, a contraindicated scenario runs anyway (the
 * findings stay in the result); without it such a scenario is a 422 whose `details` is the screening.
 */
export async function submitRun(
  document: unknown,
  research = false,
  uncertaintyDraws: number | null = null,
): Promise<string> {
  const params = new URLSearchParams();
  if (research) params.set('research', 'true');
  if (uncertaintyDraws !== null) params.set('uncertainty', String(uncertaintyDraws));
  const query = params.size > 0 ? `?${params.toString()}` : '';
  return (await json<{ id: string }>(`/runs${query}`, post(document))).id;
}

/** `GET /runs`: runs without their scenarios, newest first. */
export async function listRuns(status?: RunView['status']): Promise<RunView[]> {
  const query = status ? `&status=${status}` : '';
  return (await json<{ runs: RunView[] }>(`/runs?limit=200${query}`)).runs;
}

/** `GET /runs/{id}`: status, progress and scenario. */
export function getRun(id: string, signal?: AbortSignal): Promise<RunView> {
  return json<RunView>(`/runs/${encodeURIComponent(id)}`, signal ? { signal } : {});
}

/** `GET /runs/{id}/result`: the whole result document (409 until the run is done). */
export function getResult(id: string): Promise<Result> {
  return json<Result>(`/runs/${encodeURIComponent(id)}/result`);
}

/** `GET /runs/{id}/result?format=csv`: the daily table as CSV text. */
export async function getDailyCsv(id: string): Promise<string> {
  return (await send(`/runs/${encodeURIComponent(id)}/result?format=csv`)).text();
}

/** `POST /runs/{id}/cancel`. */
export function cancelRun(id: string): Promise<RunView> {
  return json<RunView>(`/runs/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
}

/** `POST /runs/{id}/resubmit`: queues an interrupted or failed run again under the same id. */
export function resubmitRun(id: string): Promise<string> {
  return json<{ id: string }>(`/runs/${encodeURIComponent(id)}/resubmit`, { method: 'POST' }).then(
    (r) => r.id,
  );
}

/** `POST /analysis/igf1-sds`: the SDS of a value and the 2.5th–97.5th reference interval for age and sex. */
export function igf1Sds(
  ageYears: number,
  sex: 'male' | 'female',
  igf1NgMl: number,
): Promise<Igf1SdsResponse> {
  return json<Igf1SdsResponse>(
    '/analysis/igf1-sds',
    post({ age_years: ageYears, sex, igf1_ng_ml: igf1NgMl }),
  );
}

/** A readable one-line message for any error the app shows. */
export function describeError(error: unknown): string {
  if (error instanceof ApiRequestError && error.status === 401) {
    return `${error.message}: this server requires an API token; set it at the bottom of the page (${error.code})`;
  }
  if (error instanceof ApiRequestError) return `${error.message} (${error.code})`;
  return error instanceof Error ? error.message : String(error);
}

/** How far a long request is (`GET /progress/{token}`). */
export interface RequestProgress {
  /** `pending`, `fit`, `predict` or `sensitivity`. */
  readonly phase: string;
  readonly done: number;
  /** `null` while fitting: a fit stops when it converges. */
  readonly total: number | null;
  readonly finished: boolean;
}

/** `GET /progress/{token}`. */
export function getRequestProgress(token: string, signal?: AbortSignal): Promise<RequestProgress> {
  return json<RequestProgress>(`/progress/${encodeURIComponent(token)}`, signal ? { signal } : {});
}

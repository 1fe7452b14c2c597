// SPDX-License-Identifier: MIT
/**
 * The trial routes of the API (`/api/v1/trials`): submit a trial document, poll its status and progress, read its
 * result. Same origin and the same bearer token as the rest of the client.
 */
import type { TrialResult } from '../../../src/server/api-types.js';
import { ApiRequestError, issuesOf, storedToken } from './client.js';
import type { RunStatus } from './types.js';

export type { TrialResult };

/** A trial as `GET /api/v1/trials/{id}` shows it; `result` once it is done. */
export interface TrialView {
  readonly id: string;
  readonly name: string;
  readonly status: RunStatus;
  /** Fraction of simulations done, 0..1. */
  readonly progress: number;
  readonly error?: string;
  readonly attempts: number;
  readonly created_at: string;
  readonly started_at: string | null;
  readonly finished_at: string | null;
  readonly trial?: Record<string, unknown>;
  readonly result?: TrialResult;
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

/** `POST /trials`: submits a trial document and returns its id (a 422 names contraindicated arms). */
export async function submitTrial(document: unknown, research = false): Promise<string> {
  const query = research ? '?research=true' : '';
  const init = { method: 'POST', body: JSON.stringify(document) };
  return (await request<{ id: string }>(`/trials${query}`, init)).id;
}

/** `GET /trials/{id}`: status, progress and, when done, the result. */
export function getTrial(id: string): Promise<TrialView> {
  return request<TrialView>(`/trials/${encodeURIComponent(id)}`);
}

/** `GET /trials`: trials without documents or results, newest first. */
export async function listTrials(): Promise<TrialView[]> {
  return (await request<{ trials: TrialView[] }>('/trials?limit=100')).trials;
}

/** `POST /trials/{id}/resubmit`: an interrupted or failed trial continues from its finished shards. */
export async function resubmitTrial(id: string): Promise<void> {
  await request<{ id: string }>(`/trials/${encodeURIComponent(id)}/resubmit`, { method: 'POST' });
}

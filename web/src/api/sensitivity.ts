// SPDX-License-Identifier: MIT
/** `POST /api/v1/sensitivity`: sensitivities of a scenario's outputs to named parameters (see docs/estimation.md). */
import { json, post } from './client.js';

/** The sensitivity methods of the API. */
export const SENSITIVITY_METHODS = ['local', 'morris', 'sobol'] as const;
export type SensitivityMethod = (typeof SENSITIVITY_METHODS)[number];

/** One sensitivity: an elasticity (local), μ* (morris) or a total-order index (sobol); null where undefined. */
export interface SensitivityEntry {
  readonly output: string;
  readonly parameter: string;
  readonly value: number | null;
  readonly measure: 'elasticity' | 'mu_star' | 'total_order';
  readonly sigma?: number | null;
  readonly first_order?: number | null;
}

/** The API's answer. */
export interface SensitivityResponse {
  readonly method: SensitivityMethod;
  readonly runs: number;
  readonly parameters: readonly { readonly name: string; readonly base: number }[];
  readonly base: readonly { readonly output: string; readonly value: number | null }[];
  readonly entries: readonly SensitivityEntry[];
}

/** What the app sends. */
export interface SensitivityRequest {
  readonly scenario: Record<string, unknown>;
  readonly method: SensitivityMethod;
  readonly outputs: readonly string[];
  readonly params: readonly string[];
}

/**
 * Computes sensitivities (synchronously on the server: at most 200 simulations of at most 120 days). With a
 * progress token (a UUID), `GET /progress/{token}` shows how far it is meanwhile.
 */
export function computeSensitivity(
  request: SensitivityRequest,
  progressToken?: string,
): Promise<SensitivityResponse> {
  const query = progressToken === undefined ? '' : `?progress=${encodeURIComponent(progressToken)}`;
  return json<SensitivityResponse>(`/sensitivity${query}`, post(request));
}

// SPDX-License-Identifier: MIT
/** The numbers behind the trial figures, and the per-patient table, as CSV text. */
import type { TrialResult } from '../api/trials.js';
import { csvField } from '../plots/export.js';
import { endpointLabel } from '../results/fields.js';

function csv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return (
    rows
      .map((row) => row.map((v) => (v === null || v === undefined ? '' : csvField(String(v)))).join(','))
      .join('\n') + '\n'
  );
}

/** Forest plot data: per arm after the first, its difference from the first arm on one endpoint. */
export function forestCsv(result: TrialResult, endpoint: string): string {
  const header = [
    'endpoint',
    'arm',
    'compared with',
    'mean difference',
    'ci95 low',
    'ci95 high',
    'method',
    'n',
  ];
  const rows = result.arms.slice(1).map((arm) => {
    const d = arm.difference?.[endpoint];
    return [
      endpointLabel(endpoint),
      arm.name,
      result.arms[0].name,
      d?.mean,
      d?.ci95?.[0],
      d?.ci95?.[1],
      d?.method,
      d?.n,
    ];
  });
  return csv([header, ...rows]);
}

/** Distribution data: every patient's value of one endpoint with the arm (missing values left out). */
export function distributionCsv(result: TrialResult, endpoint: string): string {
  const rows = (result.patients ?? []).flatMap((p, i) => {
    const v = p.endpoints[endpoint];
    return v === null || v === undefined ? [] : [[i, p.arm_name, v]];
  });
  return csv([['patient', 'arm', endpointLabel(endpoint)], ...rows]);
}

/**
 * One row per simulated patient: the number, the arm, the patient's scalar covariates, then each endpoint (empty
 * where the model gave none).
 */
export function patientsCsv(result: TrialResult): string {
  const patients = result.patients ?? [];
  const endpoints = result.trial.endpoints;
  const covariates = [
    ...new Set(
      patients.flatMap((p) =>
        Object.entries(p)
          .filter(
            ([k, v]) =>
              k !== 'endpoints' &&
              k !== 'arm_name' &&
              (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean'),
          )
          .map(([k]) => k),
      ),
    ),
  ];
  const header = ['patient', 'arm', ...covariates, ...endpoints];
  const rows = patients.map((p, i) => {
    const record = p as unknown as Record<string, unknown>;
    return [
      i,
      p.arm_name,
      ...covariates.map((k) => {
        const v = record[k];
        return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? String(v) : null;
      }),
      ...endpoints.map((e) => p.endpoints[e] ?? null),
    ];
  });
  return csv([header, ...rows]);
}

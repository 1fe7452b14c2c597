// SPDX-License-Identifier: MIT
/**
 * Named outputs of a run, the quantities sensitivities and fits are computed for:
 *
 * - an endpoint, by its name (`igf1_change_pct`);
 * - a daily field on the last day (`igf1_ng_ml`) or on day N (`igf1_ng_ml@14`);
 * - a daily field averaged over days A to B inclusive (`igf1_ng_ml@7-14`).
 *
 * A value the model does not give for this patient (a woman's testosterone) reads as NaN.
 */
import { DAILY_FIELDS, ENDPOINT_NAMES, type DailyRow, type Result } from '../scenario/result.js';

/** A parsed output name. */
export type OutputSpec =
  | { readonly name: string; readonly kind: 'endpoint'; readonly endpoint: (typeof ENDPOINT_NAMES)[number] }
  | {
      readonly name: string;
      readonly kind: 'daily';
      readonly field: keyof DailyRow;
      /** Inclusive day range; undefined for the last day. */
      readonly days?: readonly [number, number];
    };

/** The daily fields an output may name: the contract's fields but `day`, and the added ones of `DailyRow`. */
export const DAILY_OUTPUT_FIELDS: readonly (keyof DailyRow)[] = [
  ...DAILY_FIELDS.filter((f) => f !== 'day'),
  'insulin_sensitivity_si',
  'shbg_nmol_l',
  'free_testosterone_pg_ml',
  'testosterone_total_ng_dl',
  'lh_pulses',
  'estradiol_mean_pg_ml',
  'skin_thickness_index',
  'sperm_concentration_m_ml',
];

/** An output name that names nothing, or days outside the run. */
export class OutputSpecError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'OutputSpecError';
  }
}

/**
 * Parses an output name against a run of `durationDays` days.
 * @throws OutputSpecError naming the allowed forms.
 */
export function parseOutputSpec(name: string, durationDays: number): OutputSpec {
  const endpoint = ENDPOINT_NAMES.find((e) => e === name);
  if (endpoint !== undefined) return { name, kind: 'endpoint', endpoint };
  const match = /^([a-z0-9_]+)(?:@(\d+)(?:-(\d+))?)?$/i.exec(name);
  const field = DAILY_OUTPUT_FIELDS.find((f) => f === match?.[1]);
  if (match === null || field === undefined) {
    throw new OutputSpecError(
      `output '${name}' is not an endpoint (${ENDPOINT_NAMES.join(', ')}) nor a daily field ` +
        `(${DAILY_OUTPUT_FIELDS.join(', ')}), optionally with @DAY or @FROM-TO`,
    );
  }
  if (match[2] === undefined) return { name, kind: 'daily', field };
  const from = Number(match[2]);
  const to = match[3] === undefined ? from : Number(match[3]);
  if (from > to || to > durationDays) {
    throw new OutputSpecError(`output '${name}': days must satisfy 0 ≤ from ≤ to ≤ ${durationDays}`);
  }
  return { name, kind: 'daily', field, days: [from, to] };
}

/** The value of one output in a result (NaN where the model gives none). */
export function readOutput(result: Result, spec: OutputSpec): number {
  if (spec.kind === 'endpoint') return result.endpoints[spec.endpoint] ?? Number.NaN;
  const last = result.daily[result.daily.length - 1]?.day ?? 0;
  const [from, to] = spec.days ?? [last, last];
  let sum = 0;
  let n = 0;
  for (const row of result.daily) {
    if (row.day < from || row.day > to) continue;
    const value = row[spec.field];
    if (value === null || value === undefined) return Number.NaN;
    sum += value;
    n++;
  }
  return n === 0 ? Number.NaN : sum / n;
}

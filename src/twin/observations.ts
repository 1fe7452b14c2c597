// SPDX-License-Identifier: MIT
/**
 * A patient's lab values as the twin fits them: each on a scenario day, in the canonical unit of its lab, with the
 * measurement SD of its lab on the log scale. Imported values (`labs-import.ts`, `fhir.ts`) carry calendar dates;
 * {@link observationsFromLabs} puts them on scenario days.
 */
import { IMPORTED_LABS, normaliseDate } from '../analysis/labs-import.js';
import type { ImportedLab, LabValue } from '../analysis/labs-import.js';
import { ScenarioError } from '../scenario/parse.js';
import type { ScenarioIssue } from '../scenario/parse.js';
import type { LabName } from '../scenario/schema.js';

/** Bad twin input (labs, options, a future scenario that is not the fitted patient's), by path. */
export class TwinInputError extends ScenarioError {
  constructor(issues: readonly ScenarioIssue[]) {
    super(issues);
    this.name = 'TwinInputError';
  }
}

/** One lab value on a scenario day, in its lab's canonical unit (ng/mL, mg/dL, µU/mL, IU/L, ng/dL, %). */
export interface TwinLabValue {
  /** Whole days after day 0 of the scenario; the value is compared with that day's morning draw. */
  readonly day: number;
  readonly lab: ImportedLab;
  readonly value: number;
}

/** The labs the model simulates at a monitoring draw: each lab's monitoring name and its field in a lab row. */
export const FITTABLE_LABS = {
  igf1: { monitoring: 'igf1', field: 'igf1_ng_ml', dailyField: 'igf1_ng_ml' },
  glucose_fasting: {
    monitoring: 'glucose_fasting',
    field: 'glucose_fasting_mg_dl',
    dailyField: 'glucose_fasting_mg_dl',
  },
  insulin_fasting: {
    monitoring: 'insulin_fasting',
    field: 'insulin_fasting_uU_ml',
    dailyField: 'insulin_fasting_uU_ml',
  },
  lh: { monitoring: 'lh', field: 'lh_iu_l', dailyField: undefined },
  fsh: { monitoring: 'fsh', field: 'fsh_iu_l', dailyField: undefined },
  testosterone_total: {
    monitoring: 'testosterone_total',
    field: 'testosterone_total_ng_dl',
    dailyField: undefined,
  },
} as const satisfies Partial<
  Record<ImportedLab, { monitoring: LabName; field: string; dailyField: string | undefined }>
>;

/** A lab the twin can fit: one the model simulates at a morning draw (not HbA1c). */
export type FittableLab = keyof typeof FITTABLE_LABS;

/** True when the model simulates `lab` at a draw. */
export function isFittableLab(lab: string): lab is FittableLab {
  return Object.hasOwn(FITTABLE_LABS, lab);
}

/**
 * Measurement SD of each lab on the natural-log scale: within-person biological variation plus the assay's
 * analytical variation, as the residual error of one draw. Assumptions from recalled biological-variation figures
 * (within-subject CV: fasting glucose ≈ 5–6 %, fasting insulin ≈ 20–25 %, total testosterone ≈ 9–10 %, FSH ≈ 10 %,
 * LH ≈ 20–25 %, IGF-1 ≈ 10–15 %; low confidence, no source at hand) with an analytical CV of about 5 % and room for
 * the model's own error. A fit raises them all by one factor when its residuals are larger; a caller who knows the
 * assay's CV passes its own.
 */
export const DEFAULT_MEASUREMENT_SD_LOG: Readonly<Record<FittableLab, number>> = {
  igf1: 0.15,
  glucose_fasting: 0.07,
  insulin_fasting: 0.3,
  lh: 0.3,
  fsh: 0.15,
  testosterone_total: 0.15,
};

const MS_PER_DAY = 86_400_000;

/** Milliseconds since the epoch of the UTC calendar day of an ISO date or date-time. */
function utcDay(date: string): number {
  return Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
}

/**
 * Puts imported lab values on scenario days: day = whole calendar days from `day0` (an ISO date; default the date
 * of the earliest value). Date-times count by their UTC date.
 * @throws TwinInputError for a bad `day0` or a value dated before it (path `labs[i].date`).
 * @example observationsFromLabs(parseLabsCsv(csv), '2024-03-01') // [{ day: 0, lab: 'igf1', value: 98 }, …]
 */
export function observationsFromLabs(values: readonly LabValue[], day0?: string): TwinLabValue[] {
  if (values.length === 0) return [];
  let start: number;
  if (day0 === undefined) start = Math.min(...values.map((v) => utcDay(v.date)));
  else {
    const parsed = normaliseDate(day0);
    if ('message' in parsed) throw new TwinInputError([{ path: 'day0', message: parsed.message }]);
    start = utcDay(parsed.date);
  }
  const issues: ScenarioIssue[] = [];
  const out = values.map((v, i) => {
    const day = Math.round((utcDay(v.date) - start) / MS_PER_DAY);
    if (day < 0) {
      issues.push({
        path: `labs[${i}].date`,
        message: `${v.date} is before day 0 (${new Date(start).toISOString().slice(0, 10)}); give an earlier day0`,
      });
    }
    return { day, lab: v.lab, value: v.value };
  });
  if (issues.length > 0) throw new TwinInputError(issues);
  return out;
}

/** Checks lab values given directly (not from an import): day, lab name and value, by path. */
export function labValueIssues(labs: readonly TwinLabValue[], durationDays: number): ScenarioIssue[] {
  return labs.flatMap((l, i) => {
    const issues: ScenarioIssue[] = [];
    const path = `labs[${i}]`;
    if (!Number.isInteger(l.day) || l.day < 0 || l.day > durationDays) {
      issues.push({
        path: `${path}.day`,
        message: `must be a whole day from 0 to the scenario's duration_days (${durationDays}), got ${String(l.day)}`,
      });
    }
    if (!(IMPORTED_LABS as readonly string[]).includes(l.lab)) {
      issues.push({
        path: `${path}.lab`,
        message: `unknown lab '${String(l.lab)}'; allowed: ${IMPORTED_LABS.join(', ')}`,
      });
    }
    if (typeof l.value !== 'number' || !Number.isFinite(l.value)) {
      issues.push({ path: `${path}.value`, message: `must be a finite number, got ${String(l.value)}` });
    }
    return issues;
  });
}

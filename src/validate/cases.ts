// SPDX-License-Identifier: MIT
/**
 * Published validation cases: each is a YAML file under `validation/cases/` holding the scenario that reproduces a
 * study's design, the metric that reads the study's reported number off the result, the expected range, and the
 * citation. This module loads and checks them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { issuesFromZod, readDocument, ScenarioError } from '../scenario/parse.js';
import type { Metric } from './metrics.js';

const window = { from_min: z.number(), to_min: z.number() };
const dailyField = z.string().regex(/^[a-z0-9_]+$/i);

const metricSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('endpoint'), name: z.string() }),
  z.strictObject({ kind: z.literal('daily'), field: dailyField, day: z.number().int().min(0) }),
  z.strictObject({
    kind: z.literal('daily_change_pct'),
    field: dailyField,
    day: z.number().int().min(0),
    baseline_day: z.number().int().min(0),
  }),
  z.strictObject({
    kind: z.literal('daily_change'),
    field: dailyField,
    day: z.number().int().min(0),
    baseline_day: z.number().int().min(0),
  }),
  z.strictObject({
    kind: z.literal('daily_ratio'),
    field: dailyField,
    day: z.number().int().min(0),
    baseline_day: z.number().int().min(0),
  }),
  z.strictObject({
    kind: z.literal('daily_mean'),
    field: dailyField,
    from_day: z.number().int().min(0),
    to_day: z.number().int().min(0),
  }),
  /** Days from `from_day` until the field first goes below (or reaches) a threshold (time to azoospermia). */
  z.strictObject({
    kind: z.literal('daily_days_until'),
    field: dailyField,
    from_day: z.number().int().min(0),
    threshold: z.number(),
    direction: z.enum(['below', 'above']),
    relative_to_day: z.number().int().min(0).optional(),
  }),
  z.strictObject({ kind: z.literal('series_max'), series: z.string(), ...window }),
  z.strictObject({ kind: z.literal('series_tmax_min'), series: z.string(), ...window }),
  z.strictObject({ kind: z.literal('series_mean'), series: z.string(), ...window }),
  z.strictObject({
    kind: z.literal('series_auc'),
    series: z.string(),
    ...window,
    above_baseline: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('series_half_life_min'), series: z.string(), ...window }),
  /** Percentage of the window's samples above `threshold` (time above a glucose level, say). */
  z.strictObject({
    kind: z.literal('series_pct_above'),
    series: z.string(),
    ...window,
    threshold: z.number(),
  }),
  /** Percentage of the window's samples in [low, high] (time in range). */
  z.strictObject({
    kind: z.literal('series_pct_between'),
    series: z.string(),
    ...window,
    low: z.number(),
    high: z.number(),
  }),
  z.strictObject({
    kind: z.literal('series_peak_change_pct'),
    series: z.string(),
    ...window,
    baseline_from_min: z.number(),
    baseline_to_min: z.number(),
  }),
]);

/**
 * The published central value with its spread, on the metric's scale (the same unit as `expected`): a mean with
 * exactly one of SD, SE or a 95 % CI, or a median with its interquartile range, full range or 95 % CI (a survival
 * median, the time by which half the men recovered); the number of
 * subjects; and where the figure was read.
 */
const publishedStatsSchema = z
  .strictObject({
    mean: z.number().optional(),
    median: z.number().optional(),
    sd: z.number().positive().optional(),
    se: z.number().positive().optional(),
    ci95: z.tuple([z.number(), z.number()]).optional(),
    iqr: z.tuple([z.number(), z.number()]).optional(),
    range: z.tuple([z.number(), z.number()]).optional(),
    n: z.number().int().positive().optional(),
    /** Where the figure comes from: the full text, its abstract, a drug label, or recalled (least reliable). */
    provenance: z.enum(['full-text', 'abstract', 'label', 'recalled']),
  })
  .superRefine((stats, ctx) => {
    const centre = stats.mean ?? stats.median;
    if ((stats.mean === undefined) === (stats.median === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['mean'],
        message: 'give exactly one central value, mean or median',
      });
    }
    const allowed =
      stats.mean !== undefined ? (['sd', 'se', 'ci95'] as const) : (['iqr', 'range', 'ci95'] as const);
    const spreads = (['sd', 'se', 'ci95', 'iqr', 'range'] as const).filter((key) => stats[key] !== undefined);
    const wrong = spreads.filter((key) => !(allowed as readonly string[]).includes(key));
    if (centre !== undefined && (spreads.length !== 1 || wrong.length > 0)) {
      ctx.addIssue({
        code: 'custom',
        path: [wrong[0] ?? spreads[1] ?? allowed[0]],
        message:
          `give exactly one spread for a ${stats.mean !== undefined ? 'mean' : 'median'}: ${allowed.join(', ')} ` +
          `(got ${spreads.length === 0 ? 'none' : spreads.join(', ')})`,
      });
    }
    for (const key of ['ci95', 'iqr', 'range'] as const) {
      const interval = stats[key];
      if (interval && centre !== undefined && !(interval[0] <= centre && centre <= interval[1])) {
        ctx.addIssue({ code: 'custom', path: [key], message: `must be [lo, hi] with lo ≤ ${centre} ≤ hi` });
      }
    }
  });

/**
 * The model's prediction for a case, recorded once when the case was added (before any change made for it) by
 * `endotwin validate --record-predictions`, and never edited. `value` is null when the model could not compute it
 * (`error` says why).
 */
const predictedSchema = z.strictObject({
  value: z.number().nullable(),
  at_commit: z.string().regex(/^[0-9a-f]{40}$/, 'a full 40-digit git commit hash'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
  model_version: z.string().min(1),
  error: z.string().optional(),
});

/** How independent a case is (see `role` below). */
export const CASE_ROLES = ['input', 'calibration', 'held-out', 'pre-registered'] as const;

const caseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  /** The paper: authors, journal, year, volume and pages. */
  source: z.string(),
  /** The published figure as the paper states it (mean ± SD, range…). */
  published: z.string(),
  /** Which part of the model the case exercises. */
  area: z.enum([
    'gh-axis',
    'drug-pk',
    'drug-pd',
    'igf1',
    'adrenal-prolactin',
    'metabolism',
    'body',
    'gonadal',
  ]),
  /**
   * How independent the case is: `input` (the figure is itself a model parameter, so the case checks the
   * implementation), `calibration` (the figure was used to set parameters), `held-out` (not used to build the
   * model) or `pre-registered` (entered with the model's prediction recorded before any change made for it).
   */
  role: z.enum(CASE_ROLES),
  scenario: z.unknown(),
  /** Optional second run (a placebo or baseline arm); the case then combines the metric of both runs. */
  reference_scenario: z.unknown().optional(),
  combine: z.enum(['ratio', 'difference', 'change_pct']).optional(),
  metric: metricSchema,
  expected: z.strictObject({ min: z.number(), max: z.number(), unit: z.string() }),
  published_stats: publishedStatsSchema.optional(),
  predicted: predictedSchema.optional(),
  /** Why the range is what it is, and what the model would need where it fails. */
  notes: z.string().optional(),
});

/** One validation case as loaded from its file. */
export interface ValidationCase extends Omit<z.output<typeof caseSchema>, 'metric'> {
  readonly metric: Metric;
  readonly file: string;
}

/**
 * Checks one case document (already read from YAML); `name` prefixes every error path.
 * @throws ScenarioError naming the file and the field.
 */
export function parseCase(doc: unknown, name: string): ValidationCase {
  const parsed = caseSchema.safeParse(doc);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error, doc).map((i) => ({ ...i, path: `${name}: ${i.path}` }));
    throw new ScenarioError(issues);
  }
  const c = parsed.data;
  if (c.reference_scenario !== undefined && c.combine === undefined) {
    throw new ScenarioError([{ path: `${name}: combine`, message: 'required with reference_scenario' }]);
  }
  if (!(c.expected.min <= c.expected.max)) {
    throw new ScenarioError([{ path: `${name}: expected`, message: 'min must not exceed max' }]);
  }
  return { ...c, metric: c.metric as Metric, file: name };
}

/** Reads and checks every `*.yaml` case in a folder, sorted by file name. */
export function loadCases(dir: string): ValidationCase[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => parseCase(readDocument(readFileSync(join(dir, name), 'utf8')), name));
}

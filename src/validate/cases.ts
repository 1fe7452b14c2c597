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
  z.strictObject({
    kind: z.literal('series_peak_change_pct'),
    series: z.string(),
    ...window,
    baseline_from_min: z.number(),
    baseline_to_min: z.number(),
  }),
]);

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
   * implementation), `calibration` (the figure was used to set parameters) or `held-out` (not used to build the model).
   */
  role: z.enum(['input', 'calibration', 'held-out']),
  scenario: z.unknown(),
  /** Optional second run (a placebo or baseline arm); the case then combines the metric of both runs. */
  reference_scenario: z.unknown().optional(),
  combine: z.enum(['ratio', 'difference', 'change_pct']).optional(),
  metric: metricSchema,
  expected: z.strictObject({ min: z.number(), max: z.number(), unit: z.string() }),
  /** Why the range is what it is, and what the model would need where it fails. */
  notes: z.string().optional(),
});

/** One validation case as loaded from its file. */
export interface ValidationCase extends Omit<z.output<typeof caseSchema>, 'metric'> {
  readonly metric: Metric;
  readonly file: string;
}

/** Reads and checks every `*.yaml` case in a folder, sorted by file name. */
export function loadCases(dir: string): ValidationCase[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const doc = readDocument(readFileSync(join(dir, name), 'utf8'));
      const parsed = caseSchema.safeParse(doc);
      if (!parsed.success) {
        const issues = issuesFromZod(parsed.error, doc).map((i) => ({ ...i, path: `${name}: ${i.path}` }));
        throw new ScenarioError(issues);
      }
      if (parsed.data.reference_scenario !== undefined && parsed.data.combine === undefined) {
        throw new ScenarioError([{ path: `${name}: combine`, message: 'required with reference_scenario' }]);
      }
      return { ...parsed.data, metric: parsed.data.metric as Metric, file: name };
    });
}

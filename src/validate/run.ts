// SPDX-License-Identifier: MIT
/** Runs the published validation cases through `simulate` and writes the report. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenario } from '../protocol/parse-scenario.js';
import { simulate } from '../simulate/index.js';
import { CASE_ROLES, type ValidationCase } from './cases.js';
import { computeMetric } from './metrics.js';

/** Where the case files, the report and the baseline live (the package's `validation/` folder). */
export const VALIDATION_DIR = fileURLToPath(new URL('../../validation/', import.meta.url));

/** The outcome of one case. */
export interface CaseOutcome {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly area: string;
  readonly role: ValidationCase['role'];
  readonly published: string;
  readonly expected: { readonly min: number; readonly max: number; readonly unit: string };
  readonly published_stats?: ValidationCase['published_stats'];
  /** The prediction recorded when the case was added, if any (never the value simulated now). */
  readonly predicted?: ValidationCase['predicted'];
  /** The simulated value, or null when it could not be computed (see `error`). */
  readonly simulated: number | null;
  readonly passed: boolean;
  readonly error?: string;
  readonly notes?: string;
  readonly ms: number;
}

function combine(value: number, reference: number, how: ValidationCase['combine']): number {
  switch (how) {
    case 'ratio':
      return value / reference;
    case 'difference':
      return value - reference;
    case 'change_pct':
      return (value / reference - 1) * 100;
    case undefined:
      return value;
  }
}

/**
 * The case's simulated value, with parameter values set by name in its scenario and in its reference scenario
 * (each only the parameters of that run's model; the calibration's finite differences use them).
 * @throws ScenarioError or MetricError when a run or the metric fails.
 */
export function caseValue(
  c: ValidationCase,
  overrides: Readonly<Record<string, number>> = {},
  referenceOverrides: Readonly<Record<string, number>> = {},
): number {
  const run = (doc: unknown, parameterOverrides: Readonly<Record<string, number>>) =>
    computeMetric(
      simulate(parseScenario(doc), Object.keys(parameterOverrides).length > 0 ? { parameterOverrides } : {}),
      c.metric,
    );
  const value = run(c.scenario, overrides);
  if (c.reference_scenario === undefined) return value;
  return combine(value, run(c.reference_scenario, referenceOverrides), c.combine);
}

/** Runs one case; a failure to simulate is a failed case with its reason, never an exception. */
export function runCase(c: ValidationCase): CaseOutcome {
  const started = performance.now();
  const base = {
    id: c.id,
    title: c.title,
    source: c.source,
    area: c.area,
    role: c.role,
    published: c.published,
    expected: c.expected,
    ...(c.published_stats === undefined ? {} : { published_stats: c.published_stats }),
    ...(c.predicted === undefined ? {} : { predicted: c.predicted }),
    ...(c.notes === undefined ? {} : { notes: c.notes }),
  };
  try {
    const simulated = caseValue(c);
    const passed = Number.isFinite(simulated) && simulated >= c.expected.min && simulated <= c.expected.max;
    return { ...base, simulated, passed, ms: performance.now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, simulated: null, passed: false, error: message, ms: performance.now() - started };
  }
}

/** Whether a recorded prediction lies in the case's expected range (a null prediction is a miss). */
export function predictionHit(o: Pick<CaseOutcome, 'predicted' | 'expected'>): boolean {
  const value = o.predicted?.value;
  return typeof value === 'number' && value >= o.expected.min && value <= o.expected.max;
}

/** Ids of the cases that passed when the baseline was last recorded (`validation/baseline.json`). */
export function readBaseline(path: string): string[] {
  if (!existsSync(path)) return [];
  const doc = JSON.parse(readFileSync(path, 'utf8')) as { passing?: unknown };
  return Array.isArray(doc.passing) ? doc.passing.filter((id): id is string => typeof id === 'string') : [];
}

/** Cases that passed in the baseline and fail now. */
export function regressions(outcomes: readonly CaseOutcome[], baseline: readonly string[]): CaseOutcome[] {
  return outcomes.filter((o) => baseline.includes(o.id) && !o.passed);
}

function formatNumber(x: number | null): string {
  if (x === null) return '—';
  const abs = Math.abs(x);
  return abs !== 0 && (abs < 0.01 || abs >= 1e5) ? x.toExponential(2) : x.toPrecision(3);
}

function interval(label: string, pair: readonly [number, number] | undefined): string {
  return pair ? ` (${label} ${formatNumber(pair[0])} to ${formatNumber(pair[1])})` : '';
}

/** A published central value with its spread, as `12.3 ± 4.5 SD, n 20` or `median 96 (IQR 93 to 98)`. */
export function formatPublishedStats(stats: NonNullable<CaseOutcome['published_stats']>): string {
  const centre =
    stats.mean !== undefined ? formatNumber(stats.mean) : `median ${formatNumber(stats.median ?? null)}`;
  const spread =
    stats.sd !== undefined
      ? ` ± ${formatNumber(stats.sd)} SD`
      : stats.se !== undefined
        ? ` ± ${formatNumber(stats.se)} SE`
        : interval('95 % CI', stats.ci95) || interval('IQR', stats.iqr) || interval('range', stats.range);
  return `${centre}${spread}${stats.n === undefined ? '' : `, n ${stats.n}`}`;
}

function rate(hits: number, of: number): string {
  return of === 0 ? 'none yet' : `${hits} of ${of} (${Math.round((hits / of) * 100)} %)`;
}

/**
 * The pre-registered section: each recorded prediction (frozen when its case was added) against the expected
 * range, the hit rate, and the misses. The value simulated now is shown beside it; only the recorded one counts.
 */
function predictionSection(outcomes: readonly CaseOutcome[]): string[] {
  const recorded = outcomes.filter((o) => o.predicted !== undefined);
  const hits = recorded.filter(predictionHit);
  const lines = [
    '## Pre-registered predictions',
    '',
    'These cases were entered with the model’s prediction recorded first (`endotwin validate',
    '--record-predictions`, the `predicted` block of each case file: value, commit, date, model version), before',
    'any change was made for them; a recorded prediction is never edited. A hit is a recorded prediction inside the',
    'expected range. This hit rate says how far to trust the model on a study it has not seen; the fitted cases',
    'above say how well it was fitted.',
    '',
    `Hit rate of recorded predictions: **${rate(hits.length, recorded.length)}**; the same cases pass now: ` +
      `${rate(recorded.filter((o) => o.passed).length, recorded.length)}.`,
    '',
  ];
  if (recorded.length === 0) return lines;
  lines.push(
    '| case | area | published (mean, spread) | expected | recorded prediction | at commit | hit | now |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...recorded.map((o) => {
      const p = o.predicted;
      const stats = o.published_stats
        ? `${formatPublishedStats(o.published_stats)} (${o.published_stats.provenance})`
        : '—';
      return (
        `| \`${o.id}\` | ${o.area} | ${stats} | ${formatNumber(o.expected.min)}–${formatNumber(o.expected.max)} ` +
        `${o.expected.unit} | ${formatNumber(p?.value ?? null)} | ${p?.at_commit.slice(0, 10) ?? ''} | ` +
        `${predictionHit(o) ? 'hit' : '**miss**'} | ${formatNumber(o.simulated)} |`
      );
    }),
    '',
  );
  const misses = recorded.filter((o) => !predictionHit(o));
  if (misses.length > 0) {
    lines.push('Misses:', '');
    for (const o of misses) {
      const p = o.predicted;
      const value =
        p?.value === null || p === undefined
          ? `no value (${p?.error ?? 'not computed'})`
          : formatNumber(p.value);
      lines.push(
        `- **${o.id}** (${o.title}): predicted ${value} ${o.expected.unit}, expected ` +
          `${formatNumber(o.expected.min)}–${formatNumber(o.expected.max)}.`,
      );
    }
    lines.push('');
  }
  return lines;
}

/**
 * The Markdown report: a summary line, one table row per case, the pre-registered predictions with their hit rate,
 * then the notes of failing cases.
 */
export function renderReport(outcomes: readonly CaseOutcome[], generated: string): string {
  const passed = outcomes.filter((o) => o.passed).length;
  const byRole = (role: CaseOutcome['role']) => {
    const of = outcomes.filter((o) => o.role === role);
    return `${of.filter((o) => o.passed).length} of ${of.length} ${role}`;
  };
  const lines = [
    '# Validation report',
    '',
    `Generated by \`endotwin validate\` on ${generated}. ${passed} of ${outcomes.length} published cases pass.`,
    'Each case is a scenario under `validation/cases/` reproducing a study design; "expected" is the range the',
    'published figure allows (its reported spread, widened where the study population is not the modelled one, as',
    'the case notes say). A failing case stays here with what the model would need.',
    '',
    'Role says how independent a case is: **input** — the figure is itself a model parameter, so the case checks',
    'the implementation; **calibration** — the figure was used to set parameters (see `docs/model.md`), so passing',
    'shows the fit, not a prediction; **held-out** — the figure was not used to build the model;',
    '**pre-registered** — entered with the model’s prediction recorded first (see the section below).',
    `By role: ${CASE_ROLES.map(byRole).join(', ')} pass (now).`,
    '',
    '| case | area | role | source | published | expected | simulated | result |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...outcomes.map(
      (o) =>
        `| ${o.title} (\`${o.id}\`) | ${o.area} | ${o.role} | ${o.source} | ${o.published} | ` +
        `${formatNumber(o.expected.min)}–${formatNumber(o.expected.max)} ${o.expected.unit} | ` +
        `${formatNumber(o.simulated)} | ${o.passed ? 'pass' : '**fail**'} |`,
    ),
    '',
    ...predictionSection(outcomes),
  ];
  const failing = outcomes.filter((o) => !o.passed);
  if (failing.length > 0) {
    lines.push('## Failing cases', '');
    for (const o of failing) {
      lines.push(`- **${o.id}**: ${o.error ?? `simulated ${formatNumber(o.simulated)} ${o.expected.unit}`}.`);
      if (o.notes) lines.push(`  ${o.notes.trim().replace(/\n/g, ' ')}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

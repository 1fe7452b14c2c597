// SPDX-License-Identifier: MIT
/**
 * The trial result for people: per endpoint, each arm's n, mean, SD, median and 95 % CI, each arm's difference
 * from the first, and the published figure next to it with a verdict. Endpoints the model cannot produce yet are
 * shown as "not modelled yet", never as numbers.
 */
import { writeCsv } from '../scenario/csv.js';
import type { TrialResult } from './analyse.js';
import type { EndpointName, PublishedFigure } from './schema.js';
import type { EndpointDifference, EndpointSummary } from './statistics.js';

/** How a simulated estimate stands against a published range. */
export type Agreement = 'within' | 'CI overlaps' | 'outside' | 'no range' | 'not modelled yet';

/** The unit of an endpoint, from its name (`_pct` → %, `_kg` → kg, `_mg_dl` → mg/dL). */
export function endpointUnit(name: EndpointName): string {
  if (name.endsWith('_pct')) return '%';
  if (name.endsWith('_kg')) return 'kg';
  if (name.endsWith('_mg_dl')) return 'mg/dL';
  return '';
}

/**
 * Compares a simulated mean and CI with a published range: `within` when the mean lies in it, `CI overlaps` when
 * only the CI touches it, `outside` otherwise; `no range` when the figure cannot be put on the endpoint's scale.
 */
export function agreement(
  estimate: { readonly mean: number | null; readonly ci95: readonly [number, number] | null },
  figure: PublishedFigure,
): Agreement {
  if (estimate.mean === null) return 'not modelled yet';
  if (figure.range === undefined) return 'no range';
  const [lo, hi] = figure.range;
  if (estimate.mean >= lo && estimate.mean <= hi) return 'within';
  const ci = estimate.ci95;
  if (ci !== null && ci[0] <= hi && ci[1] >= lo) return 'CI overlaps';
  return 'outside';
}

/** A number for a table: about three significant digits, no exponent for ordinary sizes. */
export function formatValue(x: number | null): string {
  if (x === null) return '—';
  const a = Math.abs(x);
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1 || a === 0) return x.toFixed(2);
  return x.toPrecision(2);
}

function formatCi(ci: readonly [number, number] | null): string {
  return ci === null ? '—' : `[${formatValue(ci[0])}, ${formatValue(ci[1])}]`;
}

function publishedCell(figure: PublishedFigure | undefined, estimate: EndpointSummary | EndpointDifference) {
  if (figure === undefined) return { published: '', verdict: '' };
  return { published: `${figure.text} (${figure.provenance})`, verdict: agreement(estimate, figure) };
}

type Row = readonly string[];
const HEADER: Row = ['endpoint', 'arm', 'n', 'mean', 'SD', 'median', '95% CI', 'published', 'verdict'];

function findFigure(
  result: TrialResult,
  arm: string,
  endpoint: EndpointName,
  compare: PublishedFigure['compare'],
): PublishedFigure | undefined {
  return result.trial.published?.figures.find(
    (f) => f.arm === arm && f.endpoint === endpoint && f.compare === compare,
  );
}

function endpointRows(result: TrialResult, endpoint: EndpointName): Row[] {
  const label = `${endpoint} (${endpointUnit(endpoint) || '–'})`;
  if (result.not_modelled.includes(endpoint)) {
    const figures = result.trial.published?.figures.filter((f) => f.endpoint === endpoint) ?? [];
    if (figures.length === 0) return [[label, 'all', '', 'not modelled yet', '', '', '', '', '']];
    return figures.map((f, i) => [
      i === 0 ? label : '',
      f.compare === 'arm' ? f.arm : `${f.arm} − ${result.arms[0].name}`,
      '',
      'not modelled yet',
      '',
      '',
      '',
      `${f.text} (${f.provenance})`,
      'not modelled yet',
    ]);
  }
  const rows: Row[] = [];
  for (const arm of result.arms) {
    const s = arm.endpoints[endpoint];
    const p = publishedCell(findFigure(result, arm.name, endpoint, 'arm'), s);
    rows.push([
      rows.length === 0 ? label : '',
      arm.name,
      String(s.n),
      formatValue(s.mean),
      formatValue(s.sd),
      formatValue(s.median),
      formatCi(s.ci95),
      p.published,
      p.verdict,
    ]);
  }
  for (const arm of result.arms.slice(1)) {
    const d = arm.difference?.[endpoint];
    if (d === undefined) continue;
    const p = publishedCell(findFigure(result, arm.name, endpoint, 'difference'), d);
    const name = `${arm.name} − ${result.arms[0].name} (${d.method})`;
    rows.push(['', name, String(d.n), formatValue(d.mean), '', '', formatCi(d.ci95), p.published, p.verdict]);
  }
  return rows;
}

function alignColumns(rows: readonly Row[], columns: number): string[] {
  const widths = HEADER.slice(0, columns).map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  return rows.map((r) =>
    r
      .slice(0, columns)
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd(),
  );
}

function headerLines(result: TrialResult): string[] {
  const t = result.trial;
  const perArm = result.arms.map((a) => a.patients).join(' / ');
  const s = result.screening;
  const rejected = Object.entries(s.rejected)
    .map(([path, n]) => `${path} ${n}`)
    .join(', ');
  const lines = [
    `${t.name}: ${t.design}, ${t.arms.length} arm(s), ${perArm} patients, ${t.duration_days} days, seed ${t.seed}`,
    `screened ${s.screened} candidates, enrolled ${s.enrolled}${rejected ? ` (rejected: ${rejected})` : ''}`,
  ];
  if (t.source) lines.push(`source: ${t.source}`);
  if (t.published) lines.push(`published design: ${t.published.design}`);
  return lines;
}

/** The whole result as an aligned text table with a short header and notes. */
export function formatTrialTable(result: TrialResult): string {
  const rows = [HEADER, ...result.trial.endpoints.flatMap((e) => endpointRows(result, e))];
  // Without published figures the last two columns would stay empty.
  const columns = result.trial.published ? HEADER.length : HEADER.length - 2;
  const lines = [...headerLines(result), '', ...alignColumns(rows, columns)];
  if (result.failures.length > 0) {
    lines.push('', `${result.failures.length} simulation(s) failed and count as missing:`);
    for (const f of result.failures.slice(0, 10))
      lines.push(`  patient ${f.patient} in ${f.arm}: ${f.message}`);
  }
  if (result.trial.published?.notes) lines.push('', `notes: ${result.trial.published.notes.trim()}`);
  return `${lines.join('\n')}\n`;
}

/** Every patient's covariates and endpoints as CSV (one row per patient and arm), for `output.patients`. */
export function patientsCsv(result: TrialResult): string {
  const endpoints = result.trial.endpoints;
  const columns = [
    'patient',
    'arm',
    'seed',
    'sex',
    'age_years',
    'height_cm',
    'weight_kg',
    'bmi',
    'body_fat_pct',
    'visceral_fat_cm2',
    'igf1_ng_ml',
    'igf1_sds',
  ] as const;
  const rows = (result.patients ?? []).map((p) => [
    ...columns.map((c) => (c === 'arm' ? p.arm_name : p[c])),
    ...endpoints.map((e) => p.endpoints[e]),
  ]);
  return writeCsv([...columns, ...endpoints], rows);
}

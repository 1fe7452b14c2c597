// SPDX-License-Identifier: MIT
/**
 * Scores the importer against the SBML Test Suite's semantic cases (read from a folder, never copied): runs each
 * TimeCourse case and applies the suite's rule |c − e| ≤ absolute + relative·|e| to every value.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SbmlError } from './errors.js';
import { formatSbmlCsv, importSbml, simulateWithSettings } from './run.js';
import { parseSettings } from './settings.js';

/** How one case ended. */
export type CaseOutcome = 'pass' | 'fail' | 'unsupported' | 'invalid' | 'error';

/** The result of one case, with its feature tags. */
export interface CaseResult {
  readonly id: string;
  readonly outcome: CaseOutcome;
  readonly tags: readonly string[];
  /** Why it did not pass. */
  readonly detail?: string;
}

/** The ids of the TimeCourse cases in a suite folder, with their component and test tags. */
export function listTimeCourseCases(casesDir: string): { id: string; tags: string[] }[] {
  const cases: { id: string; tags: string[] }[] = [];
  for (const id of readdirSync(casesDir).sort()) {
    const description = join(casesDir, id, `${id}-model.m`);
    if (!existsSync(join(casesDir, id, `${id}-sbml-l3v2.xml`)) || !existsSync(description)) continue;
    const text = readFileSync(description, 'utf8');
    if (!/testType:\s*TimeCourse/.test(text)) continue;
    const tags = ['componentTags', 'testTags'].flatMap((key) =>
      (new RegExp(`${key}:([^\\n]*)`).exec(text)?.[1] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    );
    cases.push({ id, tags });
  }
  return cases;
}

function parseCsv(text: string): { header: string[]; rows: number[][] } {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0].split(',').map((s) => s.trim());
  const rows = lines.slice(1).map((l) =>
    l.split(',').map((s) => {
      const v = s.trim();
      return v === 'INF' || v === 'inf' ? Infinity : v === '-INF' || v === '-inf' ? -Infinity : Number(v);
    }),
  );
  return { header, rows };
}

/** The suite's rule for one value (a NaN matches only a NaN, an infinity only the same infinity). */
export function valueMatches(
  computed: number,
  expected: number,
  absolute: number,
  relative: number,
): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(computed);
  if (!Number.isFinite(expected)) return computed === expected;
  return Math.abs(computed - expected) <= absolute + relative * Math.abs(expected);
}

/** Runs one case and compares it with the expected results. */
export function runCase(casesDir: string, id: string, tags: readonly string[]): CaseResult {
  const dir = join(casesDir, id);
  try {
    const settings = parseSettings(readFileSync(join(dir, `${id}-settings.txt`), 'utf8'));
    const model = importSbml(readFileSync(join(dir, `${id}-sbml-l3v2.xml`), 'utf8'));
    const rows = simulateWithSettings(model, settings);
    const expected = parseCsv(readFileSync(join(dir, `${id}-results.csv`), 'utf8'));
    const computed = parseCsv(formatSbmlCsv(settings.variables, rows));
    if (expected.header.length !== computed.header.length) {
      return {
        id,
        tags,
        outcome: 'fail',
        detail: `columns ${computed.header.join(',')}, expected ${expected.header.join(',')}`,
      };
    }
    if (expected.rows.length !== computed.rows.length) {
      return {
        id,
        tags,
        outcome: 'fail',
        detail: `${computed.rows.length} rows, expected ${expected.rows.length}`,
      };
    }
    for (let r = 0; r < expected.rows.length; r++) {
      for (let c = 1; c < expected.header.length; c++) {
        // Columns are compared by position: the suite's first column is time whatever its heading.
        const e = expected.rows[r][c];
        const x = computed.rows[r][c];
        if (!valueMatches(x, e, settings.absolute, settings.relative)) {
          const detail = `${expected.header[c]} at t=${expected.rows[r][0]}: ${x}, expected ${e}`;
          return { id, tags, outcome: 'fail', detail };
        }
      }
    }
    return { id, tags, outcome: 'pass' };
  } catch (error) {
    if (error instanceof SbmlError) return { id, tags, outcome: error.kind, detail: error.message };
    return { id, tags, outcome: 'error', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Totals of a suite run. */
export interface SuiteSummary {
  readonly total: number;
  readonly passed: number;
  /** passed / total. */
  readonly rate: number;
  readonly byOutcome: Readonly<Record<CaseOutcome, number>>;
}

/** Counts outcomes. */
export function summarize(results: readonly CaseResult[]): SuiteSummary {
  const byOutcome: Record<CaseOutcome, number> = { pass: 0, fail: 0, unsupported: 0, invalid: 0, error: 0 };
  for (const r of results) byOutcome[r.outcome]++;
  const total = results.length;
  return { total, passed: byOutcome.pass, rate: total === 0 ? 0 : byOutcome.pass / total, byOutcome };
}

/** The first words of a non-passing case's reason, shared by cases failing for the same cause. */
function reasonOf(r: CaseResult): string {
  if (r.outcome === 'unsupported')
    return (r.detail ?? '').replace(/^unsupported SBML feature at [^:]*: /, '');
  if (r.outcome === 'fail') return 'values outside the tolerance';
  const detail = r.detail ?? '';
  // A unit inconsistency is the model's own (libSBML warns of it too): say so before the details.
  const units = /^invalid SBML at ([^:]*): inconsistent units: (.*)$/.exec(detail);
  if (units) return `rejected, inconsistent units at ${units[1]}: ${units[2]}`.slice(0, 100);
  return `${r.outcome}: ${detail}`.slice(0, 80);
}

/**
 * A Markdown report: the pass rate, the causes of non-passing cases, and per SBML feature tag how many cases
 * carry it and how many of those did not pass (only tags with such cases).
 */
export function formatSuiteReport(results: readonly CaseResult[]): string {
  const s = summarize(results);
  const lines = [
    `Passed ${s.passed} of ${s.total} TimeCourse cases (${(100 * s.rate).toFixed(1)} %): ` +
      `${s.byOutcome.fail} with values outside the tolerance, ${s.byOutcome.unsupported} unsupported, ` +
      `${s.byOutcome.invalid} rejected as invalid, ${s.byOutcome.error} failed while running.`,
    '',
    '| Cause | Cases |',
    '| --- | ---: |',
  ];
  const causes = new Map<string, number>();
  for (const r of results)
    if (r.outcome !== 'pass') causes.set(reasonOf(r), (causes.get(reasonOf(r)) ?? 0) + 1);
  for (const [cause, n] of [...causes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    lines.push(`| ${cause.replace(/\|/g, '\\|')} | ${n} |`);
  }
  lines.push('', '| Tag | Cases | Passed | Not passed |', '| --- | ---: | ---: | ---: |');
  const tags = new Map<string, { cases: number; passed: number }>();
  for (const r of results) {
    for (const tag of r.tags) {
      const t = tags.get(tag) ?? { cases: 0, passed: 0 };
      t.cases++;
      if (r.outcome === 'pass') t.passed++;
      tags.set(tag, t);
    }
  }
  const rows = [...tags].filter(([, t]) => t.passed < t.cases);
  rows.sort((a, b) => b[1].cases - b[1].passed - (a[1].cases - a[1].passed) || a[0].localeCompare(b[0]));
  for (const [tag, t] of rows) lines.push(`| ${tag} | ${t.cases} | ${t.passed} | ${t.cases - t.passed} |`);
  return `${lines.join('\n')}\n`;
}

/** Markers around the generated report in docs/sbml.md. */
export const REPORT_START =
  '<!-- sbml-test-suite report: generated by src/exchange/sbml/import/suite.test.ts -->';
export const REPORT_END = '<!-- end of sbml-test-suite report -->';

/** `doc` with the text between the report markers replaced by `report`. */
export function replaceReport(doc: string, report: string): string {
  const start = doc.indexOf(REPORT_START);
  const end = doc.indexOf(REPORT_END);
  if (start < 0 || end < start) throw new Error('docs/sbml.md lacks the report markers');
  return `${doc.slice(0, start + REPORT_START.length)}\n\n${report}\n${doc.slice(end)}`;
}

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

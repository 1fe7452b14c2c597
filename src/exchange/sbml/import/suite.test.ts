// SPDX-License-Identifier: MIT
// Scores the SBML import against the SBML Test Suite's L3V2 semantic cases, read from ../shared/sbml-test-suite
// (or $ENDOTWIN_SBML_TEST_SUITE); refreshes the report in docs/sbml.md and holds the pass rate to its floor.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { formatSuiteReport, listTimeCourseCases, replaceReport, runCase, summarize } from './suite.js';

const root = resolve(import.meta.dirname, '../../../..');
const suiteDir = process.env.ENDOTWIN_SBML_TEST_SUITE ?? resolve(root, '../shared/sbml-test-suite');
const casesDir = join(suiteDir, 'cases');
const present = existsSync(casesDir);
const MISSING = `the SBML Test Suite is not at ${suiteDir} (set ENDOTWIN_SBML_TEST_SUITE to its folder)`;

/**
 * The pass rate measured on the shared folder (1273 of 1322 cases, 96.3 %); a floor, not a goal. Case 00879 is
 * rejected on purpose: its initial assignment takes exp() of the time in seconds (libSBML warns 10501 too).
 */
const PASS_RATE_FLOOR = 0.962;

if (!present && process.env.CI !== 'true') console.warn(`skipping the SBML Test Suite score: ${MISSING}`);

describe.skipIf(!present && process.env.CI !== 'true')('SBML Test Suite (L3V2 TimeCourse cases)', () => {
  it('passes at least the recorded share of cases, and docs/sbml.md lists the rest by tag', async () => {
    if (!present) throw new Error(MISSING);
    const cases = listTimeCourseCases(casesDir);
    expect(cases.length).toBeGreaterThan(0);
    const results = cases.map((c) => runCase(casesDir, c.id, c.tags));
    const summary = summarize(results);
    const docPath = join(root, 'docs/sbml.md');
    const doc = readFileSync(docPath, 'utf8');
    // Formatted as `npm run format:check` expects, so that a refreshed report keeps the check green.
    const options = { ...(await resolveConfig(docPath)), filepath: docPath };
    const updated = await format(replaceReport(doc, formatSuiteReport(results)), options);
    if (updated !== doc) writeFileSync(docPath, updated);
    expect(summary.byOutcome.error, 'cases that crashed').toBe(0);
    expect(summary.rate).toBeGreaterThanOrEqual(PASS_RATE_FLOOR);
  }, 180_000);
});

// SPDX-License-Identifier: MIT
/**
 * Runs every published validation case. A case that passed when the baseline was recorded must still pass: a
 * model change that breaks one fails here. Cases that never passed are reported, not hidden.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCases } from '../src/validate/cases.js';
import { readBaseline, regressions, runCase, VALIDATION_DIR } from '../src/validate/run.js';

describe('published validation cases', () => {
  const cases = loadCases(join(VALIDATION_DIR, 'cases'));
  const baseline = readBaseline(join(VALIDATION_DIR, 'baseline.json'));

  it('every baseline case still exists', () => {
    const ids = new Set(cases.map((c) => c.id));
    expect(baseline.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('every pre-registered case carries its recorded prediction and its published mean with spread', () => {
    const incomplete = cases
      .filter((c) => c.role === 'pre-registered')
      .filter((c) => c.predicted === undefined || c.published_stats === undefined)
      .map((c) => c.id);
    expect(incomplete).toEqual([]);
  });

  it('no case that passed before fails now', { timeout: 600_000 }, () => {
    const outcomes = cases.map(runCase);
    const broken = regressions(outcomes, baseline).map(
      (o) => `${o.id}: ${o.error ?? `simulated ${o.simulated} outside ${o.expected.min}–${o.expected.max}`}`,
    );
    expect(broken).toEqual([]);
  });
});

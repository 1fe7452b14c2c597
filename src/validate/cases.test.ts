// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../scenario/parse.js';
import { parseCase } from './cases.js';

const base = {
  id: 'example-case',
  title: 'An example',
  source: 'Author A. J Example 2000;1:1',
  published: '5.1 ± 1.5',
  area: 'drug-pd',
  role: 'pre-registered',
  scenario: {},
  metric: { kind: 'daily', field: 'igf1_ng_ml', day: 0 },
  expected: { min: 2, max: 8, unit: 'µg/L' },
};

const commit = 'a'.repeat(40);

function issuePaths(doc: unknown): string[] {
  try {
    parseCase(doc, 'x.yaml');
  } catch (error) {
    if (error instanceof ScenarioError) return error.issues.map((i) => i.path);
    throw error;
  }
  return [];
}

describe('validation case files', () => {
  it('reads the published mean with its spread and the recorded prediction', () => {
    const c = parseCase(
      {
        ...base,
        published_stats: { mean: 5.1, sd: 1.5, n: 7, provenance: 'abstract' },
        predicted: { value: 3.2, at_commit: commit, date: '2026-12-02', model_version: 'm/1' },
      },
      'x.yaml',
    );
    expect(c.published_stats).toEqual({ mean: 5.1, sd: 1.5, n: 7, provenance: 'abstract' });
    expect(c.predicted?.value).toBe(3.2);
    expect(c.role).toBe('pre-registered');
  });

  it('accepts an SE or a 95 % CI as the spread, and a null prediction with its reason', () => {
    expect(() =>
      parseCase({ ...base, published_stats: { mean: 5, se: 0.5, provenance: 'recalled' } }, 'x.yaml'),
    ).not.toThrow();
    expect(() =>
      parseCase({ ...base, published_stats: { mean: 5, ci95: [4, 6], provenance: 'full-text' } }, 'x.yaml'),
    ).not.toThrow();
    const c = parseCase(
      {
        ...base,
        predicted: {
          value: null,
          error: 'no series',
          at_commit: commit,
          date: '2026-12-02',
          model_version: 'm',
        },
      },
      'x.yaml',
    );
    expect(c.predicted?.value).toBeNull();
  });

  it('names the field when the spread is missing, doubled or inconsistent', () => {
    expect(issuePaths({ ...base, published_stats: { mean: 5, provenance: 'abstract' } })).toEqual([
      'x.yaml: published_stats.sd',
    ]);
    expect(
      issuePaths({ ...base, published_stats: { mean: 5, sd: 1, se: 0.3, provenance: 'abstract' } }),
    ).toEqual(['x.yaml: published_stats.se']);
    expect(
      issuePaths({ ...base, published_stats: { mean: 5, ci95: [6, 7], provenance: 'abstract' } }),
    ).toEqual(['x.yaml: published_stats.ci95']);
    expect(issuePaths({ ...base, published_stats: { mean: 5, sd: -1, provenance: 'abstract' } })).toEqual([
      'x.yaml: published_stats.sd',
    ]);
    expect(issuePaths({ ...base, published_stats: { mean: 5, sd: 1, provenance: 'guess' } })).toEqual([
      'x.yaml: published_stats.provenance',
    ]);
  });

  it('accepts a median with its IQR or range, and rejects a median with an SD', () => {
    expect(() =>
      parseCase(
        { ...base, published_stats: { median: 96, iqr: [93, 98], provenance: 'abstract' } },
        'x.yaml',
      ),
    ).not.toThrow();
    expect(() =>
      parseCase({ ...base, published_stats: { median: 5, range: [1, 9], provenance: 'abstract' } }, 'x.yaml'),
    ).not.toThrow();
    // A survival median (time to recovery) comes with its 95 % CI.
    expect(() =>
      parseCase({ ...base, published_stats: { median: 5, ci95: [4, 7], provenance: 'abstract' } }, 'x.yaml'),
    ).not.toThrow();
    expect(issuePaths({ ...base, published_stats: { median: 5, sd: 1, provenance: 'abstract' } })).toEqual([
      'x.yaml: published_stats.sd',
    ]);
    expect(
      issuePaths({ ...base, published_stats: { mean: 5, median: 5, sd: 1, provenance: 'abstract' } }),
    ).toEqual(['x.yaml: published_stats.mean']);
  });

  it('names the field of a malformed prediction', () => {
    const good = { value: 1, at_commit: commit, date: '2026-12-02', model_version: 'm' };
    expect(issuePaths({ ...base, predicted: { ...good, at_commit: 'abc' } })).toEqual([
      'x.yaml: predicted.at_commit',
    ]);
    expect(issuePaths({ ...base, predicted: { ...good, date: '2 Dec' } })).toEqual([
      'x.yaml: predicted.date',
    ]);
    expect(issuePaths({ ...base, predicted: { ...good, value: 'high' } })).toEqual([
      'x.yaml: predicted.value',
    ]);
    expect(issuePaths({ ...base, predicted: { ...good, extra: 1 } })).toEqual(['x.yaml: predicted']);
  });

  it('rejects an unknown role and an inverted expected range', () => {
    expect(issuePaths({ ...base, role: 'guessed' })).toEqual(['x.yaml: role']);
    expect(issuePaths({ ...base, expected: { min: 9, max: 8, unit: 'x' } })).toEqual(['x.yaml: expected']);
  });
});

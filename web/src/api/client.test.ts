// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { issuesOf } from './client.js';

describe('issuesOf', () => {
  it('takes the issue list when the API sends several', () => {
    const issues = [
      { path: 'patient.age_years', message: 'Too small' },
      { path: 'regimen[0].route', message: 'no route' },
    ];
    expect(
      issuesOf({ error: { code: 'INVALID_SCENARIO', message: 'x', path: 'patient.age_years', issues } }),
    ).toEqual(issues);
  });

  it('strips the "path: " prefix the API puts before a single issue', () => {
    expect(
      issuesOf({
        error: {
          code: 'INVALID_SCENARIO',
          message: 'duration_days: 400 days is longer than the API allows (365)',
          path: 'duration_days',
        },
      }),
    ).toEqual([{ path: 'duration_days', message: '400 days is longer than the API allows (365)' }]);
  });

  it('gives a path-less issue for a document-level error and nothing without an error', () => {
    expect(issuesOf({ error: { code: 'BAD_REQUEST', message: 'not JSON' } })).toEqual([
      { path: '', message: 'not JSON' },
    ]);
    expect(issuesOf({})).toEqual([]);
  });
});

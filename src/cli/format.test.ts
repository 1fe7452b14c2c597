// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { formatFindings, formatNumber, formatSds } from './format.js';

describe('number formatting', () => {
  it('shows n/a for missing values and signs SDS', () => {
    expect(formatNumber(null, 1)).toBe('n/a');
    expect(formatNumber(2.345, 1)).toBe('2.3');
    expect(formatSds(1.5)).toBe('+1.50');
    expect(formatSds(-0.4)).toBe('-0.40');
  });
});

describe('formatFindings', () => {
  it('prints severity, code and message of each finding', () => {
    const text = formatFindings({
      status: 'caution',
      findings: [{ code: 'X_CODE', severity: 'caution', message: 'why' }],
    });
    expect(text).toContain('caution');
    expect(text).toContain('X_CODE');
    expect(text).toContain('why');
  });
});

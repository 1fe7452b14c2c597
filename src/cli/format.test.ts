// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { DAILY_FIELDS } from '../scenario/index.js';
import type { DailyRow } from '../scenario/index.js';
import { dailyCsv, formatFindings, formatNumber, formatSds } from './format.js';

function row(day: number, fill: number | null): DailyRow {
  return Object.fromEntries(DAILY_FIELDS.map((f) => [f, f === 'day' ? day : fill])) as unknown as DailyRow;
}

describe('dailyCsv', () => {
  it('writes the contract header, one line per day and nulls as empty cells', () => {
    const csv = dailyCsv([row(0, 1.5), { ...row(1, 2), testosterone_mean_ng_dl: null }]);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(DAILY_FIELDS.join(','));
    expect(lines[1]).toBe(['0', ...Array<string>(DAILY_FIELDS.length - 1).fill('1.5')].join(','));
    expect(lines[2].split(',')[DAILY_FIELDS.indexOf('testosterone_mean_ng_dl')]).toBe('');
    expect(csv.endsWith('\n')).toBe(true);
  });
});

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

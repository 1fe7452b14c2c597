// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { parseCsvNumber, parseSeriesCsv } from './csv.js';

const rows = (n: number): string =>
  Array.from({ length: n }, (_, i) => `${i * 10},${(1 + i / 10).toFixed(2)}`).join('\n');

describe('parseCsvNumber', () => {
  it('accepts decimals and exponents only', () => {
    expect(parseCsvNumber('1.5e-3')).toBe(0.0015);
    expect(parseCsvNumber('-.5')).toBe(-0.5);
    for (const bad of ['', '0x10', 'Infinity', '1,5', 'abc']) expect(parseCsvNumber(bad)).toBeNull();
  });
});

describe('parseSeriesCsv', () => {
  it('reads time_min,value with a header, skipping blank lines and a byte-order mark', () => {
    const series = parseSeriesCsv(`\uFEFFtime_min,value\r\n${rows(10)}\n\n`);
    expect(series.t_min).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(series.value[3]).toBe(1.3);
  });

  it('names the line of a bad row (the header is line 1)', () => {
    const lines = `time_min,value\n${rows(12)}`.split('\n');
    lines[4] = '30,-0.1';
    expect(() => parseSeriesCsv(lines.join('\n'))).toThrow(/^line 5: value must be ≥ 0, got -0.1$/);
    lines[4] = '20,1.0';
    expect(() => parseSeriesCsv(lines.join('\n'))).toThrow(
      /^line 5: t_min must increase strictly, got 20 after 20$/,
    );
    lines[4] = '30,n/a';
    expect(() => parseSeriesCsv(lines.join('\n'))).toThrow(
      /^line 5: value must be a finite number ≥ 0, got n\/a$/,
    );
    lines[4] = '30';
    expect(() => parseSeriesCsv(lines.join('\n'))).toThrow(/^line 5: expected 2 fields/);
  });

  it('requires the header and at least 10 samples', () => {
    expect(() => parseSeriesCsv(rows(12))).toThrow(/line 1: the header must be 'time_min,value'/);
    expect(() => parseSeriesCsv('')).toThrow(/got an empty file/);
    expect(() => parseSeriesCsv(`time_min,value\n${rows(9)}`)).toThrow(/at least 10 samples, got 9/);
  });
});

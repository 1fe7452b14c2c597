// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv.js';
import { dailyCsv, DAILY_TABLE_FIELDS } from './daily-table.js';
import { DAILY_FIELDS, type DailyRow } from './result.js';

function row(day: number, fill: number | null): DailyRow {
  return Object.fromEntries(
    DAILY_TABLE_FIELDS.map((f) => [f, f === 'day' ? day : fill]),
  ) as unknown as DailyRow;
}

describe('daily table', () => {
  it('has every field of a row: the v1 contract fields first, then the added ones', () => {
    expect(DAILY_TABLE_FIELDS.slice(0, DAILY_FIELDS.length)).toEqual([...DAILY_FIELDS]);
    expect(DAILY_TABLE_FIELDS).toContain('skin_thickness_index');
    expect(new Set(DAILY_TABLE_FIELDS).size).toBe(DAILY_TABLE_FIELDS.length);
  });

  it('writes the header, one line per day, nulls and absent fields as empty cells', () => {
    const partial: DailyRow = { ...row(1, 2), testosterone_mean_ng_dl: null };
    delete partial.skin_thickness_index;
    const records = readCsv(dailyCsv([row(0, 1.5), partial])).map((r) => r.fields);
    expect(records[0]).toEqual(DAILY_TABLE_FIELDS);
    expect(records[1]).toEqual(['0', ...Array<string>(DAILY_TABLE_FIELDS.length - 1).fill('1.5')]);
    expect(records[2][DAILY_TABLE_FIELDS.indexOf('testosterone_mean_ng_dl')]).toBe('');
    expect(records[2][DAILY_TABLE_FIELDS.indexOf('skin_thickness_index')]).toBe('');
  });
});

// SPDX-License-Identifier: MIT
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { DAILY_FIELD_UNITS, DAILY_TABLE_FIELDS } from '../scenario/index.js';
import type { DailyRow } from '../scenario/index.js';
import { dailyParquet, PARQUET_UNITS_KEY } from './parquet.js';

/** A row with a distinct value in every column (so a swapped column shows), some left null. */
function row(day: number): DailyRow {
  const cells = DAILY_TABLE_FIELDS.map((f, i) => [f, f === 'day' ? day : day * 100 + i + 1 / 3]);
  const values = Object.fromEntries(cells) as unknown as DailyRow;
  return { ...values, igf1_ng_ml: day === 1 ? null : 105.25 + day };
}

describe('daily table as Parquet', () => {
  it('reads back (with an independent reader) to every column, value and null exactly', async () => {
    const daily = [row(0), row(1), row(2)];
    const file = new Uint8Array(dailyParquet(daily)).buffer;
    const back = (await parquetReadObjects({ file })) as Record<string, unknown>[];
    expect(DAILY_TABLE_FIELDS).toHaveLength(28);
    expect(back).toHaveLength(3);
    expect(Object.keys(back[0])).toEqual(DAILY_TABLE_FIELDS);
    back.forEach((r, i) => {
      for (const f of DAILY_TABLE_FIELDS) expect(r[f]).toBe(daily[i][f]);
    });
    expect(back[1].igf1_ng_ml).toBeNull();
  });

  it('carries the unit of every column and the extra metadata', () => {
    const bytes = dailyParquet([row(0)], { 'endotwin.seed': '7' });
    const meta = parquetMetadata(new Uint8Array(bytes).buffer);
    const kv = Object.fromEntries((meta.key_value_metadata ?? []).map((e) => [e.key, e.value]));
    expect(JSON.parse(kv[PARQUET_UNITS_KEY] ?? '{}')).toEqual(DAILY_FIELD_UNITS);
    expect(kv['endotwin.seed']).toBe('7');
  });
});

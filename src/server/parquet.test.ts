// SPDX-License-Identifier: MIT
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { DAILY_FIELDS } from '../scenario/index.js';
import type { DailyRow } from '../scenario/index.js';
import { dailyParquet } from './parquet.js';

function row(day: number, igf1: number | null): DailyRow {
  const r = Object.fromEntries(DAILY_FIELDS.map((f) => [f, null])) as unknown as DailyRow;
  return { ...r, day, igf1_ng_ml: igf1, gh_mean_ug_l: 0.1 + day / 3 };
}

describe('daily table as Parquet', () => {
  it('reads back (with an independent reader) to the same columns, values and nulls', async () => {
    const daily = [row(0, 105.25), row(1, null), row(2, 131.0000001)];
    const bytes = dailyParquet(daily);
    const file = new Uint8Array(bytes).buffer;
    const back = (await parquetReadObjects({ file })) as Record<string, unknown>[];
    expect(back).toHaveLength(3);
    expect(Object.keys(back[0])).toEqual([...DAILY_FIELDS]);
    expect(back.map((r) => r.day)).toEqual([0, 1, 2]);
    expect(back.map((r) => r.igf1_ng_ml)).toEqual([105.25, null, 131.0000001]);
    expect(back.map((r) => r.gh_mean_ug_l)).toEqual(daily.map((r) => r.gh_mean_ug_l));
    expect(back[0].homa_ir).toBeNull();
  });
});

// SPDX-License-Identifier: MIT
/**
 * The daily table of a result as Apache Parquet: the columns of the CSV table in the same order (day as int32,
 * every other field a nullable double so `null` stays null), Snappy-compressed, written with hyparquet-writer.
 * The file's key-value metadata carries each column's unit (`endotwin.units`, a JSON object field → unit) and the
 * model version that produced it.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import { DAILY_FIELD_UNITS, DAILY_TABLE_FIELDS, dailyValue } from '../scenario/index.js';
import type { DailyRow } from '../scenario/index.js';

/** The metadata key whose value is the JSON object of column units. */
export const PARQUET_UNITS_KEY = 'endotwin.units';

/** Parquet bytes of the daily rows, columns in the table's order; `extra` adds key-value metadata. */
export function dailyParquet(
  daily: readonly DailyRow[],
  extra: Readonly<Record<string, string>> = {},
): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: DAILY_TABLE_FIELDS.map((field) =>
      field === 'day'
        ? { name: field, data: daily.map((row) => row.day), type: 'INT32', nullable: false }
        : { name: field, data: daily.map((row) => dailyValue(row, field)), type: 'DOUBLE' },
    ),
    kvMetadata: [
      { key: PARQUET_UNITS_KEY, value: JSON.stringify(DAILY_FIELD_UNITS) },
      ...Object.entries(extra).map(([key, value]) => ({ key, value })),
    ],
    createdBy: 'endotwin',
  });
  return new Uint8Array(buffer);
}

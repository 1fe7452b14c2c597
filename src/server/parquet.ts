// SPDX-License-Identifier: MIT
/**
 * The daily table of a result as Apache Parquet: one column a field of the contract (day as int32, every other
 * field as a nullable float64 so `null` stays null), Snappy-compressed. Built with apache-arrow and written with
 * parquet-wasm (reference/dependencies.md: both known to work here).
 */
import { Float64, Int32, Table as ArrowTable, tableToIPC, vectorFromArray } from 'apache-arrow';
import type { Vector } from 'apache-arrow';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm';
import { DAILY_FIELDS } from '../scenario/index.js';
import type { DailyRow } from '../scenario/index.js';

/** Parquet bytes of the daily rows, columns in the contract's order. */
export function dailyParquet(daily: readonly DailyRow[]): Uint8Array {
  const columns: Record<string, Vector> = {};
  for (const field of DAILY_FIELDS) {
    columns[field] =
      field === 'day'
        ? vectorFromArray(
            daily.map((row) => row.day),
            new Int32(),
          )
        : vectorFromArray(
            daily.map((row) => row[field]),
            new Float64(),
          );
  }
  const ipc = tableToIPC(new ArrowTable(columns), 'stream');
  const properties = new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).build();
  return writeParquet(WasmTable.fromIPCStream(ipc), properties);
}

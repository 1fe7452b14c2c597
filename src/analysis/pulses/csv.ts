// SPDX-License-Identifier: MIT
/**
 * Reading a hormone series from CSV text (no file access here: the caller reads the file). The format is a header
 * line `time_min,value` and one sample per line; blank lines are ignored; fields may be double-quoted (the project's
 * one CSV reader and writer, src/scenario/csv.ts).
 */
import { CsvSyntaxError, readCsv, writeCsv } from '../../scenario/csv.js';
import type { CsvRecord } from '../../scenario/csv.js';
import type { HormoneSeries } from './series.js';
import { MIN_SAMPLES, SeriesInputError, sampleProblem } from './series.js';

/** A CSV number: plain decimal or exponent notation only (no hex, no empty string, no "Infinity"). */
export function parseCsvNumber(field: string): number | null {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(field) ? Number(field) : null;
}

/**
 * Parses `time_min,value` CSV text into a series, checking every row as pulse detection would. Throws a
 * {@link SeriesInputError} whose message names the line (1-based, the header being line 1) and the column.
 * @example parseSeriesCsv('time_min,value\n0,1.2\n10,3.4\n…')
 */
export function parseSeriesCsv(text: string): HormoneSeries {
  let records: CsvRecord[];
  try {
    records = readCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw new SeriesInputError(`line ${error.line}: ${error.message}`, 'row');
  }
  const header = records[0]?.fields.map((h) => h.toLowerCase());
  if (!header || header.length !== 2 || header[0] !== 'time_min' || header[1] !== 'value') {
    const got = records.length > 0 ? `'${records[0].fields.join(',')}'` : 'an empty file';
    throw new SeriesInputError(`line 1: the header must be 'time_min,value', got ${got}`, 'header');
  }
  const times: number[] = [];
  const values: number[] = [];
  for (const { line, fields } of records.slice(1)) {
    if (fields.length !== 2) {
      throw new SeriesInputError(
        `line ${line}: expected 2 fields 'time_min,value', got '${fields.join(',')}'`,
        'row',
      );
    }
    const time = parseCsvNumber(fields[0]) ?? fields[0];
    const value = parseCsvNumber(fields[1]) ?? fields[1];
    const problem = sampleProblem(time, value, times.length > 0 ? times[times.length - 1] : undefined);
    if (problem) throw new SeriesInputError(`line ${line}: ${problem.message}`, problem.field);
    times.push(time as number);
    values.push(value as number);
  }
  if (times.length < MIN_SAMPLES) {
    throw new SeriesInputError(
      `pulse detection needs at least ${MIN_SAMPLES} samples, got ${times.length}`,
      't_min',
    );
  }
  return { t_min: times, value: values };
}

/**
 * Writes a series as `time_min,value` CSV (the format {@link parseSeriesCsv} reads), values rounded to `decimals`.
 * @example formatSeriesCsv({ t_min: [0, 10], value: [0.1234, 2] }, 3) // 'time_min,value\n0,0.123\n10,2.000\n'
 */
export function formatSeriesCsv(series: HormoneSeries, decimals = 3): string {
  const rows = series.t_min.map((t, i) => [t, series.value[i].toFixed(decimals)]);
  return writeCsv(['time_min', 'value'], rows);
}

// SPDX-License-Identifier: MIT
/**
 * The project's one CSV writer and reader (RFC 4180: fields with commas, quotes or line breaks are quoted, `""`
 * escapes a quote; `\n` line ends written, `\n` and `\r\n` read). Every table the project writes or reads as CSV
 * goes through here, so quoting and line numbers behave the same on every surface.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** A cell value: `null` and `undefined` become an empty cell; numbers use their shortest round-trip text. */
export type CsvCell = string | number | boolean | null | undefined;

/** CSV text of a header line and the rows under it, each line ended by `\n`. */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const records = [header, ...rows].map((row) =>
    row.map((cell) => (cell === null || cell === undefined ? '' : cell)),
  );
  return stringify(records, { record_delimiter: 'unix', cast: { number: (value) => String(value) } });
}

/** One record of a CSV file and the (1-based) line of the file it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A CSV file that is not well formed (an unclosed quote, a stray quote), with the line where reading stopped. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** Line breaks inside a record's quoted fields: the parser reports the line a record ends on. */
function lineBreaksIn(record: readonly string[]): number {
  return record.reduce((sum, field) => sum + (field.match(/\n/g)?.length ?? 0), 0);
}

interface CsvParseFailure {
  message: string;
  lines?: number;
}

/**
 * The records of CSV text, fields trimmed, blank lines skipped, each with the line it starts on (a quoted field may
 * span lines). Rows may have different lengths: the caller checks the shape it needs. Throws {@link CsvSyntaxError}.
 */
export function readCsv(text: string): CsvRecord[] {
  // One line end throughout: the parser's line count is off after a quoted `\r\n`.
  const unix = text.replace(/\r\n/g, '\n');
  try {
    const records = parse(unix, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as unknown as { info: { lines: number; records: number }; record: string[] }[];
    return records
      .filter(({ record }) => record.some((field) => field !== ''))
      .map(({ info, record }) => ({ line: info.lines - lineBreaksIn(record), fields: record }));
  } catch (error) {
    const failure = error as CsvParseFailure;
    throw new CsvSyntaxError(failure.message, failure.lines ?? 1);
  }
}

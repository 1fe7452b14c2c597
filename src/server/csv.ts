// SPDX-License-Identifier: MIT
/** The daily table of a result as CSV: the contract's field order, one row a day, `null` as an empty cell. */
import { DAILY_FIELDS } from '../scenario/index.js';
import type { DailyRow } from '../scenario/index.js';

function cell(value: number | null): string {
  return value === null ? '' : String(value); // shortest text that reads back as the same double
}

/** CSV text (RFC 4180, `\r\n` line ends) of the daily rows, with a header line. */
export function dailyCsv(daily: readonly DailyRow[]): string {
  const lines = [DAILY_FIELDS.join(',')];
  for (const row of daily) lines.push(DAILY_FIELDS.map((field) => cell(row[field])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

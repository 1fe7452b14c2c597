// SPDX-License-Identifier: MIT
/** Text and CSV renderings of screenings, results and numbers for the terminal. */
import { DAILY_FIELDS } from '../scenario/index.js';
import type { DailyRow, Screening } from '../scenario/index.js';

/**
 * A number with a fixed count of decimals, or `n/a` for a quantity the model did not produce.
 * @example formatNumber(1.2345, 2) // '1.23'
 */
export function formatNumber(value: number | null | undefined, decimals: number): string {
  return value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(decimals);
}

/** A signed SD score such as `+1.52` or `-0.40`. */
export function formatSds(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  return `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;
}

/** One line per finding, most severe first, indented: `  caution          CODE  message`. */
export function formatFindings(screening: Screening, indent = '  '): string {
  return screening.findings
    .map((f) => `${indent}${f.severity.padEnd(15)} ${f.code}\n${indent}${' '.repeat(16)}${f.message}\n`)
    .join('');
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' || typeof value === 'string' ? String(value) : JSON.stringify(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The daily table as CSV: a header with the contract's fields in contract order (then any extra fields the rows
 * carry), one line per day, `null` as an empty cell.
 */
export function dailyCsv(daily: readonly DailyRow[]): string {
  const extra =
    daily.length > 0
      ? Object.keys(daily[0]).filter((k) => !(DAILY_FIELDS as readonly string[]).includes(k))
      : [];
  const fields = [...DAILY_FIELDS, ...extra];
  const rows = daily.map((row) =>
    fields.map((f) => csvCell((row as unknown as Record<string, unknown>)[f])).join(','),
  );
  return `${[fields.join(','), ...rows].join('\n')}\n`;
}

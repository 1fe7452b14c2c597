// SPDX-License-Identifier: MIT
/** Text renderings of screenings and numbers for the terminal. */
import type { Screening } from '../scenario/index.js';

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

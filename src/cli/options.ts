// SPDX-License-Identifier: MIT
/** Parsers of command-line option values, with messages that name the option, the value and what is allowed. */
import { invalidInput } from './errors.js';

/** A closed numeric range for an option. */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
  /** Unit shown in the message, e.g. `ng/mL`. */
  readonly unit?: string;
}

/**
 * Parses a numeric option.
 * @example parseNumberOption('--age', 'abc', { min: 18, max: 100 }) // throws "--age must be a number from 18 to 100, got abc"
 * @throws CliError (exit 2) for text that is not a finite number in the range.
 */
export function parseNumberOption(name: string, raw: string | undefined, range: NumberRange): number {
  const text = (raw ?? '').trim();
  const value = text === '' ? Number.NaN : Number(text);
  if (!(Number.isFinite(value) && value >= range.min && value <= range.max)) {
    const unit = range.unit ? ` ${range.unit}` : '';
    throw invalidInput(
      `${name} must be a number from ${range.min} to ${range.max}${unit}, got ${raw ?? '(nothing)'}`,
    );
  }
  return value;
}

/**
 * Parses an option that takes one of a few words.
 * @throws CliError (exit 2) naming the allowed words.
 */
export function parseChoiceOption<T extends string>(
  name: string,
  raw: string | undefined,
  allowed: readonly T[],
): T {
  if (raw !== undefined && (allowed as readonly string[]).includes(raw)) return raw as T;
  throw invalidInput(`${name} must be one of ${allowed.join(', ')}, got ${raw ?? '(nothing)'}`);
}

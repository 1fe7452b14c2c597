// SPDX-License-Identifier: MIT
/** The SBML Test Suite's settings file: output grid, reported variables and how species are reported. */
import { SbmlError } from './errors.js';

/** What to report and when. */
export interface SimulationSettings {
  readonly start: number;
  readonly duration: number;
  readonly steps: number;
  readonly variables: readonly string[];
  /** Suite tolerances (used to score, and to choose solver tolerances). */
  readonly absolute: number;
  readonly relative: number;
  /** Species reported as amounts. */
  readonly amount: ReadonlySet<string>;
  /** Species reported as concentrations. */
  readonly concentration: ReadonlySet<string>;
}

/**
 * Parses a settings file (`key: value` lines).
 * @throws SbmlError (invalid, element `settings`) naming the field for a missing or out-of-range value.
 */
export function parseSettings(text: string): SimulationSettings {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z]+)\s*:(.*)$/.exec(line);
    if (m) fields.set(m[1].toLowerCase(), m[2].trim());
  }
  const number = (key: string, fallback?: number): number => {
    const raw = fields.get(key);
    if (raw === undefined || raw === '') {
      if (fallback !== undefined) return fallback;
      throw new SbmlError('invalid', 'settings', `missing '${key}'`);
    }
    const x = Number(raw);
    if (!Number.isFinite(x))
      throw new SbmlError('invalid', 'settings', `'${key}: ${raw}' is not a finite number`);
    return x;
  };
  const list = (key: string): string[] =>
    (fields.get(key) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  const steps = number('steps');
  if (!Number.isInteger(steps) || steps < 1) {
    throw new SbmlError('invalid', 'settings', `'steps: ${steps}' must be an integer >= 1`);
  }
  const duration = number('duration');
  if (!(duration > 0)) throw new SbmlError('invalid', 'settings', `'duration: ${duration}' must be > 0`);
  return {
    start: number('start', 0),
    duration,
    steps,
    variables: list('variables'),
    absolute: number('absolute', 1e-10),
    relative: number('relative', 1e-6),
    amount: new Set(list('amount')),
    concentration: new Set(list('concentration')),
  };
}

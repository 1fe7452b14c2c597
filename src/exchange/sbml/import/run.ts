// SPDX-License-Identifier: MIT
/** From SBML text and a settings file to the suite's CSV: read, compile, run, format. */
import { SbmlError } from './errors.js';
import { readSbml } from './model.js';
import { compileSbml, type CompiledSbml } from './plan.js';
import type { SimulationSettings } from './settings.js';
import { runSbml, type ColumnReader, type SbmlRows, type SbmlRunOptions } from './simulate.js';

/** Reads and compiles an SBML document (compile once, run many times). */
export function importSbml(xml: string): CompiledSbml {
  return compileSbml(readSbml(xml));
}

/**
 * How to read a reported variable: a species as amount or concentration as the settings say (its own symbol
 * otherwise), anything else by its value.
 * @throws SbmlError (invalid, element `settings`) for a name that is not a symbol of the model.
 */
export function columnReader(model: CompiledSbml, name: string, settings: SimulationSettings): ColumnReader {
  const s = model.symbols.get(name);
  if (!s)
    throw new SbmlError(
      'invalid',
      'settings',
      `variable '${name}' is not a symbol of model ${model.modelId}`,
    );
  if (s.kind !== 'species') return (v) => v[s.slot];
  const amount = s.amountSlot;
  const compartment = model.symbols.get(s.compartment ?? '')?.slot ?? -1;
  if (settings.amount.has(name)) return (v) => v[amount];
  if (settings.concentration.has(name)) return (v) => v[amount] / v[compartment];
  return (v) => v[s.slot];
}

/** Runs a compiled model as the settings ask; returns the rows (time first). */
export function simulateWithSettings(
  model: CompiledSbml,
  settings: SimulationSettings,
  options: SbmlRunOptions = {},
): SbmlRows {
  const columns = settings.variables.map((name) => columnReader(model, name, settings));
  return runSbml(
    model,
    { start: settings.start, duration: settings.duration, steps: settings.steps, columns },
    options,
  );
}

/** Formats rows as the suite's CSV: a `time,…` header, then one line per row with full precision. */
export function formatSbmlCsv(variables: readonly string[], rows: SbmlRows): string {
  const lines = [['time', ...variables].join(',')];
  for (const row of rows) lines.push(Array.from(row, (x) => String(x)).join(','));
  return `${lines.join('\n')}\n`;
}

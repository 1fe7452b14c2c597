// SPDX-License-Identifier: MIT
/**
 * Imported SBML models on endotwin's scenario vocabulary: parameter overrides, doses injected into a named species
 * at given times, and series requested by name on a regular grid.
 */
import { SbmlError } from './errors.js';
import type { CompiledSbml } from './plan.js';
import { runSbml, type ColumnReader, type SbmlInjection, type SbmlRunOptions } from './simulate.js';

/** A dose: `amount` (in the species' substance unit) added to species `species` at `time` (model time unit). */
export interface ImportedDose {
  readonly species: string;
  readonly time: number;
  readonly amount: number;
}

/** What to run. Times are in the model's own time unit. */
export interface ImportedRunRequest {
  /** Start values replacing the model's, by parameter or compartment id; initial assignments using them follow. */
  readonly overrides?: Readonly<Record<string, number>>;
  readonly doses?: readonly ImportedDose[];
  /** Symbols to report, by id; a species is reported as the model's math reads it (concentration or amount). */
  readonly series: readonly string[];
  readonly duration: number;
  /** First output time (default 0); outputs at start + k·duration/steps. */
  readonly start?: number;
  /** Grid intervals (default 100): samples at k·duration/steps. */
  readonly steps?: number;
  readonly options?: Omit<SbmlRunOptions, 'initialValues' | 'injections'>;
}

/** Sampled series: `time` and one array per requested name. */
export interface ImportedRunResult {
  readonly time: Float64Array;
  readonly series: Readonly<Record<string, Float64Array>>;
}

/**
 * Runs an imported model with overrides, doses and named series.
 * @throws SbmlError (invalid) naming the field: an unknown or non-overridable id, a dose into something that is
 *   not a species or at a time outside [0, duration], a duration or step count out of range.
 */
export function simulateImported(model: CompiledSbml, request: ImportedRunRequest): ImportedRunResult {
  const { duration } = request;
  const start = request.start ?? 0;
  if (!(start >= 0) || !Number.isFinite(start)) {
    throw new SbmlError('invalid', 'start', `${start} must be a finite number >= 0`);
  }
  const steps = request.steps ?? 100;
  if (!(duration > 0) || !Number.isFinite(duration)) {
    throw new SbmlError('invalid', 'duration', `${duration} must be a finite number > 0`);
  }
  if (!Number.isInteger(steps) || steps < 1)
    throw new SbmlError('invalid', 'steps', `${steps} must be an integer >= 1`);
  const initialValues = Object.entries(request.overrides ?? {}).map(([id, value]) => {
    const s = model.symbols.get(id);
    if (!s || (s.kind !== 'parameter' && s.kind !== 'compartment')) {
      throw new SbmlError('invalid', `overrides.${id}`, 'not a parameter or compartment of the model');
    }
    if (model.assignmentRuleTargets.has(id)) {
      throw new SbmlError(
        'invalid',
        `overrides.${id}`,
        'set by an assignment rule, so it cannot be overridden',
      );
    }
    if (!Number.isFinite(value))
      throw new SbmlError('invalid', `overrides.${id}`, `${value} is not a finite number`);
    return { slot: s.slot, value };
  });
  const injections: SbmlInjection[] = (request.doses ?? []).map((dose, i) => {
    const s = model.symbols.get(dose.species);
    if (!s || s.kind !== 'species')
      throw new SbmlError('invalid', `doses[${i}].species`, `'${dose.species}' is not a species`);
    if (model.assignmentRuleTargets.has(dose.species) || s.constant) {
      throw new SbmlError('invalid', `doses[${i}].species`, `'${dose.species}' is constant or set by a rule`);
    }
    if (!(dose.time >= 0 && dose.time <= start + duration)) {
      throw new SbmlError('invalid', `doses[${i}].time`, `${dose.time} is outside [0, ${start + duration}]`);
    }
    if (!Number.isFinite(dose.amount))
      throw new SbmlError('invalid', `doses[${i}].amount`, 'not a finite number');
    return { time: dose.time, slot: s.amountSlot, amount: dose.amount };
  });
  injections.sort((a, b) => a.time - b.time);
  const columns: ColumnReader[] = request.series.map((name, i) => {
    const s = model.symbols.get(name);
    if (!s) throw new SbmlError('invalid', `series[${i}]`, `'${name}' is not a symbol of the model`);
    return (v) => v[s.slot];
  });
  const rows = runSbml(
    model,
    { start, duration, steps, columns },
    { ...request.options, initialValues, injections },
  );
  const time = Float64Array.from(rows, (r) => r[0]);
  const series: Record<string, Float64Array> = {};
  request.series.forEach((name, i) => (series[name] = Float64Array.from(rows, (r) => r[i + 1])));
  return { time, series };
}

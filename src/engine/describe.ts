// SPDX-License-Identifier: MIT
import { InvalidOptionError } from './errors.js';
import type { CompiledModel, EvidenceLevel } from './types.js';

/** One parameter of a compiled model, as a plain row for tables (docs, CLI, API). */
export interface ParameterRow {
  /** Slot in the parameter vector. */
  readonly index: number;
  readonly name: string;
  /** The value in `unit`: the declared default, or the one from the vector passed to `describeModel`. */
  readonly value: number;
  readonly unit: string;
  readonly description: string;
  readonly source: string;
  readonly evidence: EvidenceLevel;
}

/**
 * The parameters of a compiled model as table rows, in index order.
 *
 * @param values - a parameter vector to report instead of the declared defaults (e.g. one patient's values); its
 *   length must equal the number of parameters.
 */
export function describeModel(compiled: CompiledModel, values?: Float64Array): ParameterRow[] {
  if (values !== undefined && values.length !== compiled.parameters.length) {
    const allowed = `${compiled.parameters.length} (one value per parameter of model '${compiled.name}')`;
    throw new InvalidOptionError('values.length', values.length, allowed);
  }
  return compiled.parameters.map((p, index) => ({
    index,
    name: p.name,
    value: values === undefined ? p.value : values[index],
    unit: p.unit,
    description: p.description,
    source: p.source,
    evidence: p.evidence,
  }));
}

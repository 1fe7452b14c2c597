// SPDX-License-Identifier: MIT
/** The data dictionary that goes with a NONMEM-style dataset: every column, its unit and every code. */
import {
  COMPARTMENTS,
  MISSING,
  NONMEM_COLUMNS,
  SEX_CODES,
  type Compartment,
  type NonmemColumn,
} from './columns.js';
import type { NonmemDataset, ObservationCode } from './dataset.js';

/** The schema id of the dictionary document. */
export const NONMEM_DICTIONARY_SCHEMA_ID = 'endotwin/nonmem-dictionary/v1';

/** The dictionary document (written as JSON next to the CSV). */
export interface NonmemDictionary {
  readonly schema: typeof NONMEM_DICTIONARY_SCHEMA_ID;
  readonly source: string;
  readonly missing: typeof MISSING;
  readonly columns: readonly NonmemColumn[];
  readonly sex: typeof SEX_CODES;
  readonly compartments: readonly Compartment[];
  readonly observations: readonly ObservationCode[];
  readonly arms: readonly { readonly arm: number; readonly name: string }[];
  readonly skipped: NonmemDataset['skipped'];
}

/** The dictionary of a dataset. */
export function nonmemDictionary(dataset: NonmemDataset): NonmemDictionary {
  return {
    schema: NONMEM_DICTIONARY_SCHEMA_ID,
    source: dataset.source,
    missing: MISSING,
    columns: NONMEM_COLUMNS,
    sex: SEX_CODES,
    compartments: COMPARTMENTS,
    observations: dataset.observations,
    arms: dataset.arms.map((name, i) => ({ arm: i + 1, name })),
    skipped: dataset.skipped,
  };
}

/** Where the dictionary of a dataset file goes: `out.csv` → `out.dictionary.json`. */
export function dictionaryPathFor(csvPath: string): string {
  return `${csvPath.replace(/\.csv$/i, '')}.dictionary.json`;
}

// SPDX-License-Identifier: MIT
/** NONMEM-style datasets: a trial's patients out (with a data dictionary), a patient's dosing history in. */
export {
  COMPARTMENTS,
  MISSING,
  NONMEM_COLUMNS,
  SEX_CODES,
  compartmentOf,
  type Compartment,
} from './columns.js';
export {
  checkNonmemExportable,
  doseRow,
  nonmemCsv,
  trialNonmemDataset,
  type NonmemDataset,
  type NonmemRow,
} from './dataset.js';
export {
  NONMEM_DICTIONARY_SCHEMA_ID,
  dictionaryPathFor,
  nonmemDictionary,
  type NonmemDictionary,
} from './dictionary.js';
export {
  dosingFromNonmem,
  regimenFromDoses,
  type DosingHistory,
  type DosingImportOptions,
} from './dosing-import.js';
export { scenarioNonmemDataset } from './scenario-dataset.js';

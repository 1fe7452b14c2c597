// SPDX-License-Identifier: MIT
/** SBML Level 3 import: read a document, compile it once, and simulate it on an output grid. */
export { SbmlError, type SbmlErrorKind } from './errors.js';
export { readSbml, type SbmlModel } from './model.js';
export { compileSbml, type CompiledSbml, type SbmlSymbol } from './plan.js';
export { parseSettings, type SimulationSettings } from './settings.js';
export {
  runSbml,
  type ColumnReader,
  type SbmlOutputRequest,
  type SbmlRows,
  type SbmlRunOptions,
} from './simulate.js';
export { columnReader, formatSbmlCsv, importSbml, simulateWithSettings } from './run.js';
export {
  simulateImported,
  type ImportedDose,
  type ImportedRunRequest,
  type ImportedRunResult,
} from './scenario.js';
export { endotwinRestarts, endotwinRunOptions, endotwinRunOptionsOf } from './endotwin-run.js';
export {
  checkSbmlScenario,
  readSbmlScenario,
  runSbmlScenario,
  type SbmlScenario,
  type SbmlScenarioMapping,
  type SbmlScenarioResult,
} from './scenario-run.js';

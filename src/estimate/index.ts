// SPDX-License-Identifier: MIT
/**
 * Estimation: parameters as typed values, sensitivities (local and global) on a worker-thread pool, and the
 * numerical tools they share.
 */
export { freeParameters, type FreeParameter } from './free-parameters.js';
export {
  DAILY_OUTPUT_FIELDS,
  OutputSpecError,
  parseOutputSpec,
  readOutput,
  type OutputSpec,
} from './outputs.js';
export { parameterRow, parameterTable, type ParamRole, type ParamRow } from './parameters.js';
export { createRunPool, type RunPool, type RunProgress } from './pool.js';
export { evaluateRun, type RunTask } from './runs.js';
export {
  SENSITIVITY_METHODS,
  computeSensitivity,
  runsNeeded,
  type SensitivityEntry,
  type SensitivityMethod,
  type SensitivityReport,
  type SensitivityRequest,
} from './sensitivity.js';
export { drawParameterSets, uncertaintyBands, type Band, type UncertaintyBands } from './uncertainty.js';

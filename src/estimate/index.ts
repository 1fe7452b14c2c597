// SPDX-License-Identifier: MIT
/**
 * Estimation: parameters as typed values, sensitivities (local and global) on a worker-thread pool, and the
 * numerical tools they share.
 */
export { parameterRow, parameterTable, type ParamRole, type ParamRow } from './parameters.js';

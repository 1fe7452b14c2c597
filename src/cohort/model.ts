// SPDX-License-Identifier: MIT
/**
 * The one place the cohort layer reaches the model: `simulate` and the engine's identity. Every trial patient goes
 * through the same `simulate(scenario)` as the CLI and the API (ARCHITECTURE.md, "One path for every caller").
 */
export { simulate, ENGINE_VERSION, BURN_IN_DAYS } from '../simulate/index.js';
export { MODEL_NAME } from '../physiology/model.js';

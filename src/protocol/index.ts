// SPDX-License-Identifier: MIT
/**
 * Dosing and lifestyle as values: dose units, the regimen algebra and its text form, scenario parsing with the
 * regimen's checks, expansion into timed records, titration, contraindication screening.
 */
export * from './clock.js';
export * from './dose.js';
export * from './parse-scenario.js';
export * from './regimen-text.js';
export * from './lifestyle.js';
export {
  Regimen,
  RegimenError,
  expandRegimen,
  expansionContext,
  formatRegimenLine,
  parseRegimenText,
} from './regimen.js';
export type { DoseRecord, ExpansionContext, ParseRegimenOptions } from './regimen.js';
export * from './screening.js';
export * from './titration.js';

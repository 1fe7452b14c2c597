// SPDX-License-Identifier: MIT
/** Regimens and lifestyle into timed records, and contraindication screening. */
export * from './clock.js';
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

// SPDX-License-Identifier: MIT
/**
 * Types of what the API returns beyond the scenario contract's own, for the web app to import as types (erased at
 * build time; the layer check allows `web/` type-only imports of this module and of `src/scenario/`).
 */
export type { TrialResult } from '../cohort/analyse.js';

// SPDX-License-Identifier: MIT
/** The scenario and result contract (SCENARIO.md), re-exported for the layers above. */
export * from './schema.js';
export * from './parse.js';
export * from './result.js';
export * from './vocabulary.js';
export { MAX_QUOTE_CHARS, escapeControls, quoteValue } from './quote.js';
export * from './csv.js';
export * from './daily-table.js';

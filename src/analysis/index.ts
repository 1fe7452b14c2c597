// SPDX-License-Identifier: MIT
/** Pure analysis functions, usable on real lab data as well as on simulated results. */
export * from './igf1-sds.js';
export * from './homa.js';
export * from './normal.js';
export * from './summary.js';
export * from './units.js';

// SPDX-License-Identifier: MIT
/** Pulse detection by deconvolution, its inputs, and the synthetic series and scoring used to measure it. */
export * from './detect.js';
export * from './series.js';
export { formatSeriesCsv, parseSeriesCsv } from './csv.js';
export * from './kinetics.js';
export * from './synthetic.js';
export * from './scoring.js';

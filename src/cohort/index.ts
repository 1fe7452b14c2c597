// SPDX-License-Identifier: MIT
/**
 * Virtual trials: populations as tables, arms, endpoints and statistics, run on this thread, a worker-thread pool
 * or (see `engines/queue.ts`, loaded only when asked for) a BullMQ queue on Redis.
 */
export * from './schema.js';
export * from './parse.js';
export * from './population.js';
export * from './patient-scenario.js';
export * from './shards.js';
export * from './statistics.js';
export * from './distributions.js';
export * from './analyse.js';
export * from './run.js';
export * from './screen.js';
export * from './format.js';
export { ThreadEngine, type ThreadEngineOptions } from './engines/threads.js';
export { trialDosing } from './nonmem-dosing.js';

// SPDX-License-Identifier: MIT
/** Locating a worker-thread module of the cohort layer, from TypeScript sources (through tsx) or from the build. */
import { workerModule } from '../../engine/worker-module.js';

/**
 * The file URL of worker module `baseName` in this folder and the Node options it needs (see `workerModule`).
 * @example workerScript('thread-worker') // { filename: 'file:///…/thread-worker.js', execArgv: [] }
 */
export function workerScript(baseName: string): { filename: string; execArgv: string[] } {
  return workerModule(import.meta.url, baseName);
}

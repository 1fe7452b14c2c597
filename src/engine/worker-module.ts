// SPDX-License-Identifier: MIT
/** Locating a worker-thread module next to a given module, from TypeScript sources (through tsx) or the build. */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * The file URL of worker module `baseName` in the folder of `here` (a module's `import.meta.url`) and the Node
 * options it needs: from `.ts` sources (tests, tsx) the worker loads through tsx's loader; from the compiled `.js`
 * build it needs nothing.
 * @example workerModule(import.meta.url, 'thread-worker') // { filename: 'file:///…/thread-worker.js', execArgv: [] }
 */
export function workerModule(here: string, baseName: string): { filename: string; execArgv: string[] } {
  if (!here.endsWith('.ts')) return { filename: new URL(`./${baseName}.js`, here).href, execArgv: [] };
  const tsx = pathToFileURL(createRequire(here).resolve('tsx')).href;
  return { filename: new URL(`./${baseName}.ts`, here).href, execArgv: ['--import', tsx] };
}

// SPDX-License-Identifier: MIT
/** Locating a worker-thread module of the cohort layer, from TypeScript sources (through tsx) or from the build. */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * The file URL of worker module `baseName` in this folder and the Node options it needs: from `.ts` sources (tests,
 * tsx) the worker loads through tsx's loader; from the compiled `.js` build it needs nothing.
 * @example workerScript('thread-worker') // { filename: 'file:///…/thread-worker.js', execArgv: [] }
 */
export function workerScript(baseName: string): { filename: string; execArgv: string[] } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { filename: new URL(`./${baseName}.js`, here).href, execArgv: [] };
  const tsx = pathToFileURL(createRequire(here).resolve('tsx')).href;
  return { filename: new URL(`./${baseName}.ts`, here).href, execArgv: ['--import', tsx] };
}

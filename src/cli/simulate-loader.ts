// SPDX-License-Identifier: MIT
/**
 * Loads `simulate` from `src/simulate/index.ts` at run time. The import is dynamic so that the commands that do not need
 * the model (`check`, `homa`, `igf1-sds`) work, and the CLI compiles, in a build where the model is absent.
 */
import type { Result, Scenario } from '../scenario/index.js';
import { CliError, ExitCode } from './errors.js';

/** Options `simulate` accepts. */
export interface SimulateOptions {
  /** Called with the fraction done, from 0 to 1. */
  onProgress?(fraction: number): void;
}

/** The signature of `simulate` in `src/simulate/index.ts`. */
export type SimulateFunction = (scenario: Scenario, options?: SimulateOptions) => Result;

// A variable specifier keeps TypeScript from requiring the module at compile time.
const SIMULATE_MODULE = '../simulate/index.js';

function isMissingSimulateModule(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    code === 'ERR_MODULE_NOT_FOUND' &&
    typeof message === 'string' &&
    /[/\\]simulate[/\\]index\.(js|ts)\b/.test(message)
  );
}

/**
 * The model's `simulate` function.
 * @throws CliError (exit 1) when the model is not part of this build or does not export `simulate`.
 */
export async function loadSimulate(): Promise<SimulateFunction> {
  let module: unknown;
  try {
    module = await import(SIMULATE_MODULE);
  } catch (error) {
    if (isMissingSimulateModule(error)) {
      throw new CliError(
        'the model is not available in this build (src/simulate/index.ts is missing), so scenarios cannot be simulated; ' +
          '`check`, `homa` and `igf1-sds` work without it',
        ExitCode.FAILURE,
      );
    }
    throw error;
  }
  const simulate = (module as { simulate?: unknown }).simulate;
  if (typeof simulate !== 'function') {
    throw new CliError('src/simulate/index.ts does not export a function named simulate', ExitCode.FAILURE);
  }
  return simulate as SimulateFunction;
}

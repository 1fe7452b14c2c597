// SPDX-License-Identifier: MIT
/**
 * Loads `simulate` on first use: the commands that do not simulate (`check`, `homa`, `igf1-sds`, `analyze`) then
 * start without compiling the model's modules.
 */
import type { simulate } from '../simulate/index.js';

/** Options `simulate` accepts. */
export type SimulateOptions = NonNullable<Parameters<typeof simulate>[1]>;

/** The signature of `simulate`. */
export type SimulateFunction = typeof simulate;

/** The model's `simulate` function. */
export async function loadSimulate(): Promise<SimulateFunction> {
  return (await import('../simulate/index.js')).simulate;
}

// SPDX-License-Identifier: MIT
/** Small types shared by the stages of `simulate`. */

/** State and inputs at the end of a stretch of integration. */
export interface EndState {
  readonly y: Float64Array;
  readonly u: Float64Array;
}

/** Progress callbacks by simulated span: a callback for [from, to], or undefined when nobody listens. */
export type ProgressSpan = (from: number, to: number) => ((fraction: number) => void) | undefined;

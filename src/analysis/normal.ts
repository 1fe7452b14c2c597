// SPDX-License-Identifier: MIT
/** The standard normal distribution, for turning SD scores into percentiles. */
import { erfc } from './pulses/special-functions.js';

/** erfc is the precise one of the pulse analysis (relative error near 1e-14), the project's only copy. */
export { erfc };

/**
 * Φ(z): the probability that a standard normal variable is at most `z`.
 * @example normalCdf(1.96) // ≈ 0.975
 */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

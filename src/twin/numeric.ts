// SPDX-License-Identifier: MIT
/**
 * The quantile of a mixture of log-normals that the twin's predictions need. The dense algebra, the normal
 * generator and sample quantiles are the shared ones of `estimate/numeric.ts`.
 */
import { normalCdf } from '../analysis/normal.js';

/**
 * The q-quantile of an equal-weight mixture of log-normals with medians `medians` (all > 0) and one log-scale SD
 * `sdLog` > 0: the x with mean over k of Φ((ln x − ln mₖ)/σ) = q, found by bisection on ln x to 1e-10.
 */
export function logNormalMixtureQuantile(medians: readonly number[], sdLog: number, q: number): number {
  const logs = medians.map(Math.log);
  const cdf = (x: number): number =>
    logs.reduce((sum, m) => sum + normalCdf((x - m) / sdLog), 0) / logs.length;
  let lo = Math.min(...logs) - 8 * sdLog;
  let hi = Math.max(...logs) + 8 * sdLog;
  while (hi - lo > 1e-10) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < q) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

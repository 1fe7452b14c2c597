// SPDX-License-Identifier: MIT
/**
 * The distribution functions the trial statistics and the population sampler need: the standard normal CDF and
 * quantile, Student's t quantile, and a truncated normal drawn by inversion (one uniform per draw, so a patient's
 * covariates never depend on how many draws a rejection loop happened to take).
 */
import { normalCdf } from '../analysis/normal.js';
import { studentTUpperTail } from '../analysis/pulses/special-functions.js';

/**
 * Φ(z), the standard normal CDF, to about 1e-14 relative: the analysis layer's `normalCdf`, under the name the
 * trial statistics use.
 * @example standardNormalCdf(1.959963984540054) // 0.975
 */
export const standardNormalCdf: (z: number) => number = normalCdf;

// Acklam's rational approximations of the normal quantile (relative error 1.15e-9), refined by one Halley step.
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

function acklamTail(q: number): number {
  return (
    (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
    ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1)
  );
}

function acklam(p: number): number {
  if (p < P_LOW) return acklamTail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - P_LOW) return -acklamTail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  );
}

/**
 * Φ⁻¹(p), the standard normal quantile, for 0 < p < 1 (about 1e-15 relative: Acklam's approximation refined by
 * one Halley step on the precise CDF).
 * @example normalQuantile(0.975) // 1.959963984540054
 * @throws RangeError for p outside (0, 1).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
  const x = acklam(p);
  const e = standardNormalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/**
 * The `p` quantile of Student's t with `df` degrees of freedom (df may be fractional, as in Welch's test), for
 * 0.5 ≤ p < 1, by bisection on the upper tail to 1e-13 relative. The CI half-width of a mean is
 * tQuantile(0.975, n − 1)·SD/√n.
 * @example tQuantile(0.975, 4) // 2.7764451051977934
 * @throws RangeError for p outside [0.5, 1) or a df that is not positive.
 */
export function tQuantile(p: number, df: number): number {
  if (!(p >= 0.5 && p < 1)) throw new RangeError(`tQuantile: p must be in [0.5, 1), got ${p}`);
  if (!(df > 0 && Number.isFinite(df))) throw new RangeError(`tQuantile: df must be > 0, got ${df}`);
  const tail = 1 - p;
  let lo = 0;
  let hi = Math.max(1, normalQuantile(p));
  while (studentTUpperTail(hi, df) > tail) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentTUpperTail(mid, df) > tail) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * A normal(mean, sd) value truncated to [min, max], by inversion of one uniform `u` in [0, 1). With sd = 0 (or
 * bounds so far in one tail that the CDF cannot tell them apart) the result is the mean clamped to the bounds.
 * @example truncatedNormal(0.5, 26.5, 4, 17, 45) // 26.5
 */
export function truncatedNormal(u: number, mean: number, sd: number, min: number, max: number): number {
  const clamp = (x: number): number => Math.min(max, Math.max(min, x));
  if (sd === 0) return clamp(mean);
  const lo = standardNormalCdf((min - mean) / sd);
  const hi = standardNormalCdf((max - mean) / sd);
  const p = lo + u * (hi - lo);
  if (!(hi > lo) || !(p > 0 && p < 1)) return clamp(mean);
  return clamp(mean + sd * normalQuantile(p));
}

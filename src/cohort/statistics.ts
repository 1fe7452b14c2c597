// SPDX-License-Identifier: MIT
/**
 * Per-arm statistics of a trial endpoint (n, mean, SD, median, t-based 95 % CI) and the difference of an arm from
 * the first arm: paired (the same patients in both arms: the mean of the within-patient differences) or, for
 * parallel arms, Welch's unequal-variance interval. Missing values (`null`: an endpoint the model cannot produce
 * for that patient) are left out, so `n` counts only the values that exist; they are never imputed.
 */
import { percentile } from '../analysis/summary.js';
import { tQuantile } from './distributions.js';

/** Confidence level of every interval. */
export const CONFIDENCE = 0.95;

/** Summary of one endpoint in one arm. Null fields could not be computed (no value, or one value for an SD). */
export interface EndpointSummary {
  /** Values that exist. */
  readonly n: number;
  /** Patients whose value is missing (the model cannot produce it for them, or their simulation failed). */
  readonly missing: number;
  readonly mean: number | null;
  /** Sample SD (n − 1 in the denominator). */
  readonly sd: number | null;
  readonly median: number | null;
  /** mean ± t(0.975, n − 1)·SD/√n. */
  readonly ci95: readonly [number, number] | null;
}

/** An arm's difference from the first arm for one endpoint. */
export interface EndpointDifference {
  /** `paired`: mean of within-patient differences; `welch`: difference of means, Welch–Satterthwaite df. */
  readonly method: 'paired' | 'welch';
  /** Paired: patients with a value in both arms; Welch: values in this arm plus values in the first. */
  readonly n: number;
  /** This arm minus the first arm. */
  readonly mean: number | null;
  readonly ci95: readonly [number, number] | null;
  /** Degrees of freedom of the t quantile used. */
  readonly df: number | null;
}

/** Sum in index order (so the same values give the same bits whatever produced them). */
function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** Sample variance by the two-pass formula (n ≥ 2). */
function variance(values: readonly number[], mean: number): number {
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  return ss / (values.length - 1);
}

function present(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null);
}

function interval(centre: number, halfWidth: number): readonly [number, number] {
  return [centre - halfWidth, centre + halfWidth];
}

/**
 * n, mean, SD, median and the t-based 95 % CI of the values that are not null.
 * @example summarise([1, 2, 3, 4, 5]).ci95 // [3 − 2.776·1.581/√5, 3 + …] = [1.0367, 4.9633]
 */
export function summarise(values: readonly (number | null)[]): EndpointSummary {
  const xs = present(values);
  const n = xs.length;
  const missing = values.length - n;
  if (n === 0) return { n, missing, mean: null, sd: null, median: null, ci95: null };
  const mean = sum(xs) / n;
  const median = percentile(xs, 50);
  if (n === 1) return { n, missing, mean, sd: null, median, ci95: null };
  const sd = Math.sqrt(variance(xs, mean));
  return {
    n,
    missing,
    mean,
    sd,
    median,
    ci95: interval(mean, (tQuantile(0.975, n - 1) * sd) / Math.sqrt(n)),
  };
}

/**
 * Paired difference `arm − first` over the patients with a value in both (the arrays are aligned by patient).
 * @throws RangeError when the two arrays are not the same length.
 */
export function pairedDifference(
  arm: readonly (number | null)[],
  first: readonly (number | null)[],
): EndpointDifference {
  if (arm.length !== first.length) {
    throw new RangeError(`paired arms must have the same patients, got ${arm.length} and ${first.length}`);
  }
  const d: number[] = [];
  arm.forEach((x, i) => {
    const y = first[i];
    if (x !== null && y !== null) d.push(x - y);
  });
  const s = summarise(d);
  return { method: 'paired', n: s.n, mean: s.mean, ci95: s.ci95, df: s.n >= 2 ? s.n - 1 : null };
}

/**
 * Welch's difference of means `arm − first` for independent groups, with the Welch–Satterthwaite degrees of
 * freedom. With no spread in either group the interval collapses to the difference.
 */
export function welchDifference(
  arm: readonly (number | null)[],
  first: readonly (number | null)[],
): EndpointDifference {
  const x = present(arm);
  const y = present(first);
  const n = x.length + y.length;
  if (x.length === 0 || y.length === 0) return { method: 'welch', n, mean: null, ci95: null, df: null };
  const diff = sum(x) / x.length - sum(y) / y.length;
  if (x.length < 2 || y.length < 2) return { method: 'welch', n, mean: diff, ci95: null, df: null };
  const vx = variance(x, sum(x) / x.length) / x.length;
  const vy = variance(y, sum(y) / y.length) / y.length;
  const se2 = vx + vy;
  if (se2 === 0) return { method: 'welch', n, mean: diff, ci95: [diff, diff], df: null };
  const df = (se2 * se2) / ((vx * vx) / (x.length - 1) + (vy * vy) / (y.length - 1));
  return { method: 'welch', n, mean: diff, ci95: interval(diff, tQuantile(0.975, df) * Math.sqrt(se2)), df };
}

// SPDX-License-Identifier: MIT
/**
 * Regularity statistics of a hormone series: approximate entropy ApEn(m, r, N) (Pincus SM, PNAS 1991;88:2297,
 * counting self-matches) and sample entropy SampEn(m, r, N) (Richman JS, Moorman JR, Am J Physiol Heart Circ Physiol
 * 2000;278:H2039, without self-matches). Lower values mean a more orderly, more predictable series. For hormone
 * series Pincus & Keefe (Am J Physiol 1992;262:E741) introduced ApEn with m = 1 and r = 20 % of the series' SD, the
 * convention of Veldhuis' GH papers and the defaults here.
 *
 * Both compare templates (runs of m consecutive values) with the maximum-norm distance and call two templates
 * similar when that distance is ≤ r. The series is used as given: equally spaced samples are assumed.
 */

/** The tolerance r: an absolute value in the series' unit, or a fraction of the series' sample SD (n − 1). */
export type EntropyTolerance = { readonly absolute: number } | { readonly sdFraction: number };

/** Options of {@link approximateEntropy} and {@link sampleEntropy}. */
export interface EntropyOptions {
  /** Template length m, an integer ≥ 1; default 1. */
  readonly m?: number;
  /** Tolerance r; default `{ sdFraction: 0.2 }` (20 % of the sample SD). */
  readonly tolerance?: EntropyTolerance;
}

/** Default template length m. */
export const DEFAULT_ENTROPY_M = 1;
/** Default tolerance: 20 % of the sample SD. */
export const DEFAULT_ENTROPY_TOLERANCE: EntropyTolerance = { sdFraction: 0.2 };

/** The sample standard deviation (n − 1 denominator). */
function sampleSd(series: readonly number[]): number {
  const mean = series.reduce((s, x) => s + x, 0) / series.length;
  const ss = series.reduce((s, x) => s + (x - mean) ** 2, 0);
  return Math.sqrt(ss / (series.length - 1));
}

/** The absolute tolerance r for a series (unit of the series). */
export function entropyTolerance(series: readonly number[], tolerance: EntropyTolerance): number {
  if ('absolute' in tolerance) {
    if (!(Number.isFinite(tolerance.absolute) && tolerance.absolute >= 0)) {
      throw new RangeError(`tolerance.absolute: ${tolerance.absolute} is not allowed; use a number ≥ 0`);
    }
    return tolerance.absolute;
  }
  if (!(Number.isFinite(tolerance.sdFraction) && tolerance.sdFraction >= 0)) {
    throw new RangeError(`tolerance.sdFraction: ${tolerance.sdFraction} is not allowed; use a number ≥ 0`);
  }
  return tolerance.sdFraction * sampleSd(series);
}

/** Checks the series and m, and returns (m, r). */
function prepare(series: readonly number[], options: EntropyOptions): { m: number; r: number } {
  const m = options.m ?? DEFAULT_ENTROPY_M;
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`m: ${m} is not allowed; use an integer ≥ 1`);
  if (series.length < m + 2) {
    throw new RangeError(`series: ${series.length} values are too few for m = ${m}; need at least ${m + 2}`);
  }
  const bad = series.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x));
  if (bad >= 0) throw new RangeError(`series[${bad}]: ${String(series[bad])} is not a finite number`);
  return { m, r: entropyTolerance(series, options.tolerance ?? DEFAULT_ENTROPY_TOLERANCE) };
}

/** True if the templates of length `length` starting at i and j are within r (maximum norm). */
function similar(series: readonly number[], i: number, j: number, length: number, r: number): boolean {
  for (let k = 0; k < length; k++) if (Math.abs(series[i + k] - series[j + k]) > r) return false;
  return true;
}

/** Φᵐ(r) = mean over the N − m + 1 templates of ln(fraction of templates within r, itself included). */
function phi(series: readonly number[], length: number, r: number): number {
  const count = series.length - length + 1;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    let matches = 0;
    for (let j = 0; j < count; j++) if (similar(series, i, j, length, r)) matches++;
    sum += Math.log(matches / count);
  }
  return sum / count;
}

/**
 * Approximate entropy ApEn(m, r, N) = Φᵐ(r) − Φᵐ⁺¹(r) (Pincus 1991), self-matches included, so it is always
 * finite; 0 for a constant series. Biased towards regularity for short series (compare only equal N, m, r).
 * Cost O(N²·m).
 * @example approximateEntropy(ghSeries) // m = 1, r = 0.2·SD
 */
export function approximateEntropy(series: readonly number[], options: EntropyOptions = {}): number {
  const { m, r } = prepare(series, options);
  return phi(series, m, r) - phi(series, m + 1, r);
}

/**
 * Sample entropy SampEn(m, r, N) = −ln(A/B) = ln(B/A) (Richman & Moorman 2000): B counts pairs of distinct templates of
 * length m within r, A the same pairs still within r at length m + 1, over the same N − m starting points.
 * Returns `Infinity` when no pair matches at length m + 1 (A = 0, the statistic is undefined: too short a series or
 * too small an r). Cost O(N²·m).
 * @example sampleEntropy(ghSeries, { m: 2, tolerance: { sdFraction: 0.2 } })
 */
export function sampleEntropy(series: readonly number[], options: EntropyOptions = {}): number {
  const { m, r } = prepare(series, options);
  const templates = series.length - m;
  let b = 0;
  let a = 0;
  for (let i = 0; i < templates; i++) {
    for (let j = i + 1; j < templates; j++) {
      if (!similar(series, i, j, m, r)) continue;
      b++;
      if (Math.abs(series[i + m] - series[j + m]) <= r) a++;
    }
  }
  return a === 0 ? Infinity : Math.log(b / a);
}

// SPDX-License-Identifier: MIT
/** Summary statistics of series: mean, percentiles, linear interpolation and day-by-day summaries. */
import { MIN_PER_DAY } from '../scenario/vocabulary.js';

function checkValues(values: readonly number[], what: string): void {
  if (values.length === 0) throw new RangeError(`${what} needs at least one value, got none`);
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new RangeError(`${what} needs finite values, got ${values[bad]} at index ${bad}`);
}

/**
 * Arithmetic mean.
 * @example mean([1, 2, 6]) // 3
 * @throws RangeError for an empty list or a non-finite value.
 */
export function mean(values: readonly number[]): number {
  checkValues(values, 'mean');
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * The `p`th percentile (0–100) with linear interpolation between order statistics: with the values sorted as
 * x₀ ≤ … ≤ x₍ₙ₋₁₎ and h = (n − 1)·p/100, the result is x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋). This is type 7 of
 * Hyndman & Fan (Am Stat 1996;50:361), the default of R's `quantile` and NumPy's `percentile`. The input is not
 * modified.
 * @example percentile([1, 2, 3, 4], 10) // 1.3
 * @throws RangeError for an empty list, a non-finite value or p outside 0–100.
 */
export function percentile(values: readonly number[], p: number): number {
  checkValues(values, 'percentile');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile p must be a number from 0 to 100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const h = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

function checkSeries(t: readonly number[], values: readonly number[]): void {
  if (t.length !== values.length) {
    throw new RangeError(`times and values must have the same length, got ${t.length} and ${values.length}`);
  }
  checkValues(t, 'a series');
  for (let i = 1; i < t.length; i++) {
    if (!(t[i] > t[i - 1]))
      throw new RangeError(`times must increase strictly, got ${t[i - 1]} then ${t[i]} at index ${i}`);
  }
}

/**
 * The series' value at time `at`, by linear interpolation between the neighbouring samples (a lab draw between
 * two samples, say). `t` must increase strictly.
 * @example interpolateAt([0, 10], [1, 3], 5) // 2
 * @throws RangeError when `at` is outside [t₀, tₙ₋₁] or the series is malformed.
 */
export function interpolateAt(t: readonly number[], values: readonly number[], at: number): number {
  checkSeries(t, values);
  if (!(at >= t[0] && at <= t[t.length - 1])) {
    throw new RangeError(`time ${at} is outside the series, which covers ${t[0]} to ${t[t.length - 1]}`);
  }
  let lo = 0;
  let hi = t.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (t[mid] <= at) lo = mid;
    else hi = mid;
  }
  if (t[hi] === at) return values[hi];
  return values[lo] + ((at - t[lo]) / (t[hi] - t[lo])) * (values[hi] - values[lo]);
}

/** Summary of one day of a series. */
export interface DaySummary {
  /** Day index: ⌊t / 1440⌋ with t in minutes. */
  readonly day: number;
  /** Number of samples in the day. */
  readonly n: number;
  /** Mean of the day's samples (a time average when sampling is uniform). */
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** The day's `troughPercentile`th percentile (10th by default), a robust trough. */
  readonly trough: number;
}

/** Options of {@link dailySummary}. */
export interface DailySummaryOptions {
  /** Percentile used for `trough`, 0–100; default 10 (as `gh_trough_ug_l` in SCENARIO.md). */
  readonly troughPercentile?: number;
}

/**
 * Groups a series sampled at `t` (minutes from 00:00 of day 0; strictly increasing) by day and summarises each
 * day that has samples. Works on real data as well as on simulated series.
 * @example dailySummary([0, 720, 1440], [1, 3, 5]) // [{ day: 0, n: 2, mean: 2, … }, { day: 1, n: 1, mean: 5, … }]
 */
export function dailySummary(
  t: readonly number[],
  values: readonly number[],
  options: DailySummaryOptions = {},
): DaySummary[] {
  checkSeries(t, values);
  checkValues(values, 'a series');
  const troughPercentile = options.troughPercentile ?? 10;
  const byDay = new Map<number, number[]>();
  t.forEach((time, i) => {
    const day = Math.floor(time / MIN_PER_DAY);
    const list = byDay.get(day) ?? [];
    list.push(values[i]);
    byDay.set(day, list);
  });
  return [...byDay.entries()].map(([day, list]) => ({
    day,
    n: list.length,
    mean: mean(list),
    min: list.reduce((a, b) => Math.min(a, b)),
    max: list.reduce((a, b) => Math.max(a, b)),
    trough: percentile(list, troughPercentile),
  }));
}

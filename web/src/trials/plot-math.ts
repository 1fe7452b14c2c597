// SPDX-License-Identifier: MIT
/** The arithmetic of the trial plots: quartiles for box plots, padded domains and a linear scale with ticks. */

/** Five-number summary of a box plot. */
export interface Quartiles {
  readonly min: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
}

/** The `p` quantile (0–1) of sorted values, linear between order statistics (type 7, as the API's median). */
function quantileSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Min, quartiles and max of the values, or `null` for none.
 * @example quartiles([1, 2, 3, 4, 5]) // { min: 1, q1: 2, median: 3, q3: 4, max: 5 }
 */
export function quartiles(values: readonly number[]): Quartiles | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    min: sorted[0],
    q1: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75),
    max: sorted[sorted.length - 1],
  };
}

/** A domain covering every value (and 0 when `withZero`), padded by 5 % each side; never empty. */
export function paddedDomain(values: readonly number[], withZero: boolean): [number, number] {
  const all = withZero ? [...values, 0] : [...values];
  if (all.length === 0) return [-1, 1];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

/** Maps [d0, d1] linearly onto [r0, r1]. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (x: number): number => r0 + ((x - d0) / (d1 - d0)) * (r1 - r0);
}

/**
 * About `count` round tick values inside the domain (steps of 1, 2 or 5 × 10^k).
 * @example ticks([0, 10], 5) // [0, 2, 4, 6, 8, 10]
 */
export function ticks(domain: readonly [number, number], count: number): number[] {
  const [lo, hi] = domain;
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10]
    .map((m) => m * power)
    .reduce((best, s) => (Math.abs(Math.log(s / raw)) < Math.abs(Math.log(best / raw)) ? s : best));
  // Integer multiples of the step, printed with the step's decimals (no 1.7e-18 for zero).
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const out: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
    out.push(Number((k * step).toFixed(decimals)) + 0);
  }
  return out;
}

// SPDX-License-Identifier: MIT
/**
 * The small numerics of the twin: dense symmetric positive-definite algebra for p ≤ a handful of parameters
 * (Cholesky factor, solve, inverse), a seeded normal generator, and quantiles of a sample and of a mixture of
 * log-normals. Matrices are arrays of rows.
 */
import { normalCdf } from '../analysis/normal.js';

/** A dense matrix as an array of rows. */
export type Matrix = number[][];

/**
 * The lower-triangular Cholesky factor L of a symmetric positive-definite matrix (A = L·Lᵀ). Cost O(p³).
 * @throws RangeError when `a` is not positive definite (a zero or negative pivot).
 */
export function cholesky(a: Matrix): Matrix {
  const n = a.length;
  const l: Matrix = a.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i][j];
      for (let k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(sum > 0)) throw new RangeError(`matrix is not positive definite (pivot ${i} is ${sum})`);
        l[i][i] = Math.sqrt(sum);
      } else l[i][j] = sum / l[j][j];
    }
  }
  return l;
}

/** Solves A·x = b for symmetric positive-definite A, by its Cholesky factor. */
export function solveSpd(a: Matrix, b: readonly number[]): number[] {
  const l = cholesky(a);
  const n = b.length;
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i][k] * y[k];
    y[i] = sum / l[i][i];
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < n; k++) sum -= l[k][i] * x[k];
    x[i] = sum / l[i][i];
  }
  return x;
}

/** The inverse of a symmetric positive-definite matrix (column by column). */
export function inverseSpd(a: Matrix): Matrix {
  const n = a.length;
  const columns = a.map((_, j) =>
    solveSpd(
      a,
      a.map((__, i) => (i === j ? 1 : 0)),
    ),
  );
  return Array.from({ length: n }, (_, i) => columns.map((column) => column[i]));
}

/** Aᵀ·A for a matrix A given by its rows (n × p → p × p). */
export function normalMatrix(rows: readonly (readonly number[])[], p: number): Matrix {
  const m: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (const row of rows) {
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) m[i][j] += row[i] * row[j];
  }
  return m;
}

/**
 * A seeded source of standard normal draws (mulberry32 uniforms, Box–Muller pairs). Same seed, same sequence.
 * @example const next = normalSource(7); next(); // a N(0, 1) draw
 */
export function normalSource(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const z = spare;
      spare = undefined;
      return z;
    }
    const u = 1 - uniform(); // in (0, 1]
    const angle = 2 * Math.PI * uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(angle);
    return r * Math.cos(angle);
  };
}

/** The q-quantile (0–1) of a sample, linear between order statistics (type 7, as R's default). */
export function sampleQuantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

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

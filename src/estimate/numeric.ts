// SPDX-License-Identifier: MIT
/**
 * The project's small dense numerics in the array-of-rows form the fits use: Cholesky factor, SPD solve and
 * inverse (adapters over the one typed-array implementation in `analysis/pulses/linear-algebra.ts`), AᵀA, a
 * seeded standard normal source (the engine's generator) and sample quantiles. The patient twin and the
 * uncertainty bands share them.
 */
import { choleskyFactor, choleskySolve, symmetricInverse } from '../analysis/pulses/linear-algebra.js';
import { Random } from '../engine/random.js';

/** A dense matrix as an array of rows. */
export type Matrix = number[][];

const flat = (a: Matrix): Float64Array => Float64Array.from(a.flat());

const rows = (x: Float64Array, n: number): Matrix =>
  Array.from({ length: n }, (_, i) => Array.from(x.subarray(i * n, i * n + n)));

const notPositiveDefinite = (): RangeError => new RangeError('matrix is not positive definite');

/**
 * The lower-triangular Cholesky factor L of a symmetric positive-definite matrix (A = L·Lᵀ). Cost O(p³).
 * @throws RangeError when `a` is not positive definite.
 */
export function cholesky(a: Matrix): Matrix {
  const n = a.length;
  const l = new Float64Array(n * n);
  if (!choleskyFactor(flat(a), n, l)) throw notPositiveDefinite();
  return rows(l, n);
}

/**
 * Solves A·x = b for symmetric positive-definite A, by its Cholesky factor.
 * @throws RangeError when `a` is not positive definite.
 */
export function solveSpd(a: Matrix, b: readonly number[]): number[] {
  const n = a.length;
  const l = new Float64Array(n * n);
  if (!choleskyFactor(flat(a), n, l)) throw notPositiveDefinite();
  const x = new Float64Array(n);
  choleskySolve(l, n, Float64Array.from(b), x);
  return Array.from(x);
}

/**
 * The inverse of a symmetric positive-definite matrix.
 * @throws RangeError when `a` is not positive definite.
 */
export function inverseSpd(a: Matrix): Matrix {
  const inverse = symmetricInverse(flat(a), a.length);
  if (inverse === null) throw notPositiveDefinite();
  return rows(inverse, a.length);
}

/** Aᵀ·A for a matrix A given by its rows (n × p → p × p). */
export function normalMatrix(rowsOfA: readonly (readonly number[])[], p: number): Matrix {
  const m: Matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (const row of rowsOfA) {
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) m[i][j] += row[i] * row[j];
  }
  return m;
}

/**
 * A seeded source of standard normal draws (the engine's xoshiro128** stream, Marsaglia's polar method). Same
 * seed, same sequence.
 * @example const next = normalSource(7); next(); // a N(0, 1) draw
 */
export function normalSource(seed: number): () => number {
  const random = Random.fromSeed(seed >>> 0);
  return () => random.normal();
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
 * Eigenvalues and unit eigenvectors of a symmetric matrix by cyclic Jacobi rotations (to 1e-12 of its norm), by
 * increasing eigenvalue; `vectors[k]` belongs to `values[k]`. Cost O(p³) per sweep, a few sweeps.
 */
export function symmetricEigen(a: Matrix): { values: number[]; vectors: number[][] } {
  const n = a.length;
  const m = a.map((row) => [...row]);
  const v: Matrix = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
  const norm = Math.sqrt(m.reduce((s, row) => s + row.reduce((t, x) => t + x * x, 0), 0));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += m[i][j] * m[i][j];
    if (Math.sqrt(off) <= 1e-12 * norm) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (m[p][q] === 0) continue;
        const theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k][p];
          const mkq = m[k][q];
          m[k][p] = c * mkp - s * mkq;
          m[k][q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p][k];
          const mqk = m[q][k];
          m[p][k] = c * mpk - s * mqk;
          m[q][k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => m[i][i] - m[j][j]);
  return { values: order.map((i) => m[i][i]), vectors: order.map((i) => v.map((row) => row[i])) };
}

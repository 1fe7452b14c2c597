// SPDX-License-Identifier: MIT
/**
 * Dense LU factorisation with partial pivoting, in place on a row-major n×n `Float64Array`, and the matching
 * forward/back substitution. No allocation: the caller owns the matrix and the pivot array.
 */

/**
 * Factorises `a` (row-major n×n) in place into L (unit lower, below the diagonal) and U (on and above it), with
 * row interchanges recorded in `pivots` (row i was swapped with row `pivots[i]` at step i). Cost: n³/3 multiply-adds.
 * @returns true on success, false when a pivot is exactly zero or not finite (the matrix is singular to working
 * precision or holds NaN); `a` is then unusable.
 */
export function luFactor(a: Float64Array, n: number, pivots: Int32Array): boolean {
  for (let k = 0; k < n; k++) {
    const p = pivotRow(a, n, k);
    pivots[k] = p;
    const pivot = a[p * n + k];
    if (pivot === 0 || !Number.isFinite(pivot)) return false;
    if (p !== k) swapRows(a, n, p, k);
    const inv = 1 / pivot;
    const rowK = k * n;
    for (let i = k + 1; i < n; i++) {
      const rowI = i * n;
      const m = a[rowI + k] * inv;
      a[rowI + k] = m;
      if (m === 0) continue;
      for (let j = k + 1; j < n; j++) a[rowI + j] -= m * a[rowK + j];
    }
  }
  return true;
}

/** Row index (≥ k) of the largest |a[i][k]|: the partial pivot. */
function pivotRow(a: Float64Array, n: number, k: number): number {
  let p = k;
  let best = Math.abs(a[k * n + k]);
  for (let i = k + 1; i < n; i++) {
    const v = Math.abs(a[i * n + k]);
    if (v > best) {
      best = v;
      p = i;
    }
  }
  return p;
}

function swapRows(a: Float64Array, n: number, r1: number, r2: number): void {
  const o1 = r1 * n;
  const o2 = r2 * n;
  for (let j = 0; j < n; j++) {
    const tmp = a[o1 + j];
    a[o1 + j] = a[o2 + j];
    a[o2 + j] = tmp;
  }
}

/** Solves A x = b in place (`b` becomes x) from the output of {@link luFactor}. Cost: n² multiply-adds. */
export function luSolve(lu: Float64Array, n: number, pivots: Int32Array, b: Float64Array): void {
  for (let k = 0; k < n; k++) {
    const p = pivots[k];
    if (p !== k) {
      const tmp = b[k];
      b[k] = b[p];
      b[p] = tmp;
    }
  }
  for (let i = 1; i < n; i++) {
    const row = i * n;
    let s = b[i];
    for (let j = 0; j < i; j++) s -= lu[row + j] * b[j];
    b[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    const row = i * n;
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= lu[row + j] * b[j];
    b[i] = s / lu[row + i];
  }
}

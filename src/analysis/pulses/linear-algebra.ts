// SPDX-License-Identifier: MIT
/**
 * Dense symmetric positive-definite solves over row-major `Float64Array`s: Cholesky factorisation, solve and
 * inverse. Sizes here are small (a few dozen parameters), so plain O(n³) loops are the right tool.
 */

/**
 * Factorises the symmetric positive-definite n×n matrix `a` (row-major) as L·Lᵀ, writing L into `l` (lower
 * triangle; the upper triangle is zeroed). Returns false, leaving `l` undefined, if `a` is not positive definite.
 */
export function choleskyFactor(a: Float64Array, n: number, l: Float64Array): boolean {
  l.fill(0);
  for (let j = 0; j < n; j++) {
    let diag = a[j * n + j];
    for (let k = 0; k < j; k++) diag -= l[j * n + k] * l[j * n + k];
    if (!(diag > 0) || !Number.isFinite(diag)) return false;
    const ljj = Math.sqrt(diag);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = s / ljj;
    }
  }
  return true;
}

/** Solves L·Lᵀ·x = b given the Cholesky factor `l` of {@link choleskyFactor}; writes x into `x` (may alias b). */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array, x: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * x[k];
    x[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
}

/**
 * The inverse of a symmetric positive-definite matrix (row-major), or null if it is not positive definite.
 * Used for parameter covariance: cost n³.
 */
export function symmetricInverse(a: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  if (!choleskyFactor(a, n, l)) return null;
  const inverse = new Float64Array(n * n);
  const column = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    column.fill(0);
    column[j] = 1;
    choleskySolve(l, n, column, column);
    for (let i = 0; i < n; i++) inverse[i * n + j] = column[i];
  }
  return inverse;
}

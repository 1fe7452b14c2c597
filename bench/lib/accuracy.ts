// SPDX-License-Identifier: MIT
/** How far a sampled solution is from a reference solution of the same problem. */

/** Outputs sampled on a grid: `times[i]` (minutes) and `values[i * nOutputs + j]` for output j. */
export interface SampledSeries {
  readonly nOutputs: number;
  readonly times: Float64Array;
  readonly values: Float64Array;
}

/** Largest |reference| of each output over all samples: the scale its errors are measured against. */
export function outputScales(reference: SampledSeries): Float64Array {
  const scales = new Float64Array(reference.nOutputs);
  for (let i = 0; i < reference.times.length; i++) {
    for (let j = 0; j < reference.nOutputs; j++) {
      scales[j] = Math.max(scales[j], Math.abs(reference.values[i * reference.nOutputs + j]));
    }
  }
  return scales;
}

/**
 * Scaled maximum error: max over samples i and outputs j of |x_ij - ref_ij| / max_i |ref_ij|. Outputs that are
 * identically zero in the reference are skipped (no scale). Both series must share the sample grid: a different
 * count or a time differing by more than 1e-9 of the span throws, naming the first bad sample.
 */
export function scaledMaxError(candidate: SampledSeries, reference: SampledSeries): number {
  checkSameGrid(candidate, reference);
  const scales = outputScales(reference);
  const n = reference.nOutputs;
  let worst = 0;
  for (let i = 0; i < reference.times.length; i++) {
    for (let j = 0; j < n; j++) {
      if (scales[j] === 0) continue;
      const err = Math.abs(candidate.values[i * n + j] - reference.values[i * n + j]) / scales[j];
      // NaN must not hide behind Math.max: a NaN sample is an infinite error.
      worst = Number.isNaN(err) ? Infinity : Math.max(worst, err);
    }
  }
  return worst;
}

function checkSameGrid(a: SampledSeries, b: SampledSeries): void {
  if (a.nOutputs !== b.nOutputs) {
    throw new RangeError(`nOutputs must match the reference (${b.nOutputs}), got ${a.nOutputs}`);
  }
  if (a.times.length !== b.times.length) {
    throw new RangeError(`sample count must match the reference (${b.times.length}), got ${a.times.length}`);
  }
  const n = b.times.length;
  const span = n > 1 ? Math.abs(b.times[n - 1] - b.times[0]) : 1;
  for (let i = 0; i < n; i++) {
    if (Math.abs(a.times[i] - b.times[i]) > 1e-9 * span) {
      throw new RangeError(
        `sample ${i} time must be ${b.times[i]} min as in the reference, got ${a.times[i]}`,
      );
    }
  }
}

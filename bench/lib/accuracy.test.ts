// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';

import { outputScales, scaledMaxError, type SampledSeries } from './accuracy.js';
import { gridSize } from './ours.js';
import { median } from './timing.js';

/** Two outputs on three samples, rows (t, a, b). */
const series = (rows: readonly (readonly [number, number, number])[]): SampledSeries => ({
  nOutputs: 2,
  times: Float64Array.from(rows.map((r) => r[0])),
  values: Float64Array.from(rows.flatMap((r) => [r[1], r[2]])),
});

describe('scaledMaxError', () => {
  const reference = series([
    [0, 100, 1e-5],
    [5, -200, 2e-5],
    [10, 50, 0],
  ]);

  it('scales each output by its largest |reference| value, so small outputs count as much as large ones', () => {
    expect(Array.from(outputScales(reference))).toEqual([200, 2e-5]);
    // 2 off on output a (scale 200) is 1e-2; 1e-7 off on output b (scale 2e-5) is 5e-3: the larger wins.
    const candidate = series([
      [0, 102, 1e-5],
      [5, -200, 2e-5 + 1e-7],
      [10, 50, 0],
    ]);
    expect(scaledMaxError(candidate, reference)).toBeCloseTo(1e-2, 12);
  });

  it('is zero for the reference itself and infinite when a sample is NaN', () => {
    expect(scaledMaxError(reference, reference)).toBe(0);
    const broken = series([
      [0, 100, 1e-5],
      [5, Number.NaN, 2e-5],
      [10, 50, 0],
    ]);
    expect(scaledMaxError(broken, reference)).toBe(Infinity);
  });

  it('refuses series on another grid, naming the sample', () => {
    const shifted = series([
      [0, 100, 1e-5],
      [6, -200, 2e-5],
      [10, 50, 0],
    ]);
    expect(() => scaledMaxError(shifted, reference)).toThrow(/sample 1 time must be 5/);
  });
});

describe('gridSize and median', () => {
  it('counts t0 + k·dt within [t0, t1], t1 included when it is on the grid', () => {
    expect(gridSize(0, 525600, 5)).toBe(105121);
    expect(gridSize(0, 12, 5)).toBe(3);
    expect(gridSize(0, 0.3, 0.1)).toBe(3); // 3 * 0.1 = 0.30000000000000004 > 0.3
  });

  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { linearScale, paddedDomain, quartiles, ticks } from './plot-math.js';

describe('trial plot arithmetic', () => {
  it('quartiles interpolate between order statistics (type 7)', () => {
    expect(quartiles([5, 1, 4, 2, 3])).toEqual({ min: 1, q1: 2, median: 3, q3: 4, max: 5 });
    expect(quartiles([1, 2, 3, 4])).toEqual({ min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4 });
    expect(quartiles([])).toBeNull();
  });

  it('a difference plot always shows zero; a single value still gets a width', () => {
    expect(paddedDomain([2, 4], true)).toEqual([-0.2, 4.2]);
    expect(paddedDomain([3], false)).toEqual([1.9, 4.1]);
  });

  it('scales and ticks', () => {
    expect(linearScale([0, 10], [100, 200])(2.5)).toBe(125);
    expect(ticks([0, 10], 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks([-0.3, 0.7], 4)).toEqual([-0.2, 0, 0.2, 0.4, 0.6]);
    // Zero is zero, not a rounding residue of 0.1 + 0.2 − 0.3.
    expect(ticks([-0.0351, 0.0105], 5)).toEqual([-0.03, -0.02, -0.01, 0, 0.01]);
  });
});

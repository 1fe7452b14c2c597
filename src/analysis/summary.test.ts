// SPDX-License-Identifier: MIT
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailySummary, interpolateAt, mean, percentile } from './summary.js';

describe('mean', () => {
  it('is the arithmetic mean', () => {
    expect(mean([1, 2, 6])).toBe(3);
  });
  it('rejects an empty list and non-finite values', () => {
    expect(() => mean([])).toThrow('mean needs at least one value, got none');
    expect(() => mean([1, Number.NaN])).toThrow('mean needs finite values, got NaN at index 1');
  });
});

describe('percentile (Hyndman–Fan type 7)', () => {
  it('matches R quantile(type = 7) on hand-computed cases', () => {
    // quantile(c(1,2,3,4), 0.1) = 1.3; quantile(c(15,20,35,40,50), 0.4) = 29; median of an even list
    expect(percentile([1, 2, 3, 4], 10)).toBeCloseTo(1.3, 12);
    expect(percentile([40, 15, 50, 35, 20], 40)).toBeCloseTo(29, 12);
    expect(percentile([4, 1, 3, 2], 50)).toBeCloseTo(2.5, 12);
  });

  it('gives the minimum at 0 and the maximum at 100, and does not modify its input', () => {
    const values = [3, 1, 2];
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(3);
    expect(values).toEqual([3, 1, 2]);
  });

  it('is monotone in p and bounded by the data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (values, p, q) => {
          const [a, b] = p <= q ? [p, q] : [q, p];
          expect(percentile(values, a)).toBeLessThanOrEqual(percentile(values, b) + 1e-9);
          expect(percentile(values, a)).toBeGreaterThanOrEqual(Math.min(...values));
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });

  it('rejects p outside 0–100', () => {
    expect(() => percentile([1], 101)).toThrow('percentile p must be a number from 0 to 100, got 101');
  });
});

describe('interpolateAt', () => {
  it('interpolates linearly and returns samples exactly', () => {
    expect(interpolateAt([0, 10, 20], [1, 3, 7], 5)).toBe(2);
    expect(interpolateAt([0, 10, 20], [1, 3, 7], 15)).toBe(5);
    expect(interpolateAt([0, 10, 20], [1, 3, 7], 20)).toBe(7);
  });
  it('refuses times outside the series and unsorted times', () => {
    expect(() => interpolateAt([0, 10], [1, 2], 11)).toThrow(
      'time 11 is outside the series, which covers 0 to 10',
    );
    expect(() => interpolateAt([0, 0], [1, 2], 0)).toThrow(
      'times must increase strictly, got 0 then 0 at index 1',
    );
  });
});

describe('dailySummary', () => {
  it('groups by day and summarises each', () => {
    const t = [0, 360, 720, 1080, 1440, 1800];
    const v = [1, 2, 3, 10, 5, 7];
    expect(dailySummary(t, v)).toEqual([
      { day: 0, n: 4, mean: 4, min: 1, max: 10, trough: 1.3 },
      { day: 1, n: 2, mean: 6, min: 5, max: 7, trough: 5.2 },
    ]);
  });
  it('uses the requested trough percentile', () => {
    expect(dailySummary([0, 1, 2], [3, 1, 2], { troughPercentile: 50 })[0].trough).toBe(2);
  });
  it('rejects mismatched lengths', () => {
    expect(() => dailySummary([0, 1], [1])).toThrow(
      'times and values must have the same length, got 2 and 1',
    );
  });
});

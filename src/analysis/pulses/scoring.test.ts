// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { addCounts, falsePositiveRate, scoreDetections, sensitivity } from './scoring.js';

const rule = { toleranceMin: 10, windowMin: [0, 1440] as const };

describe('scoreDetections', () => {
  it('matches within the tolerance, one to one, closest first', () => {
    // 100 ↔ 104 (4 min) beats 100 ↔ 95 (5 min); 95 then has no partner left; 300 ↔ 311 is 11 min: no match.
    const counts = scoreDetections([100, 300], [95, 104, 311], rule);
    expect(counts).toEqual({ truePulses: 2, detected: 3, matchedTrue: 1, matchedDetected: 1 });
    expect(sensitivity(counts)).toBe(0.5);
    expect(falsePositiveRate(counts)).toBeCloseTo(2 / 3, 15);
  });

  it('a detection just inside the window matched to a burst just outside is not a false positive', () => {
    const counts = scoreDetections([-3, 500], [2, 500], rule);
    expect(counts).toEqual({ truePulses: 1, detected: 2, matchedTrue: 1, matchedDetected: 2 });
  });

  it('adds counts over series before taking ratios', () => {
    const a = scoreDetections([100], [100], rule);
    const b = scoreDetections([100, 200, 300], [], rule);
    const total = addCounts(a, b);
    expect(sensitivity(total)).toBe(0.25);
    expect(falsePositiveRate(total)).toBe(0);
  });
});

// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { CLOCK_STEPS_H, clockLabel, formatNumber, niceStep, niceTicks, ticksWithSteps } from './ticks.js';

describe('niceStep and niceTicks', () => {
  it('picks 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(1, 5)).toBe(0.2);
    expect(niceStep(700, 5)).toBe(100);
    expect(niceStep(0.35, 6)).toBe(0.05);
  });

  it('returns round values inside the range, first and last included when round', () => {
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0.13, 0.97, 4)).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(-3, 3, 6)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
  });

  it('keeps at least the minimum step (whole days)', () => {
    expect(niceTicks(0, 3, 8, 1)).toEqual([0, 1, 2, 3]);
  });

  it('handles degenerate ranges', () => {
    expect(niceTicks(5, 5)).toEqual([5]);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
  });
});

describe('ticksWithSteps', () => {
  it('puts clock ticks on whole hours that divide the day', () => {
    expect(ticksWithSteps(12, 36, 8, CLOCK_STEPS_H)).toEqual([12, 15, 18, 21, 24, 27, 30, 33, 36]);
    expect(ticksWithSteps(22, 23.2, 8, CLOCK_STEPS_H)).toEqual([22, 22.25, 22.5, 22.75, 23]);
    expect(ticksWithSteps(0, 240, 8, CLOCK_STEPS_H)).toEqual([
      0, 24, 48, 72, 96, 120, 144, 168, 192, 216, 240,
    ]);
  });
});

describe('clockLabel', () => {
  it('writes hours as HH:MM and wraps at midnight', () => {
    expect(clockLabel(0)).toBe('00:00');
    expect(clockLabel(22.5)).toBe('22:30');
    expect(clockLabel(25.5)).toBe('01:30');
    expect(clockLabel(36)).toBe('12:00');
    expect(clockLabel(-0.5)).toBe('23:30');
  });
});

describe('formatNumber', () => {
  it('rounds to significant digits without trailing zeros', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(123.456)).toBe('123.5');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(2.5e-5)).toBe('2.50e-5');
  });
});

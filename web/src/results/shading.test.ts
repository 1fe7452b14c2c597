// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import type { Result, ResultEvent } from '../api/types.js';
import { dailyMarkers, dailyShading, endpointWindows, lifestyleShading } from './shading.js';

const dose = (day: number): ResultEvent => ({
  t_min: day * 1440 + 22 * 60,
  kind: 'dose',
  drug: 'sermorelin',
  amount_mcg: 300,
  route: 'sc',
});

function result(events: ResultEvent[], extra: Record<string, unknown> = {}): Result {
  return {
    scenario: {
      start_weekday: 'mon',
      lifestyle: {
        sleep: { bedtime: '22:30', duration_h: 8, quality: 'normal' },
        meals: [{ time: '07:30', carbs_g: 60, fat_g: 0, protein_g: 0 }],
        exercise: [{ kind: 'resistance', days: ['tue'], time: '18:00', duration_min: 60, intensity: 'high' }],
      },
    },
    events,
    ...extra,
  } as unknown as Result;
}

describe('dailyShading', () => {
  it('shades the days without a dose between the first and last dose, merged into runs', () => {
    // 5 on / 2 off: doses on days 0–4 and 7–8.
    const shades = dailyShading(result([0, 1, 2, 3, 4, 7, 8].map(dose)));
    expect(shades.map((s) => [s.label, s.from, s.to])).toEqual([['day without a dose', 4.5, 6.5]]);
  });

  it('adds the endpoint windows when the result states them, and ignores malformed ones', () => {
    const withWindows = result([dose(0)], { endpoint_windows: { baseline: [-7, -1], end: [6, 12] } });
    expect(endpointWindows(withWindows)).toEqual({ baseline: [-7, -1], end: [6, 12] });
    expect(dailyShading(withWindows).map((s) => [s.label, s.from, s.to])).toEqual([
      ['baseline window', -7.5, -0.5],
      ['end window', 5.5, 12.5],
    ]);
    expect(endpointWindows(result([], { endpoint_windows: { baseline: [0] } }))).toBeNull();
  });
});

describe('dailyMarkers', () => {
  it('marks the first and last dose days', () => {
    expect(dailyMarkers(result([dose(0), dose(3)])).map((m) => m.x)).toEqual([0, 3]);
  });
});

describe('lifestyleShading', () => {
  it('shades sleep, meals and exercise on its weekdays inside a day-1 midnight window (hours of day 1)', () => {
    const shades = lifestyleShading(result([]), { startMin: 1440 }, 1440, 2880);
    const byLabel = (label: string): [number, number][] =>
      shades.filter((s) => s.label === label).map((s) => [s.from, s.to]);
    // The night from day 0 22:30 reaches into day 1; day 1's own night starts at 22:30.
    expect(byLabel('sleep')).toEqual([
      [-1.5, 6.5],
      [22.5, 30.5],
    ]);
    expect(byLabel('meal')).toEqual([[7.5, 8]]);
    // Day 1 is a Tuesday when day 0 is a Monday.
    expect(byLabel('exercise (resistance)')).toEqual([[18, 19]]);
  });
});

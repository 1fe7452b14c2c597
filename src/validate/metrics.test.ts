// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import type { DailyRow, Result } from '../scenario/result.js';
import { computeMetric, MetricError } from './metrics.js';

function resultWith(series: Record<string, number[]>, t: number[], daily: Partial<DailyRow>[] = []): Result {
  return {
    series: { t_min: t, ...series },
    daily: daily as DailyRow[],
    endpoints: { igf1_change_pct: 12 },
  } as unknown as Result;
}

describe('validation metrics', () => {
  const t = Array.from({ length: 61 }, (_, i) => i * 5);
  const k = Math.LN2 / 19;
  const decay = t.map((time) => 10 * Math.exp(-k * time));

  it('recovers the half-life of an exponential decline', () => {
    const r = resultWith({ gh: decay }, t);
    expect(
      computeMetric(r, { kind: 'series_half_life_min', series: 'gh', from_min: 0, to_min: 300 }),
    ).toBeCloseTo(19, 9);
  });

  it('integrates by the trapezoid rule and finds the peak and its time', () => {
    const tri = t.map((time) => Math.max(0, 10 - Math.abs(time - 100) / 10));
    const r = resultWith({ x: tri }, t);
    expect(computeMetric(r, { kind: 'series_auc', series: 'x', from_min: 0, to_min: 300 })).toBeCloseTo(
      1000,
      9,
    );
    expect(computeMetric(r, { kind: 'series_max', series: 'x', from_min: 0, to_min: 300 })).toBe(10);
    expect(computeMetric(r, { kind: 'series_tmax_min', series: 'x', from_min: 50, to_min: 300 })).toBe(50);
  });

  it('counts the days until a daily value crosses a threshold, absolute or relative to a day', () => {
    const counts = [60, 40, 20, 5, 0.05, 0.02, 3, 30, 55, 59];
    const r = resultWith(
      {},
      t,
      counts.map((c) => ({ sperm_concentration_m_ml: c })),
    );
    const field = 'sperm_concentration_m_ml' as keyof DailyRow;
    expect(
      computeMetric(r, { kind: 'daily_days_until', field, from_day: 0, threshold: 0.1, direction: 'below' }),
    ).toBe(4);
    expect(
      computeMetric(r, { kind: 'daily_days_until', field, from_day: 5, threshold: 20, direction: 'above' }),
    ).toBe(2);
    expect(
      computeMetric(r, {
        kind: 'daily_days_until',
        field,
        from_day: 5,
        threshold: 0.9,
        direction: 'above',
        relative_to_day: 0,
      }),
    ).toBe(3);
    expect(() =>
      computeMetric(r, { kind: 'daily_days_until', field, from_day: 5, threshold: 100, direction: 'above' }),
    ).toThrow(MetricError);
  });

  it('compares daily rows with a baseline day', () => {
    const r = resultWith({}, t, [{ igf1_ng_ml: 100 }, { igf1_ng_ml: 145 }]);
    expect(
      computeMetric(r, { kind: 'daily_change_pct', field: 'igf1_ng_ml', day: 1, baseline_day: 0 }),
    ).toBeCloseTo(45, 12);
    expect(computeMetric(r, { kind: 'endpoint', name: 'igf1_change_pct' })).toBe(12);
  });

  it('names what is missing instead of returning a number', () => {
    const r = resultWith({}, t, [{ igf1_ng_ml: null }]);
    expect(() => computeMetric(r, { kind: 'series_max', series: 'nope', from_min: 0, to_min: 10 })).toThrow(
      /no series 'nope'/,
    );
    expect(() => computeMetric(r, { kind: 'daily', field: 'igf1_ng_ml', day: 0 })).toThrow(MetricError);
  });

  it('gives the percentage of samples above a threshold', () => {
    const r = resultWith({ g: [100, 150, 130, 160] }, [0, 10, 20, 30]);
    expect(
      computeMetric(r, { kind: 'series_pct_above', series: 'g', from_min: 0, to_min: 30, threshold: 140 }),
    ).toBe(50);
    expect(
      computeMetric(r, {
        kind: 'series_pct_between',
        series: 'g',
        from_min: 0,
        to_min: 30,
        low: 120,
        high: 150,
      }),
    ).toBe(50);
  });

  it('gives the change of a daily field from a baseline day', () => {
    const r = resultWith({}, [0, 1], [{ igf1_ng_ml: 100 }, { igf1_ng_ml: 130 }]);
    expect(computeMetric(r, { kind: 'daily_change', field: 'igf1_ng_ml', day: 1, baseline_day: 0 })).toBe(30);
  });
});

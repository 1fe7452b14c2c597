// SPDX-License-Identifier: MIT
/**
 * Metrics that turn a simulation result into the one number a published validation case reports (a half-life, a
 * peak, a change from baseline). Each metric is plain data in a case file, so a case reads like the paper's table.
 */
import type { DailyRow, Result } from '../scenario/result.js';

/** How to read one number from a result. Times are minutes from the start of day 0; days are `daily` indices. */
export type Metric =
  | { kind: 'endpoint'; name: string }
  | { kind: 'daily'; field: keyof DailyRow; day: number }
  | { kind: 'daily_change_pct'; field: keyof DailyRow; day: number; baseline_day: number }
  | { kind: 'daily_change'; field: keyof DailyRow; day: number; baseline_day: number }
  | { kind: 'daily_ratio'; field: keyof DailyRow; day: number; baseline_day: number }
  | { kind: 'daily_mean'; field: keyof DailyRow; from_day: number; to_day: number }
  | {
      kind: 'daily_days_until';
      field: keyof DailyRow;
      from_day: number;
      threshold: number;
      direction: 'below' | 'above';
      relative_to_day?: number;
    }
  | { kind: 'series_max'; series: string; from_min: number; to_min: number }
  | { kind: 'series_tmax_min'; series: string; from_min: number; to_min: number }
  | { kind: 'series_mean'; series: string; from_min: number; to_min: number }
  | { kind: 'series_auc'; series: string; from_min: number; to_min: number; above_baseline?: boolean }
  | { kind: 'series_half_life_min'; series: string; from_min: number; to_min: number }
  | { kind: 'series_pct_above'; series: string; from_min: number; to_min: number; threshold: number }
  | {
      kind: 'series_pct_between';
      series: string;
      from_min: number;
      to_min: number;
      low: number;
      high: number;
    }
  | {
      kind: 'series_peak_change_pct';
      series: string;
      from_min: number;
      to_min: number;
      baseline_from_min: number;
      baseline_to_min: number;
    };

/** A metric could not be computed (missing series, empty window): the case fails with this reason. */
export class MetricError extends Error {
  override name = 'MetricError';
}

interface Window {
  t: number[];
  v: number[];
}

function seriesWindow(result: Result, name: string, from: number, to: number): Window {
  const values = result.series[name];
  if (!values) throw new MetricError(`the result has no series '${name}' (add it to output.series)`);
  const t: number[] = [];
  const v: number[] = [];
  result.series.t_min.forEach((time, i) => {
    const value = values[i];
    if (time >= from && time <= to && value !== undefined) {
      t.push(time);
      v.push(value);
    }
  });
  if (t.length < 2)
    throw new MetricError(`series '${name}' has fewer than 2 samples in [${from}, ${to}] min`);
  return { t, v };
}

function dailyValue(result: Result, field: keyof DailyRow, day: number): number {
  const row = result.daily[day];
  if (!row) throw new MetricError(`the result has no daily row for day ${day}`);
  const value = row[field];
  if (value === null || value === undefined) throw new MetricError(`daily[${day}].${field} is null`);
  return value;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function trapezoid({ t, v }: Window, baseline: number): number {
  let area = 0;
  for (let i = 1; i < t.length; i++) {
    area += ((v[i] - baseline + (v[i - 1] - baseline)) / 2) * (t[i] - t[i - 1]);
  }
  return area;
}

/** Terminal half-life by least squares on log(value); values must be positive. */
function halfLife({ t, v }: Window): number {
  if (v.some((x) => !(x > 0))) throw new MetricError('half-life needs strictly positive values');
  const ln = v.map(Math.log);
  const tm = mean(t);
  const lm = mean(ln);
  let num = 0;
  let den = 0;
  t.forEach((time, i) => {
    num += (time - tm) * (ln[i] - lm);
    den += (time - tm) ** 2;
  });
  const slope = num / den;
  if (!(slope < 0)) throw new MetricError(`the series does not decline in the window (slope ${slope})`);
  return Math.LN2 / -slope;
}

/**
 * Days from `from_day` to the first daily row whose value falls below (or reaches) the threshold: the time to
 * azoospermia, or to recovery after a drug is stopped. With `relative_to_day` the threshold is a fraction of that
 * day's value.
 */
function daysUntil(result: Result, metric: Extract<Metric, { kind: 'daily_days_until' }>): number {
  const scale =
    metric.relative_to_day === undefined ? 1 : dailyValue(result, metric.field, metric.relative_to_day);
  const threshold = metric.threshold * scale;
  for (let day = metric.from_day; day < result.daily.length; day++) {
    const value = dailyValue(result, metric.field, day);
    if (metric.direction === 'below' ? value < threshold : value >= threshold) return day - metric.from_day;
  }
  throw new MetricError(
    `${metric.field} never goes ${metric.direction} ${threshold} from day ${metric.from_day} to the end of the run`,
  );
}

/** Computes a metric on a result. @throws MetricError when the result lacks what the metric needs. */
export function computeMetric(result: Result, metric: Metric): number {
  switch (metric.kind) {
    case 'endpoint': {
      const value = (result.endpoints as unknown as Record<string, number | null | undefined>)[metric.name];
      if (value === null || value === undefined) throw new MetricError(`endpoint ${metric.name} is null`);
      return value;
    }
    case 'daily':
      return dailyValue(result, metric.field, metric.day);
    case 'daily_change_pct':
      return (
        (dailyValue(result, metric.field, metric.day) /
          dailyValue(result, metric.field, metric.baseline_day) -
          1) *
        100
      );
    case 'daily_change':
      return (
        dailyValue(result, metric.field, metric.day) - dailyValue(result, metric.field, metric.baseline_day)
      );
    case 'daily_ratio':
      return (
        dailyValue(result, metric.field, metric.day) / dailyValue(result, metric.field, metric.baseline_day)
      );
    case 'daily_mean': {
      const values: number[] = [];
      for (let d = metric.from_day; d <= metric.to_day; d++) values.push(dailyValue(result, metric.field, d));
      return mean(values);
    }
    case 'daily_days_until':
      return daysUntil(result, metric);
    case 'series_max':
      return Math.max(...seriesWindow(result, metric.series, metric.from_min, metric.to_min).v);
    case 'series_tmax_min': {
      const w = seriesWindow(result, metric.series, metric.from_min, metric.to_min);
      return w.t[w.v.indexOf(Math.max(...w.v))] - metric.from_min;
    }
    case 'series_mean':
      return mean(seriesWindow(result, metric.series, metric.from_min, metric.to_min).v);
    case 'series_auc': {
      const w = seriesWindow(result, metric.series, metric.from_min, metric.to_min);
      return trapezoid(w, metric.above_baseline ? w.v[0] : 0);
    }
    case 'series_pct_above': {
      const { v } = seriesWindow(result, metric.series, metric.from_min, metric.to_min);
      return (v.filter((x) => x > metric.threshold).length / v.length) * 100;
    }
    case 'series_pct_between': {
      const { v } = seriesWindow(result, metric.series, metric.from_min, metric.to_min);
      return (v.filter((x) => x >= metric.low && x <= metric.high).length / v.length) * 100;
    }
    case 'series_half_life_min':
      return halfLife(seriesWindow(result, metric.series, metric.from_min, metric.to_min));
    case 'series_peak_change_pct': {
      const peak = Math.max(...seriesWindow(result, metric.series, metric.from_min, metric.to_min).v);
      const base = mean(
        seriesWindow(result, metric.series, metric.baseline_from_min, metric.baseline_to_min).v,
      );
      return (peak / base - 1) * 100;
    }
  }
}

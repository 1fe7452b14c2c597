// SPDX-License-Identifier: MIT
/** Axis ticks and tick labels, for the SVG export (uPlot computes its own on screen). */
import type { XFormat } from './spec.js';

/** The "nice" step (1, 2 or 5 × 10^k) closest to `span / count`. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !(count > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  return nice * power;
}

/**
 * About `count` round tick values inside [min, max], multiples of a nice step no smaller than `minStep` (1 for
 * whole days).
 */
export function niceTicks(min: number, max: number, count = 5, minStep = 0): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const step = Math.max(niceStep(max - min, count), minStep);
  const first = Math.ceil(min / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = first; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Steps of a clock axis, hours: quarter hours up to whole days. */
export const CLOCK_STEPS_H = [0.25, 0.5, 1, 2, 3, 4, 6, 12, 24] as const;

/** Ticks at multiples of the smallest of `steps` that gives at most `count` intervals over [min, max]. */
export function ticksWithSteps(min: number, max: number, count: number, steps: readonly number[]): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max <= min) return niceTicks(min, max, count);
  const step = steps.find((s) => (max - min) / s <= count) ?? steps[steps.length - 1];
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) {
    ticks.push(Number(v.toPrecision(12)));
  }
  return ticks;
}

/** Hours as a clock time, wrapping at midnight: 6 → `06:00`, 25.5 → `01:30`. */
export function clockLabel(hours: number): string {
  const minutes = Math.round(hours * 60);
  const inDay = ((minutes % 1440) + 1440) % 1440;
  const hh = String(Math.floor(inDay / 60)).padStart(2, '0');
  const mm = String(inDay % 60).padStart(2, '0');
  return `${hh}:${mm}`;
}

/** A number with at most `digits` significant digits and no trailing zeros: 0.30000001 → `0.3`. */
export function formatNumber(value: number, digits = 4): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e6 || abs < 1e-4) return value.toExponential(2);
  return String(Number(value.toPrecision(digits)));
}

/** A tick label of the x axis in the chart's format. */
export function formatX(value: number, format: XFormat = 'number'): string {
  if (format === 'clock') return clockLabel(value);
  return formatNumber(value);
}

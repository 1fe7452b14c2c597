// SPDX-License-Identifier: MIT
/**
 * A run's uncertainty bands (result `bands`, from `simulate --uncertainty N` or a run submitted with
 * `?uncertainty=N`): the 5th and 95th percentiles of a daily field over N draws of the patient's parameters, drawn
 * as a shaded band, and their median as a dotted line.
 */
import type { Result } from '../api/types.js';
import type { BandSpec, SeriesSpec } from '../plots/spec.js';
import type { DailyField } from './fields.js';

/** The 5/50/95 % values of a daily field on each row of the daily table, or `null` when the run has no band. */
export function bandColumns(
  result: Result,
  field: DailyField,
): { p05: (number | null)[]; p50: (number | null)[]; p95: (number | null)[] } | null {
  const band = result.bands?.[field];
  if (!band) return null;
  // The band's arrays are indexed by day from day 0; the daily table may start earlier (an untreated baseline).
  const at = (values: readonly (number | null)[], day: number): number | null =>
    Number.isInteger(day) && day >= 0 && day < values.length ? (values[day] ?? null) : null;
  const p05 = result.daily.map((row) => at(band.p05, row.day));
  const p50 = result.daily.map((row) => at(band.p50, row.day));
  const p95 = result.daily.map((row) => at(band.p95, row.day));
  if (p05.every((v) => v === null) || p95.every((v) => v === null)) return null;
  return { p05, p50, p95 };
}

/** `#0072B2` → `rgba(0, 114, 178, alpha)`; other colours as they are. */
export function translucent(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!hex) return color;
  const [r, g, b] = hex.slice(1).map((h) => parseInt(h, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** What a chart with uncertainty bands says under its title. */
export const BAND_NOTE =
  'Shaded: 5–95 % of the draws of the patient’s parameters (between-patient variability); dotted: their median.';

/**
 * The series and band that draw `field`'s uncertainty around `line` (already at index `lineIndex`): the 95th and
 * 5th percentiles (thin, the band between them) and the median (dotted), or nothing when the run has no band.
 */
export function uncertaintySeries(
  result: Result,
  field: DailyField,
  line: SeriesSpec,
  firstIndex: number,
  name: string,
  unit: string,
): { series: SeriesSpec[]; band: BandSpec | null } {
  const columns = bandColumns(result, field);
  if (!columns) return { series: [], band: null };
  const label = (what: string): string => (unit === '' ? `${name}, ${what}` : `${name}, ${what} (${unit})`);
  const common = {
    color: translucent(line.color, 0.6),
    width: 1,
    ...(line.axis ? { axis: line.axis } : {}),
    ...(line.quantity ? { quantity: line.quantity } : {}),
  };
  return {
    series: [
      { ...common, label: label('95th percentile of draws'), values: columns.p95 },
      { ...common, label: label('5th percentile of draws'), values: columns.p05 },
      { ...common, label: label('median of draws'), values: columns.p50, dash: [2, 3], width: 1.5 },
    ],
    band: { upper: firstIndex, lower: firstIndex + 1, fill: translucent(line.color, 0.15) },
  };
}

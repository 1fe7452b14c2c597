// SPDX-License-Identifier: MIT
/**
 * Chart specs overlaying several runs on the same axes: daily IGF-1, daily mean GH and the 24-hour GH profile.
 * Runs may differ in duration and sampling grid, so their values are aligned on the union of their x values, with
 * gaps where a run has no value.
 */
import type { Result } from '../api/types.js';
import type { ChartSpec, MarkerSpec, SeriesSpec } from '../plots/spec.js';
import { paletteColor } from '../plots/spec.js';
import { doseMarkers, profileAxisLabel, profileData, profileOptions, profileTitle } from './charts.js';
import type { ProfileOption, ProfileWindow } from './charts.js';
import { DAILY_INFO, labelOf } from './fields.js';
import type { DailyField } from './fields.js';

/** A finished run with its result and the name its legend entry shows. */
export interface NamedResult {
  readonly id: string;
  readonly name: string;
  readonly result: Result;
}

/** Legend names: the run name, with the start of its id added where two runs share a name. */
export function legendNames(runs: readonly { id: string; name: string }[]): string[] {
  const counts = new Map<string, number>();
  for (const r of runs) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
  return runs.map((r) => ((counts.get(r.name) ?? 0) > 1 ? `${r.name} (${r.id.slice(0, 6)})` : r.name));
}

/** Points of several curves aligned on the sorted union of their x values (null where a curve has none). */
export function alignCurves(curves: readonly { x: readonly number[]; y: readonly (number | null)[] }[]): {
  x: number[];
  ys: (number | null)[][];
} {
  const x = [...new Set(curves.flatMap((c) => c.x))].sort((a, b) => a - b);
  const index = new Map(x.map((v, i) => [v, i]));
  const ys = curves.map((c) => {
    const aligned: (number | null)[] = x.map(() => null);
    c.x.forEach((v, i) => (aligned[index.get(v) ?? 0] = c.y[i] ?? null));
    return aligned;
  });
  return { x, ys };
}

function overlay(
  runs: readonly NamedResult[],
  curves: { x: number[]; y: (number | null)[] }[],
): {
  x: number[];
  series: SeriesSpec[];
} {
  const names = legendNames(runs);
  const { x, ys } = alignCurves(curves);
  // Different grids leave nulls between a run's own samples: span them so each run stays one line.
  return {
    x,
    series: ys.map((values, i) => ({ label: names[i], values, color: paletteColor(i), spanGaps: true })),
  };
}

/** One daily field of every run, overlaid (x: day). */
export function compareDailyChart(
  runs: readonly NamedResult[],
  field: DailyField,
  id: string,
  title: string,
): ChartSpec {
  const curves = runs.map((r) => ({
    x: r.result.daily.map((d) => d.day),
    y: r.result.daily.map((d) => d[field] ?? null),
  }));
  const { x, series } = overlay(runs, curves);
  return { id, title, x, xLabel: 'day', xFormat: 'day', yLabel: labelOf(DAILY_INFO[field]), series };
}

/** The profile windows every run's sampled series cover (in the first run's order). */
export function commonProfileOptions(runs: readonly NamedResult[]): ProfileOption[] {
  if (runs.length === 0) return [];
  const [first, ...rest] = runs.map((r) => profileOptions(r.result));
  return first.filter((option) => rest.every((options) => options.some((o) => o.value === option.value)));
}

/** The GH profiles of every run in one window, overlaid, with each run's doses in its colour; `null` without GH. */
export function compareProfileChart(runs: readonly NamedResult[], window: ProfileWindow): ChartSpec | null {
  const withGh = runs.filter((r) => r.result.series.gh_ug_l !== undefined);
  if (withGh.length === 0) return null;
  const curves = withGh.map((r) => {
    const { x, values } = profileData(r.result, 'gh_ug_l', window);
    return { x, y: values };
  });
  const { x, series } = overlay(withGh, curves);
  const markers: MarkerSpec[] = withGh.flatMap((r, i) => doseMarkers(r.result, window, paletteColor(i)));
  const missing = runs.length - withGh.length;
  return {
    id: 'compare-gh-profile',
    title: profileTitle(window),
    subtitle:
      '▼ dashed lines: doses, in the colour of their run.' +
      (missing > 0 ? ` ${missing} run(s) did not sample GH (output.series) and are left out.` : ''),
    x,
    xLabel: profileAxisLabel(window),
    xFormat: window === 'all' ? 'number' : 'clock',
    yLabel: 'GH (µg/L)',
    series,
    markers,
  };
}

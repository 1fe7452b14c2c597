// SPDX-License-Identifier: MIT
/**
 * Chart specs overlaying several runs on the same axes: daily IGF-1, daily mean GH and the 24-hour GH profile.
 * Runs may differ in duration and sampling grid, so their values are aligned on the union of their x values, with
 * gaps where a run has no value.
 */
import type { Result } from '../api/types.js';
import type { ChartSpec, MarkerSpec, SeriesSpec } from '../plots/spec.js';
import { paletteColor } from '../plots/spec.js';
import {
  DAILY_GROUPS,
  doseMarkers,
  profileAxisLabel,
  profileData,
  profileOptions,
  profileTitle,
} from './charts.js';
import type { Igf1Band, ProfileOption, ProfileWindow } from './charts.js';
import { quantityField } from '../units/convert.js';
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
  const quantity = quantityField(field);
  return {
    id,
    title,
    x,
    xLabel: 'day',
    xFormat: 'day',
    yLabel: labelOf(DAILY_INFO[field]),
    series: series.map((s) => ({ ...s, ...quantity })),
  };
}

/** Every daily field Compare draws, in reading order: IGF-1 and its SDS first, then the run page's groups. */
export const COMPARE_FIELDS: readonly DailyField[] = [
  'igf1_ng_ml',
  'igf1_sds',
  ...DAILY_GROUPS.flatMap((g) => [...g.left, ...(g.right ?? [])]),
];

/** Fields whose mass or area is better read on an axis fitted to the data (see `DAILY_GROUPS`). */
const FITTED_SPAN: Partial<Record<DailyField, number>> = Object.fromEntries(
  DAILY_GROUPS.flatMap((g) => (g.fittedSpan === undefined ? [] : g.left.map((f) => [f, g.fittedSpan]))),
);

function constant(x: readonly number[], label: string, value: number, field?: DailyField): SeriesSpec {
  const quantity = field === undefined ? {} : quantityField(field);
  return { label, values: x.map(() => value), color: '#7a9a7a', width: 1, dash: [5, 4], ...quantity };
}

/**
 * One chart per daily field that any run has values for, every run overlaid. IGF-1 carries the 2.5th–97.5th
 * reference band when `igf1Band` is given (the runs share age and sex), IGF-1 SDS the ±2 SDS band always.
 */
export function compareAllDailyCharts(runs: readonly NamedResult[], igf1Band: Igf1Band | null): ChartSpec[] {
  const charts: ChartSpec[] = [];
  for (const field of COMPARE_FIELDS) {
    if (!runs.some((r) => r.result.daily.some((d) => d[field] !== null && d[field] !== undefined))) continue;
    const info = DAILY_INFO[field];
    const base = compareDailyChart(runs, field, `compare-${field.replace(/_/g, '-')}`, info.name);
    const span = FITTED_SPAN[field];
    if (field === 'igf1_ng_ml' && igf1Band) {
      const n = base.series.length;
      charts.push({
        ...base,
        id: 'compare-igf1',
        subtitle:
          'Shaded: the 2.5th–97.5th percentile for the patients’ age and sex (assay-specific reference).',
        series: [
          ...base.series,
          constant(base.x, '97.5th percentile', igf1Band.upper, field),
          constant(base.x, '2.5th percentile', igf1Band.lower, field),
        ],
        bands: [{ upper: n, lower: n + 1, fill: 'rgba(0, 158, 115, 0.12)' }],
      });
    } else if (field === 'igf1_ng_ml') {
      charts.push({
        ...base,
        id: 'compare-igf1',
        subtitle:
          'The patients differ in age or sex, so no single reference band applies: see IGF-1 SDS below.',
      });
    } else if (field === 'igf1_sds') {
      const n = base.series.length;
      charts.push({
        ...base,
        subtitle: 'Shaded: −2 to +2 SDS for each patient’s age and sex.',
        series: [...base.series, constant(base.x, '+2 SDS', 2), constant(base.x, '−2 SDS', -2)],
        bands: [{ upper: n, lower: n + 1, fill: 'rgba(0, 158, 115, 0.12)' }],
        yFromZero: false,
      });
    } else {
      charts.push(span === undefined ? base : { ...base, yFromZero: false, yMinSpan: span });
    }
  }
  return charts;
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

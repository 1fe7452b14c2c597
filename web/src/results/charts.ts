// SPDX-License-Identifier: MIT
/**
 * Chart specs for one run's result: the 24-hour GH profile with dose markers, daily IGF-1 with its reference band,
 * the other daily summaries grouped by physiology, sampled series, and the events timeline. Pure functions of the
 * result document; groups whose fields are all null are reported as missing instead of drawn empty.
 */
import { MIN_PER_DAY } from '../../../src/scenario/vocabulary.js';
import { drugLabel } from '../api/contract.js';
import type { DailyRow, Result, ResultEvent } from '../api/types.js';
import type { BandSpec, ChartSpec, MarkerSpec, SeriesSpec } from '../plots/spec.js';
import { paletteColor } from '../plots/spec.js';
import { clockLabel, formatNumber } from '../plots/ticks.js';
import { quantityField } from '../units/convert.js';
import { DAILY_INFO, labelOf, seriesInfo } from './fields.js';
import { BAND_NOTE, uncertaintySeries } from './uncertainty.js';
import type { DailyField } from './fields.js';

/** The 2.5th–97.5th percentile interval of IGF-1 for the patient's age and sex, ng/mL. */
export interface Igf1Band {
  readonly lower: number;
  readonly upper: number;
  /** The age the reference table was read at. */
  readonly referenceAgeYears: number;
}

/** A group of daily fields drawn on one chart (left axis, and optionally a right axis in another unit). */
export interface DailyGroup {
  readonly id: string;
  readonly title: string;
  readonly left: readonly DailyField[];
  readonly leftLabel: string;
  readonly right?: readonly DailyField[];
  readonly rightLabel?: string;
  /** Fields drawn as markers rather than lines (counts). */
  readonly points?: readonly DailyField[];
  /**
   * Fit the y axis to the data, at least this wide, instead of starting at 0 (masses, where a 1–2 kg change must
   * show and grams of drift must not look like one).
   */
  readonly fittedSpan?: number;
}

/** The daily charts after IGF-1, in reading order. */
export const DAILY_GROUPS: readonly DailyGroup[] = [
  {
    id: 'gh-daily',
    title: 'GH per day: mean and trough',
    left: ['gh_mean_ug_l', 'gh_trough_ug_l'],
    leftLabel: 'GH (µg/L)',
  },
  {
    id: 'gh-bursts',
    title: 'GH secretory bursts per day (the model’s own count)',
    left: ['gh_pulses'],
    leftLabel: 'bursts per day',
    points: ['gh_pulses'],
  },
  {
    id: 'cortisol-prolactin',
    title: 'Cortisol and prolactin per day',
    left: ['cortisol_mean_ug_dl'],
    leftLabel: 'cortisol (µg/dL)',
    right: ['prolactin_mean_ng_ml'],
    rightLabel: 'prolactin (ng/mL)',
  },
  {
    id: 'glucose-insulin',
    title: 'Fasting glucose and insulin',
    left: ['glucose_fasting_mg_dl'],
    leftLabel: 'glucose (mg/dL)',
    right: ['insulin_fasting_uU_ml'],
    rightLabel: 'insulin (µU/mL)',
  },
  { id: 'homa-ir', title: 'HOMA-IR', left: ['homa_ir'], leftLabel: 'HOMA1-IR' },
  {
    id: 'lipolysis',
    title: 'Free fatty acids and lipolysis',
    left: ['ffa_mean_mmol_l'],
    leftLabel: 'FFA (mmol/L)',
    right: ['lipolysis_mean_umol_kg_min'],
    rightLabel: 'lipolysis (µmol/kg/min)',
  },
  // One mass per chart, each on an axis fitted to it: on one shared axis from 0 a 1–2 kg change is invisible.
  { id: 'weight', title: 'Body weight', left: ['weight_kg'], leftLabel: 'weight (kg)', fittedSpan: 3 },
  { id: 'lean-mass', title: 'Lean mass', left: ['lean_mass_kg'], leftLabel: 'lean mass (kg)', fittedSpan: 3 },
  { id: 'fat-mass', title: 'Fat mass', left: ['fat_mass_kg'], leftLabel: 'fat mass (kg)', fittedSpan: 3 },
  {
    id: 'visceral-fat',
    title: 'Visceral fat area',
    left: ['visceral_fat_cm2'],
    leftLabel: 'visceral fat (cm²)',
    fittedSpan: 10,
  },
  {
    id: 'gonadal',
    title: 'LH, FSH and testosterone',
    left: ['lh_mean_iu_l', 'fsh_mean_iu_l'],
    leftLabel: 'LH, FSH (IU/L)',
    right: ['testosterone_mean_ng_dl'],
    rightLabel: 'testosterone (ng/dL)',
  },
];

/** A daily group with no value at all in this result: the model part is not there (or does not apply). */
export interface MissingGroup {
  readonly id: string;
  readonly title: string;
  readonly fields: readonly DailyField[];
}

function column(daily: readonly DailyRow[], field: DailyField): (number | null)[] {
  return daily.map((row) => row[field] ?? null);
}

function allNull(values: readonly (number | null)[]): boolean {
  return values.every((v) => v === null);
}

/** The IGF-1 chart: the morning value per day and, when known, the 2.5th–97.5th reference band. */
export function igf1Chart(result: Result, band: Igf1Band | null): ChartSpec {
  const x = result.daily.map((row) => row.day);
  const series: SeriesSpec[] = [
    {
      label: labelOf(DAILY_INFO.igf1_ng_ml),
      values: column(result.daily, 'igf1_ng_ml'),
      color: paletteColor(0),
      quantity: 'igf1',
    },
  ];
  if (band) {
    series.push(
      {
        label: '97.5th percentile',
        values: x.map(() => band.upper),
        color: '#7a9a7a',
        width: 1,
        dash: [5, 4],
        quantity: 'igf1',
      },
      {
        label: '2.5th percentile',
        values: x.map(() => band.lower),
        color: '#7a9a7a',
        width: 1,
        dash: [5, 4],
        quantity: 'igf1',
      },
    );
  }
  const bands: BandSpec[] = band ? [{ upper: 1, lower: 2, fill: 'rgba(0, 158, 115, 0.12)' }] : [];
  const info = DAILY_INFO.igf1_ng_ml;
  const drawn = uncertaintySeries(result, 'igf1_ng_ml', series[0], series.length, info.name, info.unit);
  series.push(...drawn.series);
  if (drawn.band) bands.push(drawn.band);
  const { sex, age_years } = result.scenario.patient;
  const reference = band
    ? `Shaded green: 2.5th–97.5th percentile for a ${sex} of ${age_years} y (table read at ` +
      `${band.referenceAgeYears} y; assay-specific reference).`
    : 'The reference band could not be loaded from the API.';
  return {
    id: 'igf1-daily',
    title: 'IGF-1 over the days',
    subtitle: drawn.band ? `${reference} ${BAND_NOTE.replace('Shaded:', 'Shaded blue:')}` : reference,
    x,
    xLabel: 'day',
    xFormat: 'day',
    yLabel: 'IGF-1 (ng/mL)',
    series,
    ...(bands.length > 0 ? { bands } : {}),
  };
}

function groupSeries(result: Result, group: DailyGroup): { field: DailyField; line: SeriesSpec }[] {
  const sides: [readonly DailyField[], 'left' | 'right'][] = [
    [group.left, 'left'],
    [group.right ?? [], 'right'],
  ];
  const lines: { field: DailyField; line: SeriesSpec }[] = [];
  for (const [fields, axis] of sides) {
    for (const field of fields) {
      const values = column(result.daily, field);
      if (allNull(values)) continue;
      const style = group.points?.includes(field) ? 'points' : 'line';
      // Right-axis lines are dashed, so a reader can tell which axis a line belongs to even where lines overlap.
      lines.push({
        field,
        line: {
          label: labelOf(DAILY_INFO[field]),
          values,
          color: paletteColor(lines.length),
          axis,
          style,
          ...quantityField(field),
          ...(axis === 'right' && style === 'line' ? { dash: [8, 5] } : {}),
        },
      });
    }
  }
  return lines;
}

/** The lines followed by the uncertainty bands of those that have one (not for counts drawn as points). */
function withBands(
  result: Result,
  lines: readonly { field: DailyField; line: SeriesSpec }[],
): { series: SeriesSpec[]; bands: BandSpec[] } {
  const series: SeriesSpec[] = lines.map((l) => l.line);
  const bands: BandSpec[] = [];
  for (const { field, line } of lines) {
    if (line.style === 'points') continue;
    const info = DAILY_INFO[field];
    const extra = uncertaintySeries(result, field, line, series.length, info.name, info.unit);
    series.push(...extra.series);
    if (extra.band) bands.push(extra.band);
  }
  return { series, bands };
}

/** The chart of a daily group, or `null` when every field of the group is null. */
export function dailyGroupChart(result: Result, group: DailyGroup): ChartSpec | null {
  const lines = groupSeries(result, group);
  if (lines.length === 0) return null;
  const right = lines.some((l) => l.line.axis === 'right');
  const left = lines.some((l) => l.line.axis !== 'right');
  // When only the right-hand fields have values, draw them (solid) on the left axis.
  const moved = left
    ? lines
    : lines.map(({ field, line: { dash: _dash, ...line } }) => ({
        field,
        line: { ...line, axis: 'left' as const },
      }));
  const { series, bands } = withBands(result, moved);
  return {
    id: group.id,
    title: group.title,
    ...(bands.length > 0 ? { subtitle: BAND_NOTE, bands } : {}),
    x: result.daily.map((row) => row.day),
    xLabel: 'day',
    xFormat: 'day',
    yLabel: left ? group.leftLabel : (group.rightLabel ?? ''),
    ...(left && right && group.rightLabel ? { y2Label: group.rightLabel, splitAxes: true } : {}),
    ...(group.fittedSpan !== undefined ? { yFromZero: false, yMinSpan: group.fittedSpan } : {}),
    series,
  };
}

/** IGF-1 as an SDS for age and sex per day, with the ±2 SDS lines (the 2.5th and 97.5th percentiles). */
export function igf1SdsChart(result: Result): ChartSpec | null {
  const values = column(result.daily, 'igf1_sds');
  if (allNull(values)) return null;
  const x = result.daily.map((row) => row.day);
  const line = (label: string, v: number): SeriesSpec => ({
    label,
    values: x.map(() => v),
    color: '#7a9a7a',
    width: 1,
    dash: [5, 4],
  });
  return {
    id: 'igf1-sds',
    title: 'IGF-1 SDS for age and sex',
    subtitle: 'Shaded: −2 to +2 SDS, the 2.5th to 97.5th percentile of the reference population.',
    x,
    xLabel: 'day',
    xFormat: 'day',
    yLabel: 'IGF-1 SDS',
    series: [
      { label: labelOf(DAILY_INFO.igf1_sds), values, color: paletteColor(0) },
      line('+2 SDS', 2),
      line('−2 SDS', -2),
    ],
    bands: [{ upper: 1, lower: 2, fill: 'rgba(0, 158, 115, 0.12)' }],
    yFromZero: false,
  };
}

/** Fields on the change-from-baseline chart, in percent of their baseline. */
export const CHANGE_FIELDS: readonly DailyField[] = [
  'igf1_ng_ml',
  'gh_mean_ug_l',
  'lean_mass_kg',
  'fat_mass_kg',
  'glucose_fasting_mg_dl',
  'homa_ir',
];

/**
 * Each field of {@link CHANGE_FIELDS} as percent change from its baseline: the mean over `baselineDays` when
 * those days are in the daily table (a pre-treatment window), else day 0's value (and the subtitle says so).
 */
export function changeChart(
  result: Result,
  baselineDays: readonly [number, number] | null,
): ChartSpec | null {
  const x = result.daily.map((row) => row.day);
  const inWindow = baselineDays
    ? result.daily.filter((row) => row.day >= baselineDays[0] && row.day <= baselineDays[1])
    : [];
  const rows = inWindow.length > 0 ? inWindow : result.daily.slice(0, 1);
  const series: SeriesSpec[] = [];
  for (const field of CHANGE_FIELDS) {
    const base = rows.map((row) => row[field]).filter((v): v is number => v !== null && v !== undefined);
    if (base.length === 0) continue;
    const mean = base.reduce((a, b) => a + b, 0) / base.length;
    if (mean === 0) continue;
    series.push({
      label: `${DAILY_INFO[field].name} (%)`,
      values: column(result.daily, field).map((v) => (v === null ? null : ((v - mean) / mean) * 100)),
      color: paletteColor(series.length),
    });
  }
  if (series.length === 0) return null;
  return {
    id: 'change-from-baseline',
    title: 'Change from baseline',
    subtitle:
      inWindow.length > 0 && baselineDays
        ? `Percent change from the mean of days ${baselineDays[0]} to ${baselineDays[1]} (the baseline window).`
        : 'Percent change from day 0 (the daily table holds no untreated baseline window).',
    x,
    xLabel: 'day',
    xFormat: 'day',
    yLabel: 'change from baseline (%)',
    series,
    yFromZero: false,
  };
}

/** The daily charts with values, and the groups without any (to say so instead of drawing nothing). */
export function dailyCharts(result: Result): { charts: ChartSpec[]; missing: MissingGroup[] } {
  const charts: ChartSpec[] = [];
  const missing: MissingGroup[] = [];
  for (const group of DAILY_GROUPS) {
    const chart = dailyGroupChart(result, group);
    if (chart) charts.push(chart);
    else missing.push({ id: group.id, title: group.title, fields: [...group.left, ...(group.right ?? [])] });
  }
  return { charts, missing };
}

/** The days the sampled series cover (the output window), ascending. */
export function windowDays(result: Result): number[] {
  const days = new Set<number>();
  for (const t of result.series.t_min ?? []) days.add(Math.floor(t / MIN_PER_DAY));
  return [...days].sort((a, b) => a - b);
}

/** What a profile chart shows: 24 hours from `startMin` (minutes since day 0, 00:00), or the whole window. */
export type ProfileWindow = { readonly startMin: number } | 'all';

/** A choice of profile window, with the text a menu shows for it. */
export interface ProfileOption {
  /** `'all'` or the start minute as text: a stable `<option>` value. */
  readonly value: string;
  readonly window: ProfileWindow;
  readonly label: string;
}

/** The option value of a window. */
export function windowValue(window: ProfileWindow): string {
  return window === 'all' ? 'all' : String(window.startMin);
}

function coversDay(t: readonly number[], startMin: number, stepMin: number): boolean {
  if (t.length === 0) return false;
  // The last sample of a window may fall one step short of its end.
  return t[0] <= startMin && t[t.length - 1] >= startMin + MIN_PER_DAY - stepMin;
}

/**
 * The 24-hour windows the sampled series cover completely: each day from noon to noon (the night in the middle:
 * sleep onset and bedtime doses are where the GH story is) and from midnight to midnight, then the whole window.
 */
export function profileOptions(result: Result): ProfileOption[] {
  const t = result.series.t_min ?? [];
  const step = result.scenario.output.sample_every_min;
  const options: ProfileOption[] = [];
  for (const day of windowDays(result)) {
    const noon = day * MIN_PER_DAY + MIN_PER_DAY / 2;
    if (coversDay(t, noon, step)) {
      options.push({
        value: String(noon),
        window: { startMin: noon },
        label: `day ${day} 12:00 → day ${day + 1} 12:00`,
      });
    }
    const midnight = day * MIN_PER_DAY;
    if (coversDay(t, midnight, step)) {
      options.push({
        value: String(midnight),
        window: { startMin: midnight },
        label: `day ${day}, 00:00 → 24:00`,
      });
    }
  }
  options.push({ value: 'all', window: 'all', label: 'the whole sampled window' });
  return options;
}

/**
 * Every 24-hour window the sampled series cover completely, starting on the hour: `{ day, hour }` pairs, for a
 * picker of any day and start time.
 */
export function hourlyWindowStarts(result: Result): { day: number; hours: number[] }[] {
  const t = result.series.t_min ?? [];
  const step = result.scenario.output.sample_every_min;
  return windowDays(result)
    .map((day) => ({
      day,
      hours: [...Array(24).keys()].filter((h) => coversDay(t, day * MIN_PER_DAY + h * 60, step)),
    }))
    .filter((d) => d.hours.length > 0);
}

/** The window shown first: the first noon-to-noon window, else the first full day, else everything. */
export function defaultProfileWindow(result: Result): ProfileWindow {
  return profileOptions(result)[0].window;
}

/** The span [from, to] in minutes a window covers. */
function windowSpan(result: Result, window: ProfileWindow): [number, number] {
  if (window !== 'all') return [window.startMin, window.startMin + MIN_PER_DAY];
  const t = result.series.t_min ?? [];
  return [t[0] ?? 0, t[t.length - 1] ?? 0];
}

/**
 * Minutes since the start → hours on the profile's x axis: clock hours counted from midnight of the window's first
 * day (12 … 36 for a noon-to-noon window), or hours since day 0 for the whole window.
 */
export function profileHours(t: number, window: ProfileWindow): number {
  const origin = window === 'all' ? 0 : Math.floor(window.startMin / MIN_PER_DAY) * MIN_PER_DAY;
  return (t - origin) / 60;
}

/** `day 3 12:00 → day 4 12:00`, or `day 3, 00:00 → 24:00` for a midnight start. */
function windowText(window: { startMin: number }): string {
  const day = Math.floor(window.startMin / MIN_PER_DAY);
  const clock = clockLabel((window.startMin % MIN_PER_DAY) / 60);
  return window.startMin % MIN_PER_DAY === 0
    ? `day ${day}, 00:00 → 24:00`
    : `day ${day} ${clock} → day ${day + 1} ${clock}`;
}

/** The x-axis label of a window. */
export function profileAxisLabel(window: ProfileWindow): string {
  if (window === 'all') return 'hours since day 0, 00:00';
  return `clock time, ${windowText(window)}`;
}

/** The title of a GH profile chart for a window. */
export function profileTitle(window: ProfileWindow): string {
  if (window === 'all') return 'GH profile over the sampled window';
  return `24-hour GH profile, ${windowText(window)}`;
}

function doseLabel(event: Extract<ResultEvent, { kind: 'dose' }>): string {
  const day = Math.floor(event.t_min / MIN_PER_DAY);
  const clock = clockLabel((event.t_min % MIN_PER_DAY) / 60);
  return `day ${day} ${clock} ${drugLabel(event.drug)} ${formatNumber(event.amount_mcg)} mcg ${event.route.toUpperCase()}`;
}

function markerColor(i: number): string {
  return ['#b23a48', '#6a4c93', '#8a6d00', '#2d6a4f'][i % 4];
}

/** Dose markers inside a profile window, coloured per drug (or all in `color`). */
export function doseMarkers(result: Result, window: ProfileWindow, color?: string): MarkerSpec[] {
  const drugs = [...new Set(result.events.flatMap((e) => (e.kind === 'dose' ? [e.drug] : [])))];
  const [from, to] = windowSpan(result, window);
  return result.events.flatMap((e) =>
    e.kind === 'dose' && e.t_min >= from && e.t_min <= to
      ? [
          {
            x: profileHours(e.t_min, window),
            label: doseLabel(e),
            color: color ?? markerColor(drugs.indexOf(e.drug)),
          },
        ]
      : [],
  );
}

/** The x values (hours) and one series' values inside a profile window. */
export function profileData(
  result: Result,
  name: string,
  window: ProfileWindow,
): { x: number[]; values: number[] } {
  const t = result.series.t_min ?? [];
  const source = result.series[name] ?? [];
  const [from, to] = windowSpan(result, window);
  const x: number[] = [];
  const values: number[] = [];
  t.forEach((time, i) => {
    if (time < from || time > to) return;
    x.push(profileHours(time, window));
    values.push(source[i]);
  });
  return { x, values };
}

/** The sampled profile of one series (GH by default) with dose markers, or `null` when it was not sampled. */
export function profileChart(result: Result, name: string, window: ProfileWindow): ChartSpec | null {
  if (!result.series[name]) return null;
  const { x, values } = profileData(result, name, window);
  if (x.length === 0) return null;
  const info = seriesInfo(name);
  const isGh = name === 'gh_ug_l';
  const title = isGh ? profileTitle(window) : `${info.name[0].toUpperCase()}${info.name.slice(1)} (sampled)`;
  return {
    id: isGh ? 'gh-profile' : `series-${name}`,
    title,
    subtitle: `Sampled every ${result.scenario.output.sample_every_min} min. ▼ dashed lines: doses.`,
    x,
    xLabel: profileAxisLabel(window),
    xFormat: window === 'all' ? 'number' : 'clock',
    yLabel: labelOf(info),
    series: [{ label: labelOf(info), values, color: paletteColor(0), ...quantityField(name) }],
    markers: doseMarkers(result, window),
    ...(window === 'all' ? {} : { clockOriginDay: Math.floor(window.startMin / MIN_PER_DAY) }),
  };
}

/** Rows of the events timeline: one per dosed drug, then titrations, then alerts (only those that occur). */
export function timelineCategories(events: readonly ResultEvent[]): string[] {
  const drugs = [...new Set(events.flatMap((e) => (e.kind === 'dose' ? [e.drug] : [])))];
  const rows = drugs.map((d) => `dose: ${d}`);
  if (events.some((e) => e.kind === 'titration')) rows.push('titration');
  if (events.some((e) => e.kind === 'alert')) rows.push('alert');
  return rows;
}

function categoryOf(event: ResultEvent): string {
  return event.kind === 'dose' ? `dose: ${event.drug}` : event.kind;
}

/** The events timeline (day on x, one row per kind), or `null` without events. */
export function timelineChart(result: Result): ChartSpec | null {
  const categories = timelineCategories(result.events);
  if (categories.length === 0) return null;
  // Day 0 and the last day are included (without events) so the axis spans the whole scenario.
  const days = [0, result.scenario.duration_days, ...result.events.map((e) => e.t_min / MIN_PER_DAY)];
  const x = [...new Set(days)].sort((a, b) => a - b);
  const index = new Map(x.map((v, i) => [v, i]));
  const series: SeriesSpec[] = categories.map((category, c) => {
    const values: (number | null)[] = x.map(() => null);
    for (const e of result.events) {
      if (categoryOf(e) === category) values[index.get(e.t_min / MIN_PER_DAY) ?? 0] = c + 1;
    }
    const color = category === 'alert' ? '#c0392b' : category === 'titration' ? '#8a6d00' : paletteColor(c);
    return { label: category, values, color, style: 'points' };
  });
  return {
    id: 'events',
    title: 'Events: doses, titrations, alerts',
    x,
    xLabel: 'day',
    xFormat: 'day',
    yLabel: '',
    series,
    categories,
    height: 110 + 36 * categories.length,
  };
}

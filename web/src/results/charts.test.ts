// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { DAILY_FIELDS } from '../../../src/scenario/result.js';
import type { DailyRow, Result, ResultEvent } from '../api/types.js';
import {
  DAILY_GROUPS,
  dailyCharts,
  defaultProfileWindow,
  doseMarkers,
  igf1Chart,
  profileChart,
  profileData,
  profileHours,
  profileOptions,
  timelineChart,
} from './charts.js';
import {
  alignCurves,
  commonProfileOptions,
  compareAllDailyCharts,
  compareDailyChart,
  legendNames,
} from './compare.js';

/** A day whose fields are all null except those given. */
function day(d: number, values: Partial<DailyRow> = {}): DailyRow {
  const row = Object.fromEntries(DAILY_FIELDS.map((f) => [f, null])) as unknown as DailyRow;
  return { ...row, day: d, ...values };
}

/**
 * A result of `days` days with GH sampled every `step` minutes over `windowDays` days, IGF-1 rising by 10 ng/mL a
 * day, and the given events. Only the fields the chart builders read are filled in.
 */
function result(
  options: { days?: number; windowDays?: number; step?: number; events?: ResultEvent[] } = {},
): Result {
  const { days = 7, windowDays = 2, step = 10, events = [] } = options;
  const t = Array.from({ length: (windowDays * 1440) / step }, (_, i) => i * step);
  return {
    scenario: {
      name: 'test',
      duration_days: days,
      patient: { age_years: 62, sex: 'male' },
      output: { sample_every_min: step },
    },
    daily: Array.from({ length: days }, (_, d) =>
      day(d, {
        igf1_ng_ml: 100 + 10 * d,
        gh_mean_ug_l: 0.5,
        cortisol_mean_ug_dl: null,
        prolactin_mean_ng_ml: 9,
      }),
    ),
    series: { t_min: t, gh_ug_l: t.map((m) => m / 1000) },
    events,
  } as unknown as Result;
}

const dose = (t: number, drug = 'sermorelin'): ResultEvent => ({
  t_min: t,
  kind: 'dose',
  drug,
  amount_mcg: 300,
  route: 'sc',
});

describe('profile windows', () => {
  it('offers the full noon-to-noon and midnight-to-midnight days of the sampled window, then all of it', () => {
    // Samples at 0, 10, …, 2870 min: day 0 noon → day 1 noon and days 0 and 1 are complete, day 1 noon is not.
    const options = profileOptions(result({ windowDays: 2 }));
    expect(options.map((o) => o.value)).toEqual(['720', '0', '1440', 'all']);
    expect(options[0].label).toBe('day 0 12:00 → day 1 12:00');
    expect(defaultProfileWindow(result({ windowDays: 2 }))).toEqual({ startMin: 720 });
  });

  it('falls back to the whole window when no 24 hours are sampled', () => {
    expect(profileOptions(result({ windowDays: 0.5 })).map((o) => o.value)).toEqual(['all']);
  });

  it('puts clock hours on x: 12 to 36 for a noon-to-noon window', () => {
    const { x, values } = profileData(result(), 'gh_ug_l', { startMin: 720 });
    expect(x[0]).toBe(12);
    expect(x[x.length - 1]).toBe(36);
    expect(x).toHaveLength(24 * 6 + 1);
    expect(values[0]).toBeCloseTo(0.72, 12); // the series value at t = 720 min
    expect(profileHours(2000, { startMin: 1440 })).toBeCloseTo((2000 - 1440) / 60, 12);
    expect(profileHours(2000, 'all')).toBeCloseTo(2000 / 60, 12);
  });

  it('marks the doses inside the window only, at their clock hour', () => {
    const r = result({ events: [dose(1350), dose(2790), dose(1350 + 1440 * 3)] });
    const markers = doseMarkers(r, { startMin: 720 });
    expect(markers.map((m) => m.x)).toEqual([22.5]);
    expect(markers[0].label).toBe('day 0 22:30 Sermorelin (GHRH 1-29) 300 mcg SC');
    expect(profileChart(r, 'gh_ug_l', { startMin: 720 })?.markers).toHaveLength(1);
    expect(profileChart(r, 'cortisol_ug_dl', 'all')).toBeNull();
  });
});

describe('daily charts', () => {
  it('draws IGF-1 with the reference band as the shaded area between two constant series', () => {
    const spec = igf1Chart(result(), { lower: 55, upper: 211, referenceAgeYears: 62 });
    expect(spec.series.map((s) => s.label)).toEqual([
      'IGF-1 (morning) (ng/mL)',
      '97.5th percentile',
      '2.5th percentile',
    ]);
    expect(spec.bands?.[0]).toMatchObject({ upper: 1, lower: 2 });
    expect(spec.series[1].values.every((v) => v === 211)).toBe(true);
    expect(spec.series[0].values.slice(0, 3)).toEqual([100, 110, 120]);
    expect(igf1Chart(result(), null).bands).toBeUndefined();
  });

  it('hides the groups whose fields are all null and names them', () => {
    const { charts, missing } = dailyCharts(result());
    expect(charts.map((c) => c.id)).toEqual(['gh-daily', 'cortisol-prolactin']);
    expect(missing.map((m) => m.id)).toEqual(
      DAILY_GROUPS.map((g) => g.id).filter((id) => !['gh-daily', 'cortisol-prolactin'].includes(id)),
    );
    expect(missing.find((m) => m.id === 'gonadal')?.fields).toEqual([
      'lh_mean_iu_l',
      'fsh_mean_iu_l',
      'testosterone_mean_ng_dl',
    ]);
  });

  it('moves a lone right-axis series to the left axis, solid', () => {
    const spec = dailyCharts(result()).charts.find((c) => c.id === 'cortisol-prolactin');
    expect(spec?.series).toHaveLength(1);
    expect(spec?.series[0]).toMatchObject({ label: 'Mean prolactin (ng/mL)', axis: 'left' });
    expect(spec?.series[0].dash).toBeUndefined();
    expect(spec?.yLabel).toBe('prolactin (ng/mL)');
  });
});

describe('events timeline', () => {
  it('has one row per dosed drug, then titrations and alerts, and spans the whole scenario', () => {
    const events: ResultEvent[] = [
      dose(1350),
      dose(1350, 'ipamorelin'),
      { t_min: 4320, kind: 'alert', code: 'IGF1_ABOVE_RANGE', message: 'high' },
    ];
    const spec = timelineChart(result({ days: 7, events }));
    expect(spec?.categories).toEqual(['dose: sermorelin', 'dose: ipamorelin', 'alert']);
    expect(spec?.x).toEqual([0, 1350 / 1440, 3, 7]);
    expect(spec?.series[2].values).toEqual([null, null, 3, null]);
    expect(timelineChart(result())).toBeNull();
  });
});

describe('comparison', () => {
  it('aligns curves on the union of their x values, with gaps', () => {
    expect(
      alignCurves([
        { x: [0, 1, 2], y: [1, 2, 3] },
        { x: [1, 3], y: [5, 6] },
      ]),
    ).toEqual({
      x: [0, 1, 2, 3],
      ys: [
        [1, 2, 3, null],
        [null, 5, null, 6],
      ],
    });
  });

  it('overlays runs of different lengths, one series per run named after it', () => {
    const runs = [
      { id: 'a1b2c3d4', name: 'sermorelin', result: result({ days: 3 }) },
      { id: 'e5f6a7b8', name: 'rhGH', result: result({ days: 5 }) },
    ];
    const spec = compareDailyChart(runs, 'igf1_ng_ml', 'compare-igf1', 'IGF-1');
    expect(spec.x).toEqual([0, 1, 2, 3, 4]);
    expect(spec.series.map((s) => s.label)).toEqual(['sermorelin', 'rhGH']);
    expect(spec.series[0].values).toEqual([100, 110, 120, null, null]);
    expect(new Set(spec.series.map((s) => s.color)).size).toBe(2);
  });

  it('offers only the profile windows every run covers', () => {
    const runs = [
      { id: 'a', name: 'a', result: result({ windowDays: 2 }) },
      { id: 'b', name: 'b', result: result({ windowDays: 1 }) },
    ];
    expect(commonProfileOptions(runs).map((o) => o.value)).toEqual(['0', 'all']);
  });

  it('tells runs of the same name apart by their id', () => {
    expect(
      legendNames([
        { id: 'abcdef123', name: 'x' },
        { id: '987654321', name: 'x' },
        { id: 'q', name: 'y' },
      ]),
    ).toEqual(['x (abcdef)', 'x (987654)', 'y']);
  });
});

describe('compareAllDailyCharts', () => {
  it('draws every daily field some run has, IGF-1 with the reference band when the patients share age and sex', () => {
    const runs = [
      { id: 'a', name: 'A', result: result() },
      { id: 'b', name: 'B', result: result({ days: 5 }) },
    ];
    const charts = compareAllDailyCharts(runs, { lower: 60, upper: 220, referenceAgeYears: 62 });
    // The fixture has IGF-1, mean GH and prolactin; cortisol is null throughout.
    expect(charts.map((c) => c.id)).toEqual([
      'compare-igf1',
      'compare-gh-mean-ug-l',
      'compare-prolactin-mean-ng-ml',
    ]);
    const igf1 = charts[0];
    expect(igf1.series.map((s) => s.label)).toEqual(['A', 'B', '97.5th percentile', '2.5th percentile']);
    expect(igf1.bands?.[0]).toMatchObject({ upper: 2, lower: 3 });
    expect(compareAllDailyCharts(runs, null)[0].bands).toBeUndefined();
  });
});

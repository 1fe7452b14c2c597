// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { DAILY_FIELDS } from '../../../src/scenario/result.js';
import type { DailyRow, Result } from '../api/types.js';
import { dailyGroupChart, DAILY_GROUPS, igf1Chart } from './charts.js';
import { bandColumns, translucent } from './uncertainty.js';

function day(d: number, values: Partial<DailyRow> = {}): DailyRow {
  const row = Object.fromEntries(DAILY_FIELDS.map((f) => [f, null])) as unknown as DailyRow;
  return { ...row, day: d, ...values };
}

/** Three days after two untreated baseline days (−2, −1), with bands over days 0–2 for IGF-1 and glucose. */
function banded(): Result {
  return {
    scenario: { name: 'b', duration_days: 3, patient: { age_years: 40, sex: 'male' } },
    daily: [-2, -1, 0, 1, 2].map((d) => day(d, { igf1_ng_ml: 150 + d, glucose_fasting_mg_dl: 90 })),
    bands: {
      igf1_ng_ml: { p05: [120, 121, 122], p50: [150, 151, 152], p95: [180, 181, 182] },
      glucose_fasting_mg_dl: { p05: [80, 80, 80], p50: [90, 90, 90], p95: [100, 100, 100] },
      insulin_fasting_uU_ml: { p05: [null, null, null], p50: [null, null, null], p95: [null, null, null] },
    },
    series: { t_min: [] },
    events: [],
  } as unknown as Result;
}

describe('uncertainty bands on the run page', () => {
  it('aligns the band (indexed from day 0) with the daily rows, baseline days empty', () => {
    const columns = bandColumns(banded(), 'igf1_ng_ml');
    expect(columns?.p05).toEqual([null, null, 120, 121, 122]);
    expect(columns?.p50).toEqual([null, null, 150, 151, 152]);
    expect(columns?.p95).toEqual([null, null, 180, 181, 182]);
    expect(bandColumns(banded(), 'insulin_fasting_uU_ml')).toBeNull();
    expect(bandColumns(banded(), 'weight_kg')).toBeNull();
  });

  it('draws IGF-1 with the shaded 5–95 % band and the median, beside the reference band', () => {
    const spec = igf1Chart(banded(), { lower: 100, upper: 300, referenceAgeYears: 40 });
    const labels = spec.series.map((s) => s.label);
    expect(labels).toEqual([
      'IGF-1 (morning) (ng/mL)',
      '97.5th percentile',
      '2.5th percentile',
      'IGF-1 (morning), 95th percentile of draws (ng/mL)',
      'IGF-1 (morning), 5th percentile of draws (ng/mL)',
      'IGF-1 (morning), median of draws (ng/mL)',
    ]);
    expect(spec.bands).toEqual([
      { upper: 1, lower: 2, fill: 'rgba(0, 158, 115, 0.12)' },
      { upper: 3, lower: 4, fill: 'rgba(0, 114, 178, 0.15)' },
    ]);
    expect(spec.series.slice(3).every((s) => s.quantity === 'igf1')).toBe(true);
    expect(spec.subtitle).toContain('5–95 % of the draws');
  });

  it('bands each line of a daily group that has one, on that line’s axis', () => {
    const group = DAILY_GROUPS.find((g) => g.id === 'glucose-insulin');
    const spec = group ? dailyGroupChart(banded(), group) : null;
    expect(spec?.series.map((s) => s.label)).toEqual([
      'Fasting glucose (mg/dL)',
      'Fasting glucose, 95th percentile of draws (mg/dL)',
      'Fasting glucose, 5th percentile of draws (mg/dL)',
      'Fasting glucose, median of draws (mg/dL)',
    ]);
    expect(spec?.bands).toEqual([{ upper: 1, lower: 2, fill: 'rgba(0, 114, 178, 0.15)' }]);
  });

  it('draws nothing extra for a run without bands', () => {
    const plain = { ...banded(), bands: undefined } as unknown as Result;
    const spec = igf1Chart(plain, null);
    expect(spec.series).toHaveLength(1);
    expect(spec.bands).toBeUndefined();
  });

  it('makes palette colours translucent', () => {
    expect(translucent('#0072B2', 0.15)).toBe('rgba(0, 114, 178, 0.15)');
    expect(translucent('red', 0.5)).toBe('red');
  });
});

// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../plots/spec.js';
import { labelIn, specInUnits, unitOfName, valueIn } from './convert.js';

const glucoseInsulin: ChartSpec = {
  id: 'glucose-insulin',
  title: 'Fasting glucose and insulin',
  x: [0, 1],
  xLabel: 'day',
  yLabel: 'glucose (mg/dL)',
  y2Label: 'insulin (µU/mL)',
  series: [
    { label: 'Fasting glucose (mg/dL)', values: [90, null], color: '#000', quantity: 'glucose' },
    { label: 'Fasting insulin (µU/mL)', values: [10, 12], color: '#111', axis: 'right', quantity: 'insulin' },
    { label: 'no unit of its own', values: [1, 2], color: '#222' },
  ],
};

describe('the SI-unit toggle on a chart spec', () => {
  it('converts values, series labels and both axis labels', () => {
    const si = specInUnits(glucoseInsulin, 'si');
    expect(si.series[0].values[0]).toBeCloseTo(5, 12);
    expect(si.series[0].values[1]).toBeNull();
    expect(si.series[0].label).toBe('Fasting glucose (mmol/L)');
    expect(si.series[1].values[0]).toBeCloseTo(69.45, 12);
    expect(si.series[1].label).toBe('Fasting insulin (pmol/L)');
    expect(si.yLabel).toBe('glucose (mmol/L)');
    expect(si.y2Label).toBe('insulin (pmol/L)');
    expect(si.series[2]).toBe(glucoseInsulin.series[2]);
  });

  it('leaves the spec as it is in conventional units', () => {
    expect(specInUnits(glucoseInsulin, 'conventional')).toBe(glucoseInsulin);
  });

  it('converts table cells and endpoint labels by their contract name', () => {
    expect(valueIn('igf1_ng_ml', 200, 'si')).toBeCloseTo(26.2, 12);
    expect(valueIn('homa_ir', 2.1, 'si')).toBe(2.1);
    expect(valueIn('glucose_fasting_change_mg_dl', -9, 'si')).toBeCloseTo(-0.5, 12);
    expect(labelIn('glucose_fasting_change_mg_dl', 'Fasting glucose change (mg/dL)', 'si')).toBe(
      'Fasting glucose change (mmol/L)',
    );
    expect(labelIn('igf1_change_pct', 'IGF-1 change (%)', 'si')).toBe('IGF-1 change (%)');
    expect(unitOfName('testosterone_total_ng_dl', 'ng/dL', 'si')).toBe('nmol/L');
    expect(unitOfName('lh_mean_iu_l', 'IU/L', 'si')).toBe('IU/L');
  });
});

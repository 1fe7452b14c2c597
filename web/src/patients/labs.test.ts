// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import type { PatientPrediction } from '../api/patients.js';
import { parseLabCsv, predictionChart } from './labs.js';

describe('parseLabCsv', () => {
  it('reads date,lab,value,unit lines after an optional header and names the line of each bad one', () => {
    const csv = [
      'date,lab,value,unit',
      '2026-03-02,igf1_ng_ml,120,ng/mL',
      '',
      '2026-03-30, igf1 , 19.1 , nmol/L',
      '2026-04-01,igf1,abc,ng/mL',
      '2026-04-02,igf1,120',
    ].join('\n');
    const { labs, errors } = parseLabCsv(csv);
    expect(labs).toEqual([
      { drawn_at: '2026-03-02', analyte: 'igf1_ng_ml', value: 120, unit: 'ng/mL' },
      { drawn_at: '2026-03-30', analyte: 'igf1', value: 19.1, unit: 'nmol/L' },
    ]);
    expect(errors).toEqual([
      "line 5: value must be a number, got 'abc'",
      'line 6: expected 4 fields date,lab,value,unit, got 3',
    ]);
  });
});

describe('predictionChart', () => {
  const prediction: PatientPrediction = {
    schema: 'endotwin/twin-patient-prediction/v1',
    fit: {
      parameters: [],
      residuals: [
        { day: 0, lab: 'igf1', observed: 120, fitted: 118 },
        { day: 0, lab: 'glucose_fasting', observed: 99, fitted: 95 },
        { day: 2, lab: 'igf1', observed: 140, fitted: 150 },
        { day: 2, lab: 'igf1', observed: 160, fitted: 150 },
      ],
      ignored: [],
      notes: [],
      converged: true,
    },
    history_days: 2,
    duration_days: 3,
    draws: 10,
    level: 0.9,
    notes: [],
    daily: [0, 1, 2].map((day) => ({
      day,
      igf1_ng_ml_median: 100 + day,
      igf1_ng_ml_p05: 80 + day,
      igf1_ng_ml_p95: 130 + day,
    })),
  };

  it('bands p05–p95 around the median and puts the measured IGF-1 on its days (same-day draws averaged)', () => {
    const spec = predictionChart(prediction, 'Patient P');
    expect(spec.x).toEqual([0, 1, 2]);
    expect(spec.bands?.[0]).toMatchObject({ upper: 0, lower: 1 });
    expect(spec.series[0].values).toEqual([130, 131, 132]);
    expect(spec.series[1].values).toEqual([80, 81, 82]);
    expect(spec.series[2].values).toEqual([100, 101, 102]);
    expect(spec.series[3]).toMatchObject({ style: 'points', values: [120, null, 150] });
    expect(spec.markers?.[0].x).toBe(2);
  });
});

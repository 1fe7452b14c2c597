// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import type { TrialResult } from '../api/trials.js';
import { distributionCsv, forestCsv, patientsCsv } from './tables.js';

const RESULT = {
  trial: { name: 'T', endpoints: ['igf1_change_pct', 'lean_mass_change_kg'] },
  arms: [
    { name: 'placebo', endpoints: {} },
    {
      name: 'sermorelin',
      endpoints: {},
      difference: { igf1_change_pct: { mean: 12.5, ci95: [4, 21], method: 'welch', n: 20 } },
    },
  ],
  patients: [
    {
      arm_name: 'placebo',
      age_years: 60,
      sex: 'male',
      endpoints: { igf1_change_pct: 1, lean_mass_change_kg: null },
    },
    {
      arm_name: 'sermorelin',
      age_years: 58,
      sex: 'male',
      endpoints: { igf1_change_pct: 14, lean_mass_change_kg: 0.4 },
    },
  ],
} as unknown as TrialResult;

describe('trial tables', () => {
  it('writes the forest numbers with the endpoint’s readable name', () => {
    expect(forestCsv(RESULT, 'igf1_change_pct')).toBe(
      'endpoint,arm,compared with,mean difference,ci95 low,ci95 high,method,n\n' +
        'IGF-1 change (%),sermorelin,placebo,12.5,4,21,welch,20\n',
    );
  });

  it('leaves missing values out of a distribution and empty in the per-patient table', () => {
    expect(distributionCsv(RESULT, 'lean_mass_change_kg')).toBe(
      'patient,arm,Lean mass change (kg)\n1,sermorelin,0.4\n',
    );
    expect(patientsCsv(RESULT)).toBe(
      'patient,arm,age_years,sex,igf1_change_pct,lean_mass_change_kg\n0,placebo,60,male,1,\n1,sermorelin,58,male,14,0.4\n',
    );
  });
});

// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { parameterRow, parameterTable } from './parameters.js';

describe('parameter table', () => {
  it('gives every parameter a role, and the roles follow who sets the value', () => {
    const rows = parameterTable();
    expect(rows.length).toBeGreaterThan(250);
    expect(parameterRow('tissue_on').role).toBe('set_by_run');
    expect(parameterRow('igf1_prod_scale').role).toBe('patient');
    expect(parameterRow('srif_basal').role).toBe('patient');
    expect(parameterRow('liver_gh_hill_n').role).toBe('calibrated');
    expect(parameterRow('gut_k_empty').role).toBe('fixed');
    expect(parameterRow('patient_leydig_per_year')).toMatchObject({ value: 0.015, unit: '1/yr' });
  });
});

// SPDX-License-Identifier: MIT
// The shared conventional ↔ SI table: factors against values papers quote in both units, and names → quantities.
import { describe, expect, it } from 'vitest';
import { DAILY_FIELDS, ENDPOINT_NAMES, LAB_NAMES, SERIES_NAMES } from './vocabulary.js';
import { UNIT_CONVERSIONS, convertValue, quantityOfName, unitIn } from './lab-units.js';

describe('conventional and SI units', () => {
  it('converts with the published factors', () => {
    expect(convertValue('glucose', 99, 'si')).toBeCloseTo(5.5, 12); // ÷18
    expect(convertValue('insulin', 10, 'si')).toBeCloseTo(69.45, 12); // ×6.945
    expect(convertValue('igf1', 200, 'si')).toBeCloseTo(26.2, 12); // ×0.131
    // Veldhuis 1987 quotes 910 ng/dL as 31.5 nmol/L: agree within 0.5 % (the paper rounds).
    expect(Math.abs(convertValue('testosterone', 910, 'si') / 31.5 - 1)).toBeLessThan(0.005);
    // 10 µg/dL cortisol is the textbook 276 nmol/L (molar mass 362.46 g/mol).
    expect(convertValue('cortisol', 10, 'si')).toBeCloseTo(275.9, 1);
    expect(convertValue('estradiol', 30, 'si')).toBeCloseTo(110.1, 1);
    expect(convertValue('prolactin', 12, 'si')).toBe(12);
    expect(convertValue('glucose', 99, 'conventional')).toBe(99);
  });

  it('names each unit and source', () => {
    expect(unitIn('insulin', 'si')).toBe('pmol/L');
    expect(unitIn('insulin', 'conventional')).toBe('µU/mL');
    for (const c of Object.values(UNIT_CONVERSIONS)) {
      expect(c.source.length).toBeGreaterThan(10);
      expect(c.siPerConventional).toBeGreaterThan(0);
    }
  });

  it('reads the quantity of contract names, and leaves other quantities alone', () => {
    expect(quantityOfName('glucose_fasting_mg_dl')).toBe('glucose');
    expect(quantityOfName('glucose_mg_dl')).toBe('glucose');
    expect(quantityOfName('insulin_fasting_uU_ml')).toBe('insulin');
    expect(quantityOfName('free_testosterone_pg_ml')).toBe('free_testosterone');
    expect(quantityOfName('testosterone_total_ng_dl')).toBe('testosterone');
    expect(quantityOfName('cortisol_mean_ug_dl')).toBe('cortisol');
    expect(quantityOfName('glucose_fasting_change_mg_dl')).toBe('glucose');
    expect(quantityOfName('igf1')).toBe('igf1');
    expect(quantityOfName('testosterone_total')).toBe('testosterone');
    for (const name of [
      'igf1_sds',
      'gh_ug_l',
      'homa_ir',
      'insulin_sensitivity_si',
      'igfbp3_capacity_ng_ml',
      'egp_rate_mg_dl_min',
      'testosterone_change_pct',
      'ghrelin_pg_ml',
      'lh',
    ]) {
      expect(quantityOfName(name), name).toBeUndefined();
    }
  });

  it('gives every concentration of the contract that has an SI unit of its own a quantity', () => {
    const names = [...DAILY_FIELDS, ...ENDPOINT_NAMES, ...LAB_NAMES, ...SERIES_NAMES];
    const converted = names.filter((n) => quantityOfName(n) !== undefined);
    expect(converted).toEqual(
      expect.arrayContaining([
        'igf1_ng_ml',
        'glucose_fasting_mg_dl',
        'insulin_fasting_uU_ml',
        'testosterone_mean_ng_dl',
        'cortisol_mean_ug_dl',
        'prolactin_mean_ng_ml',
        'estradiol_pg_ml',
        'cortisol_ug_dl',
      ]),
    );
    // Drug concentrations (ng/mL) are not lab quantities.
    expect(converted.filter((n) => /sermorelin|mk677|hcg|clomiphene/.test(n))).toEqual([]);
  });
});

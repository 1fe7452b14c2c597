// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import {
  glucoseMgDlToMmolL,
  glucoseMmolLToMgDl,
  igf1NgMlToNmolL,
  igf1NmolLToNgMl,
  insulinPmolLToUuMl,
  insulinUuMlToPmolL,
  testosteroneNgDlToNmolL,
  testosteroneNmolLToNgDl,
} from './units.js';

describe('unit conversions', () => {
  it('IGF-1: 200 ng/mL = 26.2 nmol/L (×0.131)', () => {
    expect(igf1NgMlToNmolL(200)).toBeCloseTo(26.2, 12);
    expect(igf1NmolLToNgMl(26.2)).toBeCloseTo(200, 10);
  });
  it('glucose: 99 mg/dL = 5.5 mmol/L (÷18); 7 mmol/L = 126 mg/dL', () => {
    expect(glucoseMgDlToMmolL(99)).toBeCloseTo(5.5, 12);
    expect(glucoseMmolLToMgDl(7)).toBeCloseTo(126, 12);
  });
  it('insulin: 10 µU/mL = 69.45 pmol/L (×6.945)', () => {
    expect(insulinUuMlToPmolL(10)).toBeCloseTo(69.45, 12);
    expect(insulinPmolLToUuMl(69.45)).toBeCloseTo(10, 12);
  });
  it('testosterone: 910 ng/dL ≈ 31.5 nmol/L (Veldhuis 1987 quotes both)', () => {
    // The paper rounds to three significant figures: agree within 0.5 %.
    expect(Math.abs(testosteroneNgDlToNmolL(910) / 31.5 - 1)).toBeLessThan(0.005);
    expect(testosteroneNmolLToNgDl(testosteroneNgDlToNmolL(380))).toBeCloseTo(380, 10);
  });
});

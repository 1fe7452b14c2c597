// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { fastingIndices, homa1B, homa1Ir, quicki } from './homa.js';

describe('HOMA1 (Matthews 1985)', () => {
  it('HOMA1-IR = insulin × glucose / 22.5 (5.5 mmol/L, 10 µU/mL → 2.444)', () => {
    expect(homa1Ir(5.5, 10)).toBeCloseTo(55 / 22.5, 12);
    expect(homa1Ir(4.5, 5)).toBeCloseTo(1, 12); // the "normal" reference point of the model
  });

  it('HOMA1-%B = 20 × insulin / (glucose − 3.5) (5.5 mmol/L, 10 µU/mL → 100 %)', () => {
    expect(homa1B(5.5, 10)).toBeCloseTo(100, 12);
    expect(homa1B(7, 14)).toBeCloseTo(80, 12);
  });

  it('HOMA1-%B is null at or below 3.5 mmol/L', () => {
    expect(homa1B(3.5, 10)).toBeNull();
    expect(homa1B(3.2, 10)).toBeNull();
  });

  it('rejects non-positive inputs, naming them', () => {
    expect(() => homa1Ir(0, 10)).toThrow('glucose must be a positive number of mmol/L, got 0');
    expect(() => homa1Ir(5, -1)).toThrow('insulin must be a positive number of µU/mL, got -1');
  });
});

describe('QUICKI (Katz 2000)', () => {
  it('= 1 / (log10 I + log10 G) (99 mg/dL, 10 µU/mL → 0.33382)', () => {
    expect(quicki(99, 10)).toBeCloseTo(1 / (1 + Math.log10(99)), 12);
    expect(quicki(98, 9)).toBeCloseTo(0.339505, 6);
  });
});

describe('fastingIndices', () => {
  it('converts mg/dL to mmol/L with 18 and computes every index', () => {
    const r = fastingIndices(99, 10);
    expect(r.glucose_mmol_l).toBeCloseTo(5.5, 12);
    expect(r.homa1_ir).toBeCloseTo(2.4444444, 6);
    expect(r.homa1_b_pct).toBeCloseTo(100, 9);
    expect(r.quicki).toBeCloseTo(0.333819, 6);
  });
});

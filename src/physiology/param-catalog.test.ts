// SPDX-License-Identifier: MIT
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COEFFICIENTS, patientParameters } from './patient.js';
import { allParameterDecls, paramNamesSource } from './param-catalog.js';
import { coefficientKeyOf, coefficientParamName, coefficientsWith } from './patient-coefficients.js';
import { PARAM_UNITS, isParamName } from './param-names.generated.js';

describe('parameter catalogue', () => {
  it('param-names.generated.ts is fresh (run `npx tsx scripts/param-names.ts` when this fails)', () => {
    const onDisk = readFileSync(new URL('./param-names.generated.ts', import.meta.url), 'utf8');
    expect(onDisk).toBe(paramNamesSource());
  });

  it('names every parameter once, each with a unit, a source and an evidence level', () => {
    const decls = allParameterDecls();
    expect(new Set(decls.map((d) => d.name)).size).toBe(decls.length);
    for (const d of decls) {
      expect(d.unit.length, d.name).toBeGreaterThan(0);
      expect(d.source.length, d.name).toBeGreaterThan(0);
      expect(['strong', 'moderate', 'weak']).toContain(d.evidence);
      expect(PARAM_UNITS[d.name as keyof typeof PARAM_UNITS]).toBe(d.unit);
    }
    expect(isParamName('liver_gh_ec50')).toBe(true);
    expect(isParamName('liver_gh_ec5')).toBe(false);
  });

  it('maps coefficient names both ways and overrides a coefficient in the patient mapping', () => {
    expect(coefficientParamName('siPerVisceralCm2')).toBe('patient_si_per_visceral_cm2');
    expect(coefficientKeyOf('patient_female_e2_norm')).toBe('femaleE2Norm');
    const man = { ageYears: 65, sex: 'male', weightKg: 80, heightCm: 178, variability: 'none' } as const;
    const base = patientParameters(man);
    const doubled = patientParameters(
      man,
      undefined,
      coefficientsWith({ patient_leydig_per_year: 2 * COEFFICIENTS.leydigPerYear }),
    );
    // 30 years above 35: 1 − 0.015·30 = 0.55; doubled, 1 − 0.9 = 0.1, held at the floor 0.4.
    expect(base.multiply.leydig_scale).toBeCloseTo(0.55, 12);
    expect(doubled.multiply.leydig_scale).toBeCloseTo(COEFFICIENTS.leydigFloor, 12);
  });
});

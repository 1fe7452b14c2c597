// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { patientSchema } from '../scenario/schema.js';
import type { LabValue } from './labs-import.js';
import {
  IMPORTED_LABS,
  LAB_DEFINITIONS,
  LabImportError,
  baselineLabs,
  normaliseDate,
  parseLabsCsv,
  toCanonical,
  unitKey,
} from './labs-import.js';

function errorOf(run: () => unknown): LabImportError {
  try {
    run();
  } catch (e) {
    if (e instanceof LabImportError) return e;
    throw e;
  }
  throw new Error('expected a LabImportError');
}

describe('lab definitions', () => {
  it('use exactly the ranges of patient.labs in the scenario schema', () => {
    const labs = patientSchema.shape.labs.unwrap().shape;
    for (const lab of IMPORTED_LABS) {
      const { patientField, range } = LAB_DEFINITIONS[lab];
      const field = labs[patientField].unwrap();
      expect([lab, range[0], range[1]]).toEqual([lab, field.minValue, field.maxValue]);
    }
    expect(IMPORTED_LABS.map((lab) => LAB_DEFINITIONS[lab].patientField).sort()).toEqual(
      Object.keys(labs).sort(),
    );
  });

  it('carry the LOINC codes of the brief', () => {
    expect(IMPORTED_LABS.map((lab) => LAB_DEFINITIONS[lab].loinc)).toEqual([
      '2484-4',
      '1558-6',
      '20448-7',
      '10501-5',
      '15067-2',
      '2986-8',
      '4548-4',
    ]);
  });
});

describe('unit conversion to canonical units', () => {
  const convert = (lab: keyof typeof LAB_DEFINITIONS, value: number, unit: string): number => {
    const result = toCanonical(LAB_DEFINITIONS[lab], value, unit);
    if ('message' in result) throw new Error(result.message);
    return result.value;
  };

  it('IGF-1: 1 ng/mL = 0.131 nmol/L, so 14.2 nmol/L = 108.40 ng/mL; µg/L = ng/mL', () => {
    expect(convert('igf1', 14.2, 'nmol/L')).toBeCloseTo(14.2 / 0.131, 12);
    expect(convert('igf1', 108.4, 'µg/L')).toBe(108.4);
  });

  it('glucose: mmol/L × 18 = mg/dL (5.4 → 97.2)', () => {
    expect(convert('glucose_fasting', 5.4, 'mmol/L')).toBeCloseTo(97.2, 12);
  });

  it('insulin: pmol/L ÷ 6.945 = µU/mL (62.5 → 9.0); mU/L and µIU/mL are µU/mL', () => {
    expect(convert('insulin_fasting', 62.5, 'pmol/L')).toBeCloseTo(62.5 / 6.945, 12);
    expect(convert('insulin_fasting', 9, 'mU/L')).toBe(9);
    expect(convert('insulin_fasting', 9, 'u[IU]/mL')).toBe(9);
  });

  it('testosterone: 1 nmol/L = 28.84 ng/dL (13.2 → 380.7); 1 ng/mL = 100 ng/dL', () => {
    expect(convert('testosterone_total', 13.2, 'nmol/L')).toBeCloseTo(13.2 * 28.84, 10);
    expect(convert('testosterone_total', 3.8, 'ng/mL')).toBeCloseTo(380, 10);
  });

  it('LH and FSH: IU/L = mIU/mL', () => {
    expect(convert('lh', 5.2, 'mIU/mL')).toBe(5.2);
    expect(convert('fsh', 7, '[IU]/L')).toBe(7);
  });

  it('HbA1c: IFCC mmol/mol to NGSP % by % = 0.0915·mmol/mol + 2.15 (48 → 6.54)', () => {
    expect(convert('hba1c', 48, 'mmol/mol')).toBeCloseTo(0.0915 * 48 + 2.15, 12);
  });

  it('names the unit and the allowed ones, and rejects impossible values in canonical units', () => {
    expect(toCanonical(LAB_DEFINITIONS.igf1, 100, 'mg')).toEqual({
      field: 'unit',
      message: "unknown unit 'mg' for IGF-1 (2484-4); allowed: ng/mL, nmol/L",
    });
    expect(toCanonical(LAB_DEFINITIONS.igf1, 250, 'nmol/L')).toEqual({
      field: 'value',
      message: '250 nmol/L (= 1908.4 ng/mL) is outside the possible range for IGF-1 (2484-4): 10–1500 ng/mL',
    });
  });

  it('compares units without case, spaces, UCUM brackets or the micro-sign variant', () => {
    expect(unitKey(' µIU / mL ')).toBe('uiu/ml');
    expect(unitKey('μ[IU]/mL')).toBe('uiu/ml');
  });
});

describe('normaliseDate', () => {
  it('keeps dates, converts date-times with a zone to UTC', () => {
    expect(normaliseDate('2024-03-05')).toEqual({ date: '2024-03-05' });
    expect(normaliseDate('2024-03-05T08:30:00+01:00')).toEqual({ date: '2024-03-05T07:30:00.000Z' });
  });

  it('rejects partial dates, impossible dates and times without a zone', () => {
    for (const bad of ['2024-03', '2024-02-30', '2024-03-05T08:30', '05/03/2024']) {
      expect(normaliseDate(bad)).toHaveProperty('message');
    }
  });
});

const CSV = [
  'date,lab,value,unit',
  '2024-06-01,2484-4,120,ng/mL',
  '2024-01-15,igf1,98,ng/mL',
  '2024-01-15,"Fasting glucose",101,mg/dL',
  '2024-01-15T08:10:00Z,insulin_fasting,11,uU/mL',
  '2024-07-01,hba1c,5.6,%',
].join('\n');

describe('parseLabsCsv', () => {
  it('reads LOINC codes and names, converts and sorts by date', () => {
    const labs = parseLabsCsv(CSV);
    expect(labs.map((l) => [l.date, l.lab, l.value, l.unit])).toEqual([
      ['2024-01-15', 'igf1', 98, 'ng/mL'],
      ['2024-01-15', 'glucose_fasting', 101, 'mg/dL'],
      ['2024-01-15T08:10:00.000Z', 'insulin_fasting', 11, 'uU/mL'],
      ['2024-06-01', 'igf1', 120, 'ng/mL'],
      ['2024-07-01', 'hba1c', 5.6, '%'],
    ]);
  });

  it('accepts the columns in any order, headed loinc', () => {
    const labs = parseLabsCsv('unit,value,loinc,date\nnmol/L,13.2,2986-8,2024-02-01\n');
    expect(labs[0].lab).toBe('testosterone_total');
    expect(labs[0].value).toBeCloseTo(380.688, 10);
  });

  it('is all or nothing: one error lists every bad line and column', () => {
    const error = errorOf(() =>
      parseLabsCsv(
        [
          'date,lab,value,unit',
          '2024-01-15,igf1,98,ng/mL',
          '2024-13-01,igf1,98,ng/mL',
          '2024-01-15,cholesterol,180,mg/dL',
          '2024-01-15,2484-4,abc,ng/mL',
          '2024-01-15,1558-6,5.5,mg',
          '2024-01-15,1558-6,5.5',
        ].join('\n'),
      ),
    );
    expect(error.problems.map((p) => p.path)).toEqual([
      'line 3, date',
      'line 4, lab',
      'line 5, value',
      'line 6, unit',
      'line 7',
    ]);
    expect(error.message).toMatch(/^5 problems in the lab import; nothing was imported:/);
    expect(error.message).toContain(
      "line 6, unit: unknown unit 'mg' for Fasting glucose (1558-6); allowed: mg/dL, mmol/L",
    );
  });

  it('reads a quoted field across lines and keeps the file line numbers after it', () => {
    const text =
      'date,lab,value,unit,note\n2024-01-15,igf1,98,ng/mL,"fasting,\nafter a night shift"\n2024-13-01,igf1,98,ng/mL,\n';
    expect(errorOf(() => parseLabsCsv(text)).problems.map((p) => p.path)).toEqual(['line 4, date']);
    expect(parseLabsCsv(text.replace('2024-13-01', '2024-02-01'))).toHaveLength(2);
    expect(
      errorOf(() => parseLabsCsv('date,lab,value,unit\n2024-01-15,igf1,98,"ng/mL\n')).problems[0].path,
    ).toBe('line 2');
  });

  it('requires a header naming the four columns', () => {
    expect(() => parseLabsCsv('when,what,value,unit\n')).toThrow(/header must name the columns date, lab/);
  });
});

describe('baselineLabs', () => {
  const labs: LabValue[] = parseLabsCsv(CSV);

  it('takes the latest value of each lab on or before the cutoff, in the shape of patient.labs', () => {
    expect(baselineLabs(labs, '2024-03-01')).toEqual({
      igf1_ng_ml: 98,
      glucose_fasting_mg_dl: 101,
      insulin_fasting_uU_ml: 11,
    });
    expect(baselineLabs(labs)).toEqual({
      igf1_ng_ml: 120,
      glucose_fasting_mg_dl: 101,
      insulin_fasting_uU_ml: 11,
      hba1c_pct: 5.6,
    });
  });

  it('a date cutoff includes that whole day; a date-time cutoff compares instants', () => {
    expect(baselineLabs(labs, '2024-01-15')).toHaveProperty('insulin_fasting_uU_ml', 11);
    expect(baselineLabs(labs, '2024-01-15T08:00:00Z')).not.toHaveProperty('insulin_fasting_uU_ml');
  });

  it('its output passes the scenario schema', () => {
    const patient = patientSchema.parse({
      age_years: 50,
      sex: 'male',
      weight_kg: 80,
      height_cm: 178,
      labs: baselineLabs(labs),
    });
    expect(patient.labs.igf1_ng_ml).toBe(120);
  });
});

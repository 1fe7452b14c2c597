// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { LOINC_SYSTEM, UCUM_SYSTEM, labsFromFhirBundle } from './fhir.js';
import { LabImportError, parseLabsCsv } from './labs-import.js';

/** An Observation entry with a LOINC code and a UCUM quantity. */
function obs(
  loinc: string,
  date: string,
  value: number,
  unit: string,
  extra: Record<string, unknown> = {},
): unknown {
  return {
    fullUrl: `urn:uuid:${loinc}-${date}`,
    resource: {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: LOINC_SYSTEM, code: loinc }] },
      effectiveDateTime: date,
      valueQuantity: { value, unit, system: UCUM_SYSTEM, code: unit },
      ...extra,
    },
  };
}

function bundle(...entries: unknown[]): unknown {
  return { resourceType: 'Bundle', type: 'collection', entry: entries };
}

function errorOf(run: () => unknown): LabImportError {
  try {
    run();
  } catch (e) {
    if (e instanceof LabImportError) return e;
    throw e;
  }
  throw new Error('expected a LabImportError');
}

describe('labsFromFhirBundle', () => {
  it('a bundle in SI and mixed units gives the same labs as the equivalent CSV in conventional units', () => {
    const fhir = labsFromFhirBundle(
      bundle(
        { resource: { resourceType: 'Patient', id: 'p1' } },
        obs('2484-4', '2024-01-15', 14.2, 'nmol/L'), // IGF-1: 14.2 / 0.131 = 108.397… ng/mL
        obs('1558-6', '2024-01-15', 5.4, 'mmol/L'), // glucose: × 18 = 97.2 mg/dL
        obs('20448-7', '2024-01-15', 62.5, 'pmol/L'), // insulin: ÷ 6.945 = 8.999… µU/mL
        obs('2986-8', '2024-01-16T07:45:00+01:00', 13.2, 'nmol/L'), // testosterone: × 28.84 = 380.688 ng/dL
        obs('10501-5', '2024-01-16', 4.1, 'm[IU]/mL'), // LH: = IU/L
        obs('15067-2', '2024-01-16', 5.5, '[IU]/L'), // FSH
        obs('4548-4', '2024-02-01', 42, 'mmol/mol'), // HbA1c: 0.0915 × 42 + 2.15 = 5.993 %
      ),
    );
    const csv = parseLabsCsv(
      [
        'date,lab,value,unit',
        `2024-01-15,igf1,${14.2 / 0.131},ng/mL`,
        '2024-01-15,glucose_fasting,97.2,mg/dL',
        `2024-01-15,insulin_fasting,${62.5 / 6.945},uU/mL`,
        `2024-01-16T06:45:00Z,testosterone_total,${13.2 * 28.84},ng/dL`,
        '2024-01-16,lh,4.1,IU/L',
        '2024-01-16,fsh,5.5,IU/L',
        `2024-02-01,hba1c,${0.0915 * 42 + 2.15},%`,
      ].join('\n'),
    );
    expect(fhir.map(({ date, lab, unit }) => ({ date, lab, unit }))).toEqual(
      csv.map(({ date, lab, unit }) => ({ date, lab, unit })),
    );
    fhir.forEach((l, i) => expect(l.value).toBeCloseTo(csv[i].value, 10));
  });

  it('reports the unit field used, with the lab and the allowed units (the example of the brief)', () => {
    const error = errorOf(() =>
      labsFromFhirBundle(
        bundle(
          obs('1558-6', '2024-01-15', 97, 'mg/dL'),
          obs('1558-6', '2024-02-15', 99, 'mg/dL'),
          obs('1558-6', '2024-03-15', 95, 'mg/dL'),
          // A display unit only (no UCUM system): the path names valueQuantity.unit.
          obs('2484-4', '2024-01-15', 100, 'mg', { valueQuantity: { value: 100, unit: 'mg' } }),
        ),
      ),
    );
    expect(error.problems).toEqual([
      {
        path: 'entry[3].resource.valueQuantity.unit',
        message: "unknown unit 'mg' for IGF-1 (2484-4); allowed: ng/mL, nmol/L",
      },
    ]);
  });

  it('is all or nothing: every problem of every entry in one error, nothing returned', () => {
    const error = errorOf(() =>
      labsFromFhirBundle(
        bundle(
          obs('2484-4', '2024-01-15', 105, 'ng/mL'),
          obs('2093-3', '2024-01-15', 180, 'mg/dL'), // total cholesterol: not importable
          obs('1558-6', '2024-01-15', 900, 'mg/dL'), // impossible glucose
          obs('20448-7', '2024-01', 9, 'uU/mL'), // partial date
          obs('2986-8', '2024-01-15', 5, 'nmol/L', {
            valueQuantity: { value: 5, comparator: '<', unit: 'nmol/L' },
          }),
          {
            resource: {
              resourceType: 'Observation',
              code: { coding: [{ system: 'http://snomed.info/sct', code: '1' }] },
            },
          },
          {},
        ),
      ),
    );
    expect(error.problems.map((p) => p.path)).toEqual([
      'entry[1].resource.code.coding[0].code',
      'entry[2].resource.valueQuantity.value',
      'entry[3].resource.effectiveDateTime',
      'entry[4].resource.valueQuantity.comparator',
      'entry[5].resource.code.coding',
      'entry[6].resource',
    ]);
    expect(error.problems[0].message).toMatch(
      /^unknown LOINC code '2093-3'; supported: 2484-4 \(IGF-1\), 1558-6/,
    );
    expect(error.problems[1].message).toBe(
      '900 mg/dL is outside the possible range for Fasting glucose (1558-6): 40–500 mg/dL',
    );
  });

  it('skips entered-in-error and cancelled results, and unknown codes when asked', () => {
    const labs = labsFromFhirBundle(
      bundle(
        obs('2484-4', '2024-01-15', 105, 'ng/mL', { status: 'entered-in-error' }),
        obs('2484-4', '2024-01-16', 110, 'ng/mL', { status: 'cancelled' }),
        obs('2093-3', '2024-01-15', 180, 'mg/dL'),
        obs('2484-4', '2024-01-17', 115, 'ng/mL', { status: 'amended' }),
      ),
      { unknownCodes: 'skip' },
    );
    expect(labs).toEqual([{ date: '2024-01-17', lab: 'igf1', value: 115, unit: 'ng/mL' }]);
  });

  it('prefers the UCUM code to the display unit, and reads effectivePeriod.start', () => {
    const labs = labsFromFhirBundle(
      bundle({
        resource: {
          resourceType: 'Observation',
          code: {
            coding: [
              { system: 'http://snomed.info/sct', code: 'x' },
              { system: LOINC_SYSTEM, code: '1558-6' },
            ],
          },
          effectivePeriod: { start: '2024-05-02T07:00:00Z', end: '2024-05-02T07:05:00Z' },
          valueQuantity: { value: 5, unit: 'millimoles per litre', system: UCUM_SYSTEM, code: 'mmol/L' },
        },
      }),
    );
    expect(labs).toEqual([
      { date: '2024-05-02T07:00:00.000Z', lab: 'glucose_fasting', value: 90, unit: 'mg/dL' },
    ]);
  });

  it('rejects what is not a Bundle and an entry that is not an array; an empty bundle gives no labs', () => {
    expect(() => labsFromFhirBundle({ resourceType: 'Observation' })).toThrow(
      /resourceType: must be 'Bundle'/,
    );
    expect(() => labsFromFhirBundle([])).toThrow(/must be a JSON object/);
    expect(() => labsFromFhirBundle({ resourceType: 'Bundle', entry: {} })).toThrow(
      /entry: must be an array/,
    );
    expect(labsFromFhirBundle({ resourceType: 'Bundle', type: 'collection' })).toEqual([]);
  });
});

// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../../src/scenario/parse.js';
import {
  daysKind,
  defaultDays,
  formatAt,
  fromYaml,
  getIn,
  newScenario,
  parseAt,
  parseNumberInput,
  pathString,
  removeAt,
  setIn,
  toYaml,
  withDrug,
} from './document.js';
import type { Path } from './document.js';
import { concerns, issuesFor } from './issues.js';

describe('pathString', () => {
  it('writes paths exactly as the scenario layer names fields in its errors', () => {
    const paths: Path[] = [
      ['name'],
      ['patient', 'age_years'],
      ['regimen', 0, 'dose', 'amount'],
      ['regimen', 12],
    ];
    for (const path of paths) expect(pathString(path)).toBe(formatPath(path));
    expect(pathString(['regimen', 0, 'dose', 'amount'])).toBe('regimen[0].dose.amount');
  });
});

describe('setIn, getIn, removeAt', () => {
  const doc = {
    patient: { age_years: 62, sex: 'male' },
    regimen: [{ drug: 'sermorelin' }, { drug: 'rhgh' }],
  };

  it('sets a value without touching the original and shares what it did not change', () => {
    const next = setIn(doc, ['patient', 'age_years'], 30);
    expect(getIn(next, ['patient', 'age_years'])).toBe(30);
    expect(doc.patient.age_years).toBe(62);
    expect(next.regimen).toBe(doc.regimen);
  });

  it('creates missing objects and arrays on the way', () => {
    const next = setIn({}, ['lifestyle', 'sleep', 'bedtime'], '22:00');
    expect(next).toEqual({ lifestyle: { sleep: { bedtime: '22:00' } } });
    expect(setIn({}, ['regimen', 0, 'drug'], 'ipamorelin')).toEqual({ regimen: [{ drug: 'ipamorelin' }] });
  });

  it('removes an object key for undefined (an optional field left empty)', () => {
    const next = setIn(
      { patient: { body_fat_pct: 25, sex: 'male' } },
      ['patient', 'body_fat_pct'],
      undefined,
    );
    expect(next).toEqual({ patient: { sex: 'male' } });
    expect('body_fat_pct' in (next.patient as object)).toBe(false);
  });

  it('removes a list element', () => {
    expect(removeAt(doc, ['regimen'], 0).regimen).toEqual([{ drug: 'rhgh' }]);
    expect(doc.regimen).toHaveLength(2);
  });

  it('reads nothing through a wrong kind of node', () => {
    expect(getIn(doc, ['patient', 0])).toBeUndefined();
    expect(getIn(doc, ['regimen', 'drug'])).toBeUndefined();
  });
});

describe('withDrug', () => {
  it('keeps a route the new drug has, else takes its first route', () => {
    const line = { drug: 'sermorelin', route: 'iv', dose: { amount: 1, unit: 'mcg' } };
    expect(withDrug(line, 'ipamorelin').route).toBe('iv');
    expect(withDrug(line, 'mk677').route).toBe('oral');
  });

  it('drops IU for a drug without an IU conversion', () => {
    const line = { drug: 'rhgh', route: 'sc', dose: { amount: 1, unit: 'iu' } };
    expect(getIn(withDrug(line, 'hcg'), ['dose', 'unit'])).toBe('iu');
    expect(getIn(withDrug(line, 'sermorelin'), ['dose', 'unit'])).toBe('mcg');
  });
});

describe('days and at', () => {
  it('recognises the three day patterns', () => {
    expect(daysKind({ every: 7 })).toBe('every');
    expect(daysKind({ on: 5, off: 2 })).toBe('cycle');
    expect(daysKind({ weekdays: ['mon'] })).toBe('weekdays');
    expect(daysKind(undefined)).toBe('every');
    for (const kind of ['every', 'cycle', 'weekdays'] as const)
      expect(daysKind(defaultDays(kind))).toBe(kind);
  });

  it('reads one time as a string and several as a list', () => {
    expect(parseAt('bedtime')).toBe('bedtime');
    expect(parseAt(' 08:00 , 20:00 ')).toEqual(['08:00', '20:00']);
    expect(parseAt('')).toBe('');
    expect(formatAt(['08:00', 'bedtime'])).toBe('08:00, bedtime');
    expect(parseAt(formatAt(['08:00', 'bedtime']))).toEqual(['08:00', 'bedtime']);
  });
});

describe('YAML', () => {
  it('round-trips a document', () => {
    const doc = newScenario();
    const back = fromYaml(toYaml(doc));
    expect(back).toEqual({ doc });
  });

  it('reports syntax errors and non-mapping documents', () => {
    const broken = fromYaml('patient: {age_years: 62');
    expect('error' in broken && broken.error).toMatch(/line 1/i);
    expect(fromYaml('- a list')).toEqual({ error: expect.stringContaining('mapping') as unknown });
  });
});

describe('parseNumberInput', () => {
  it('reads numbers, leaves empty fields undefined and keeps text that is not a number', () => {
    expect(parseNumberInput(' 62 ')).toBe(62);
    expect(parseNumberInput('7.5')).toBe(7.5);
    expect(parseNumberInput('')).toBeUndefined();
    expect(parseNumberInput('sixty')).toBe('sixty');
  });
});

describe('issues next to fields', () => {
  it('belong to the field at their path and to the fields that contain it', () => {
    expect(concerns('regimen[0]', 'regimen[0].dose.amount')).toBe(true);
    expect(concerns('regimen[0].dose', 'regimen[0].dose.amount')).toBe(true);
    expect(concerns('regimen[1]', 'regimen[10].route')).toBe(false);
    expect(concerns('patient.age', 'patient.age_years')).toBe(false);
    expect(concerns('', 'name')).toBe(false);
    const issues = [
      { path: 'patient.age_years', message: 'too small' },
      { path: 'regimen[0].route', message: 'no route' },
    ];
    expect(issuesFor(issues, 'patient.age_years')).toEqual([issues[0]]);
  });
});

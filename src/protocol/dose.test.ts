// SPDX-License-Identifier: MIT
// Dose units in any accepted spelling, and the regimen-text examples of the README as written.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../scenario/parse.js';
import { parseScenario } from './parse-scenario.js';
import { parseRegimenTextLines } from './regimen-text.js';
import { canonicalDoseUnit, DOSE_UNITS } from '../scenario/vocabulary.js';

const patient = { age_years: 45, sex: 'male', weight_kg: 80, height_cm: 178 };
const withUnit = (unit: string) =>
  parseScenario({
    duration_days: 7,
    patient,
    regimen: [{ drug: 'rhgh', dose: { amount: 0.6, unit }, route: 'sc', at: '22:00' }],
  });

describe('dose units', () => {
  it('maps every spelling, in any case, to the canonical unit', () => {
    expect(canonicalDoseUnit('IU')).toBe('iu');
    expect(canonicalDoseUnit('µg')).toBe('mcg');
    expect(canonicalDoseUnit('μg')).toBe('mcg');
    expect(canonicalDoseUnit('MCG/KG')).toBe('mcg_per_kg');
    expect(canonicalDoseUnit(' mg/kg ')).toBe('mg_per_kg');
    expect(canonicalDoseUnit('grams')).toBeUndefined();
    expect(canonicalDoseUnit('toString')).toBeUndefined();
    for (const unit of DOSE_UNITS) expect(canonicalDoseUnit(unit.toUpperCase())).toBe(unit);
  });

  it('reads a regimen line object with unit IU as iu', () => {
    expect(withUnit('IU').regimen[0].dose).toEqual({ amount: 0.6, unit: 'iu' });
    expect(withUnit('Mg').regimen[0].dose.unit).toBe('mg');
  });

  it('names dose.unit and lists the allowed values for a wrong unit', () => {
    try {
      withUnit('grams');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      const issue = (error as ScenarioError).issues[0];
      expect(issue.path).toBe('regimen[0].dose.unit');
      expect(issue.message).toMatch(
        /^unknown unit; allowed: mcg, mg, iu, mcg_per_kg, mg_per_kg .* \(got "grams"\)$/,
      );
    }
  });
});

describe("the README's regimen-text examples", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const paragraph =
    /Regimen lines may also be written in a one-line text form[\s\S]*?\n\n/.exec(readme)?.[0] ?? '';
  const examples = [...paragraph.matchAll(/`([^`]*\bat\b[^`]*)`/g)].map((m) => m[1].replace(/\s+/g, ' '));

  it('are found', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it('each parse as written into one regimen line', () => {
    for (const text of examples) expect(parseRegimenTextLines(text), text).toHaveLength(1);
  });
});

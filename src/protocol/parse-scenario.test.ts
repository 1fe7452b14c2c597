// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../scenario/parse.js';
import { parseScenario } from './parse-scenario.js';

const base = {
  duration_days: 7,
  patient: { age_years: 40, sex: 'male', weight_kg: 80, height_cm: 178 },
};

function issuesOf(doc: unknown): { path: string; message: string }[] {
  try {
    parseScenario(doc);
  } catch (error) {
    if (error instanceof ScenarioError) return [...error.issues];
    throw error;
  }
  return [];
}

describe('implausible patients', () => {
  it('refuses a male patient marked pregnant or breastfeeding, naming the field', () => {
    const issues = issuesOf({
      ...base,
      patient: { ...base.patient, conditions: ['type2_diabetes', 'pregnancy'] },
    });
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('patient.conditions[1]');
    expect(issues[0].message).toMatch(/pregnancy does not apply to a male patient/);
    expect(issuesOf({ ...base, patient: { ...base.patient, conditions: ['lactation'] } })[0].path).toBe(
      'patient.conditions[0]',
    );
  });

  it('accepts the same conditions for a female patient', () => {
    const female = { ...base.patient, sex: 'female', conditions: ['pregnancy', 'lactation'] };
    expect(issuesOf({ ...base, patient: female })).toEqual([]);
  });
});

// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../scenario/parse.js';
import { parseScenario } from '../protocol/parse-scenario.js';
import type { ScenarioInput } from '../scenario/schema.js';
import { ParameterOverrideError, simulate } from './index.js';

const input: ScenarioInput = {
  seed: 5,
  duration_days: 2,
  patient: { age_years: 50, sex: 'male', weight_kg: 84, height_cm: 178 },
  output: { series: [] },
};

function pathsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScenarioError) return error.issues.map((i) => i.path);
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

describe('scenario parameters', () => {
  it('refuses an unknown name and a wrong unit, naming the field', () => {
    const paths = pathsOf(() =>
      parseScenario({
        ...input,
        parameters: { liver_gh_ec5: 40, liver_gh_ec50: { value: 40, unit: 'ng/mL' } },
      }),
    );
    expect(paths).toEqual(['parameters.liver_gh_ec5', 'parameters.liver_gh_ec50.unit']);
  });

  it('keeps values as numbers, accepts the declared unit, and leaves scenarios without them unchanged', () => {
    const parsed = parseScenario({ ...input, parameters: { liver_gh_ec50: { value: 40, unit: 'ug/L' } } });
    expect(parsed.parameters).toEqual({ liver_gh_ec50: 40 });
    expect('parameters' in parseScenario(input)).toBe(false);
  });

  it('runs like the same values passed as overrides, and the result records them', () => {
    const parameters = { liver_gh_ec50: 40, patient_leydig_per_year: 0.03 };
    const fromScenario = simulate(parseScenario({ ...input, parameters }));
    const fromOptions = simulate(parseScenario(input), { parameterOverrides: parameters });
    expect(fromScenario.parameters).toEqual(parameters);
    expect(fromScenario.daily).toEqual(fromOptions.daily);
    const plain = simulate(parseScenario(input));
    // A lower hepatic EC50 raises IGF-1; a faster Leydig decline with age lowers testosterone at 50.
    expect(fromScenario.daily[1].igf1_ng_ml).toBeGreaterThan(plain.daily[1].igf1_ng_ml ?? Infinity);
    expect(fromScenario.daily[1].testosterone_total_ng_dl).toBeLessThan(
      plain.daily[1].testosterone_total_ng_dl ?? -Infinity,
    );
  });

  it('refuses a parameter the run sets itself, under parameters.<name>', () => {
    const scenario = parseScenario({ ...input, parameters: { tissue_on: 0.5 } });
    expect(() => simulate(scenario)).toThrow(ParameterOverrideError);
    try {
      simulate(scenario);
    } catch (error) {
      expect((error as ParameterOverrideError).issues.map((i) => i.path)).toEqual(['parameters.tissue_on']);
    }
  });
});

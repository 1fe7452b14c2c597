// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../protocol/parse-scenario.js';
import type { ScenarioInput } from '../scenario/schema.js';
import { ParameterOverrideError, setUpPatient, simulate } from './index.js';

const input: ScenarioInput = {
  seed: 3,
  duration_days: 3,
  patient: { age_years: 60, sex: 'male', weight_kg: 86, height_cm: 177 },
  regimen: ['sermorelin 300 mcg sc at bedtime daily'],
  output: { series: [] },
};

function issuesOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ParameterOverrideError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a ParameterOverrideError');
}

describe('simulate parameterOverrides', () => {
  const scenario = parseScenario(input);
  const setup = setUpPatient(scenario);
  const own = (name: string): number => setup.p[setup.model.parameterIndex(name)];

  it("changes nothing when it sets the patient's own values", () => {
    const overrides = {
      igf1_prod_scale: own('igf1_prod_scale'),
      sermorelin_ec50_ng_ml: own('sermorelin_ec50_ng_ml'),
    };
    const { parameters, ...rest } = simulate(scenario, { parameterOverrides: overrides });
    expect(parameters).toEqual(overrides);
    expect(JSON.stringify(rest)).toBe(JSON.stringify(simulate(scenario)));
  });

  it('runs the whole course, burn-in included, with the new value', () => {
    const base = simulate(scenario).daily[0].igf1_ng_ml ?? NaN;
    const scaled =
      simulate(scenario, { parameterOverrides: { igf1_prod_scale: 1.5 * own('igf1_prod_scale') } }).daily[0]
        .igf1_ng_ml ?? NaN;
    // Production 1.5× at a steady state cleared mostly in the ternary complex: IGF-1 rises, by at most 1.5×
    // (less, since IGF-1 feeds back on GH and IGF-1 beyond the binding capacity is cleared fast).
    expect(scaled / base).toBeGreaterThan(1.05);
    expect(scaled / base).toBeLessThanOrEqual(1.5);
  });

  it('refuses unknown names, bad values and parameters the run sets itself, naming each', () => {
    const withLab = parseScenario({ ...input, patient: { ...input.patient, labs: { igf1_ng_ml: 100 } } });
    const issues = issuesOf(() =>
      simulate(withLab, {
        parameterOverrides: {
          ipamorelin_ec50_ng_ml: 1,
          sermorelin_ec50_ng_ml: -0.1,
          pool_capacity_ug: Number.NaN,
          igf1_prod_scale: 1.2,
          body_weight_kg: 70,
        },
      }),
    );
    expect(issues.map((i) => i.path)).toEqual([
      'parameterOverrides.ipamorelin_ec50_ng_ml',
      'parameterOverrides.sermorelin_ec50_ng_ml',
      'parameterOverrides.pool_capacity_ug',
      'parameterOverrides.igf1_prod_scale',
      'parameterOverrides.body_weight_kg',
    ]);
    expect(issues[0].message).toMatch(/not a parameter of this scenario's model \(its drugs: sermorelin\)/);
    expect(issues[1].message).toMatch(/must be positive like its declared value .* got -0.1/);
    expect(issues[2].message).toMatch(/must be a finite number/);
    expect(issues[3].message).toMatch(/calibrates it to patient.labs.igf1_ng_ml/);
    expect(issues[4].message).toMatch(/change the patient instead/);
  });
});

// SPDX-License-Identifier: MIT
import { afterAll, describe, expect, it } from 'vitest';
import { ScenarioError } from '../scenario/parse.js';
import { parseScenario } from '../protocol/parse-scenario.js';
import { createRunPool } from './pool.js';
import { evaluateRun } from './runs.js';
import { computeSensitivity } from './sensitivity.js';

const scenario = parseScenario({
  seed: 11,
  duration_days: 7,
  patient: { age_years: 45, sex: 'male', weight_kg: 82, height_cm: 178 },
  output: { series: [] },
});
const outputs = ['igf1_ng_ml', 'testosterone_total_ng_dl@3-7'];
const params = ['liver_gh_ec50', 'igf1_prod_max', 'patient_leydig_per_year'];
const pool = createRunPool(2);
afterAll(() => pool.close());

describe('local sensitivities', () => {
  it('match a direct +1 % perturbation within 5 %, computed on two worker threads', async () => {
    const report = await computeSensitivity({ scenario, method: 'local', outputs, params }, pool);
    expect(report.runs).toBe(7);
    const base = evaluateRun({ scenario, overrides: {}, outputs });
    expect(report.base).toEqual(base);
    for (const p of report.parameters) {
      const moved = evaluateRun({ scenario, overrides: { [p.name]: p.base * 1.01 }, outputs });
      outputs.forEach((output, o) => {
        const direct = (moved[o] / base[o] - 1) / 0.01;
        const entry = report.entries.find((e) => e.output === output && e.parameter === p.name);
        if (Math.abs(direct) < 1e-3) expect(Math.abs(entry?.value ?? NaN)).toBeLessThan(2e-3);
        else expect(Math.abs((entry?.value ?? NaN) / direct - 1)).toBeLessThan(0.05);
      });
    }
    // The signs the model implies: IGF-1 falls with the hepatic EC50 and rises with production (less than
    // proportionally: IGF-1 feeds back on GH).
    const igf1 = (name: string) =>
      report.entries.find((e) => e.output === 'igf1_ng_ml' && e.parameter === name);
    expect(igf1('liver_gh_ec50')?.value).toBeLessThan(0);
    expect(igf1('igf1_prod_max')?.value).toBeGreaterThan(0.2);
  });

  it('refuses a parameter the run sets itself, naming params[i]', async () => {
    await expect(
      computeSensitivity(
        { scenario, method: 'local', outputs, params: ['liver_gh_ec50', 'tissue_on'] },
        pool,
      ),
    ).rejects.toThrow(ScenarioError);
  });
});

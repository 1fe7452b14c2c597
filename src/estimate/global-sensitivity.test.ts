// SPDX-License-Identifier: MIT
// Morris and Sobol estimators on an analytic output (a pool that evaluates a formula instead of simulating), so
// the exact indices are known.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../protocol/parse-scenario.js';
import type { RunPool } from './pool.js';
import { computeSensitivity } from './sensitivity.js';

const scenario = parseScenario({
  duration_days: 3,
  patient: { age_years: 45, sex: 'male', weight_kg: 82, height_cm: 178 },
});
const A0 = 0.015; // patient_leydig_per_year
const B0 = 0.01; // patient_amplitude_per_year

/** y = 10 + ln(a/a0) + 3·ln(b/b0): additive, so Sobol first-order = total = 1/10 and 9/10. */
const formulaPool: RunPool = {
  workers: 0,
  run: (tasks) =>
    Promise.resolve(
      tasks.map((t) => {
        const a = t.overrides.patient_leydig_per_year ?? A0;
        const b = t.overrides.patient_amplitude_per_year ?? B0;
        return [10 + Math.log(a / A0) + 3 * Math.log(b / B0)];
      }),
    ),
  close: () => Promise.resolve(),
};
const params = ['patient_leydig_per_year', 'patient_amplitude_per_year'];

describe('global sensitivities', () => {
  it('Morris μ* equals the exact elementary effect of a linear output, σ is 0', async () => {
    const report = await computeSensitivity(
      { scenario, method: 'morris', outputs: ['igf1_ng_ml'], params, trajectories: 5 },
      formulaPool,
    );
    expect(report.runs).toBe(1 + 5 * 3);
    const span = 2 * Math.log(1.2); // the log-range of a parameter at spread 0.2
    expect(report.entries[0].value).toBeCloseTo(span / 10, 12);
    expect(report.entries[1].value).toBeCloseTo((3 * span) / 10, 12);
    expect(report.entries[1].sigma).toBeCloseTo(0, 12);
  });

  it('Sobol indices of an additive output are 0.1 and 0.9 within sampling error', async () => {
    const report = await computeSensitivity(
      { scenario, method: 'sobol', outputs: ['igf1_ng_ml'], params, samples: 4000, seed: 3 },
      formulaPool,
    );
    const [a, b] = report.entries;
    expect(a.value).toBeCloseTo(0.1, 1);
    expect(b.value).toBeCloseTo(0.9, 1);
    expect(a.first_order).toBeCloseTo(0.1, 1);
    expect(b.first_order).toBeCloseTo(0.9, 1);
  });
});

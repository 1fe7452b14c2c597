// SPDX-License-Identifier: MIT
/**
 * A simulated scenario as a NONMEM-style dataset: the doses the run gave (titrated ones included) and its
 * monitoring labs at their draw times; the doses re-import to the same administrations.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../protocol/index.js';
import { simulate } from '../../simulate/index.js';
import { nonmemCsv } from './dataset.js';
import { dosingFromNonmem } from './dosing-import.js';
import { scenarioNonmemDataset } from './scenario-dataset.js';

const scenario = parseScenario({
  name: 'titrated rhGH',
  seed: 2,
  duration_days: 15,
  patient: { age_years: 45, sex: 'male', weight_kg: 82, height_cm: 178, labs: { igf1_ng_ml: 90 } },
  regimen: [{ drug: 'rhgh', dose: { amount: 200, unit: 'mcg' }, route: 'sc', at: '22:00' }],
  titration: {
    drug: 'rhgh',
    target_igf1_sds: [1.5, 2],
    every_days: 7,
    step: { amount: 100, unit: 'mcg' },
    max: { amount: 1000, unit: 'mcg' },
  },
  monitoring: { labs: ['igf1', 'glucose_fasting'], at_days: [0, 7, 14], draw_time: '08:00' },
  output: { series: [], window_days: [0, 1] },
});

describe('scenarioNonmemDataset', () => {
  const result = simulate(scenario);
  const dataset = scenarioNonmemDataset(result);

  it('has the doses the run gave, titration included, and re-imports them', () => {
    const given = result.events.filter((e) => e.kind === 'dose');
    const doseRows = dataset.rows.filter((r) => r.EVID === 1);
    expect(doseRows.map((r) => [r.TIME! * 60, r.AMT])).toEqual(
      given.map((e) => [e.t_min, e.kind === 'dose' ? e.amount_mcg : null]),
    );
    expect(new Set(doseRows.map((r) => r.AMT)).size).toBeGreaterThan(1); // the titration changed the dose
    const back = dosingFromNonmem(nonmemCsv(dataset));
    expect(back.doses.map((d) => [d.t_min, d.amount_mcg])).toEqual(
      given.map((e) => [e.t_min, e.kind === 'dose' ? e.amount_mcg : null]),
    );
  });

  it('has every monitoring lab as an observation at its draw time', () => {
    const observed = dataset.rows.filter((r) => r.EVID === 0);
    const igf1 = dataset.observations.find((o) => o.name === 'igf1_ng_ml')!;
    expect(observed.filter((r) => r.DVID === igf1.dvid).map((r) => [r.TIME, r.DV])).toEqual(
      result.labs.map((row) => [row.day * 24 + 8, row.igf1_ng_ml]),
    );
    const labCount = result.labs.reduce(
      (n, row) =>
        n +
        ['igf1_ng_ml', 'igf1_sds', 'glucose_fasting_mg_dl'].filter((k) => typeof row[k] === 'number').length,
      0,
    );
    expect(observed).toHaveLength(labCount);
    expect(observed.every((r) => r.MDV === 0 && r.AMT === null)).toBe(true);
  });

  it('repeats the patient’s covariates on every row', () => {
    for (const r of dataset.rows) {
      expect([r.ID, r.SEX, r.AGE, r.WT, r.HT, r.BIGF1]).toEqual([1, 1, 45, 82, 178, 90]);
      expect(r.BMI).toBeCloseTo(82 / 1.78 ** 2, 12);
    }
  });
});

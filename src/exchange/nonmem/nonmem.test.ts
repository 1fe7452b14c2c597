// SPDX-License-Identifier: MIT
/**
 * NONMEM-style datasets: a trial's patients out (doses, endpoints as observations, covariates on every row, a
 * dictionary for every column and code) and a patient's dosing history back in as regimen lines that expand to
 * the very doses exported.
 */
import { describe, expect, it } from 'vitest';
import { analyseTrial, type TrialResult } from '../../cohort/analyse.js';
import { parseTrial } from '../../cohort/parse.js';
import { patientScenario } from '../../cohort/patient-scenario.js';
import { sampleCohort } from '../../cohort/population.js';
import { runTrialInProcess } from '../../cohort/run.js';
import { armsOf } from '../../cohort/shards.js';
import { trialDosing } from '../../cohort/nonmem-dosing.js';
import { expandRegimen, Regimen } from '../../protocol/regimen.js';
import { ScenarioError } from '../../scenario/parse.js';
import { COMPARTMENTS, NONMEM_COLUMNS } from './columns.js';
import { nonmemCsv, trialNonmemDataset } from './dataset.js';
import { nonmemDictionary } from './dictionary.js';
import { dosingFromNonmem, regimenFromDoses } from './dosing-import.js';

const trialDocument = {
  name: 'nonmem export',
  seed: 11,
  duration_days: 21,
  population: { n: 3, age_years: { min: 40, max: 70 } },
  arms: [
    {
      name: 'sermorelin nightly',
      regimen: [
        {
          drug: 'sermorelin',
          dose: { amount: 300, unit: 'mcg' },
          route: 'sc',
          at: 'bedtime',
          days: { on: 5, off: 2 },
        },
      ],
    },
    {
      name: 'mixed',
      regimen: [
        {
          drug: 'sermorelin',
          dose: { amount: 2, unit: 'mcg_per_kg' },
          route: 'iv',
          over_min: 30,
          at: '08:15',
        },
        {
          drug: 'ipamorelin',
          dose: { amount: 100, unit: 'mcg' },
          route: 'sc',
          at: ['07:00', '19:30'],
          days: { weekdays: ['mon', 'thu'] },
          start_day: 3,
        },
      ],
    },
  ],
  endpoints: ['igf1_change_pct', 'lean_mass_change_kg'],
  output: { patients: true },
} as const;

/** The trial's result with endpoint values made up (this file tests the dataset, not the model). */
function resultWithoutSimulating() {
  const trial = parseTrial(trialDocument);
  const cohort = sampleCohort(trial);
  const outcomes = cohort.rows.flatMap((row) =>
    armsOf(trial, row).map((arm) => ({ patient: row.patient, arm, values: [10 + row.patient, arm - 0.5] })),
  );
  return analyseTrial(trial, cohort, outcomes);
}

describe('trialNonmemDataset', () => {
  const result = resultWithoutSimulating();
  const dataset = trialNonmemDataset(result, trialDosing);
  const csv = nonmemCsv(dataset);
  const patients = result.patients!;

  it('has one ID per patient and arm, each with its doses and its endpoints', () => {
    const ids = [...new Set(dataset.rows.map((r) => r.ID))];
    expect(ids).toHaveLength(patients.length);
    patients.forEach((p, k) => {
      const rows = dataset.rows.filter((r) => r.ID === k + 1);
      const arm = result.trial.arms.findIndex((a) => a.name === p.arm_name);
      const doses = expandRegimen(patientScenario(result.trial, p, arm));
      expect(rows.filter((r) => r.EVID === 1)).toHaveLength(doses.length);
      const observed = rows.filter((r) => r.EVID === 0);
      expect(observed.map((r) => [r.DVID, r.DV, r.TIME, r.MDV])).toEqual([
        [1, p.endpoints.igf1_change_pct, 21 * 24, 0],
        [2, p.endpoints.lean_mass_change_kg, 21 * 24, 0],
      ]);
      for (const r of rows) {
        expect(r.AGE).toBe(p.age_years);
        expect(r.WT).toBe(p.weight_kg);
        expect(r.SEX).toBe(p.sex === 'male' ? 1 : 2);
        expect(r.ARM).toBe(arm + 1);
      }
    });
  });

  it('writes infusions with a rate in mcg/h and boluses with rate 0', () => {
    const iv = COMPARTMENTS.find((c) => c.drug === 'sermorelin' && c.route === 'iv')!.cmt;
    const infusions = dataset.rows.filter((r) => r.CMT === iv);
    expect(infusions.length).toBeGreaterThan(0);
    for (const r of infusions) expect(r.RATE).toBeCloseTo((r.AMT! / 30) * 60, 9);
    const sc = COMPARTMENTS.find((c) => c.drug === 'sermorelin' && c.route === 'sc')!.cmt;
    expect(dataset.rows.filter((r) => r.CMT === sc).every((r) => r.RATE === 0 && r.AMT === 300)).toBe(true);
  });

  it('writes "." for missing values and a header of the documented columns', () => {
    const [header, first] = csv.split('\n');
    expect(header).toBe(NONMEM_COLUMNS.map((c) => c.name).join(','));
    expect(first.split(',')[NONMEM_COLUMNS.findIndex((c) => c.name === 'DV')]).toBe('.');
  });

  it('comes with a dictionary describing every column, unit and code', () => {
    const dictionary = nonmemDictionary(dataset);
    for (const column of NONMEM_COLUMNS) {
      const entry = dictionary.columns.find((c) => c.name === column.name)!;
      expect(entry.unit, column.name).not.toBe('');
      expect(entry.description, column.name).not.toBe('');
    }
    expect(dictionary.observations.map((o) => [o.dvid, o.name, o.unit])).toEqual([
      [1, 'igf1_change_pct', '%'],
      [2, 'lean_mass_change_kg', 'kg'],
    ]);
    expect(dictionary.arms).toEqual([
      { arm: 1, name: 'sermorelin nightly' },
      { arm: 2, name: 'mixed' },
    ]);
  });

  it('refuses a result without patients, and titrated arms, naming the field', () => {
    const withoutPatients: TrialResult = { ...result };
    delete (withoutPatients as { patients?: unknown }).patients;
    expect(() => trialNonmemDataset(withoutPatients, trialDosing)).toThrow(/output\.patients/);
    const titrated = {
      ...result,
      trial: {
        ...result.trial,
        arms: [
          {
            ...result.trial.arms[0],
            titration: {
              drug: 'sermorelin' as const,
              target_igf1_sds: [0, 1] as [number, number],
              every_days: 14,
              step: { amount: 100, unit: 'mcg' as const },
              max: { amount: 900, unit: 'mcg' as const },
            },
          },
        ],
      },
    };
    expect(() => trialNonmemDataset(titrated, trialDosing)).toThrow(ScenarioError);
    expect(() => trialNonmemDataset(titrated, trialDosing)).toThrow(/arms\[0\]\.titration/);
  });
});

describe('dosingFromNonmem', () => {
  const result = resultWithoutSimulating();
  const csv = nonmemCsv(trialNonmemDataset(result, trialDosing));

  it('re-imports every subject’s EVID=1 rows to the same doses', () => {
    result.patients!.forEach((p, k) => {
      const arm = result.trial.arms.findIndex((a) => a.name === p.arm_name);
      const exported = expandRegimen(patientScenario(result.trial, p, arm));
      const history = dosingFromNonmem(csv, { id: k + 1 });
      const strip = (d: {
        t_min: number;
        drug: string;
        amount_mcg: number;
        route: string;
        over_min: number;
      }) => [d.t_min, d.drug, d.amount_mcg, d.route, d.over_min];
      expect(history.doses.map(strip), `ID ${k + 1}`).toEqual(exported.map(strip));
    });
  });

  it('folds a repeating pattern into few regimen lines', () => {
    const nightly = dosingFromNonmem(csv, { id: 1 });
    // 5 on / 2 off at one clock time: one line per run of consecutive days.
    expect(nightly.regimen.every((l) => l.drug === 'sermorelin' && l.route === 'sc')).toBe(true);
    expect(nightly.regimen.length).toBeLessThanOrEqual(4);
    expect(() => Regimen.of(nightly.regimen)).not.toThrow();
  });

  it('names the line and column of a bad cell, and asks for an ID when there are several', () => {
    expect(() => dosingFromNonmem(csv)).toThrow(/IDs.*choose one/);
    const bad = csv.replace(/\n(1,[^,]*,1,)300,/, '\n$1abc,');
    expect(bad).not.toBe(csv);
    expect(() => dosingFromNonmem(bad, { id: 1 })).toThrow(/line 2, AMT/);
    expect(() => dosingFromNonmem('ID,TIME,EVID\n1,0,1\n')).toThrow(/no AMT column/);
    expect(() => dosingFromNonmem('ID,TIME,EVID,AMT,CMT\n1,0,1,100,999\n')).toThrow(/line 2, CMT/);
    expect(() => dosingFromNonmem('ID,TIME,EVID,AMT,CMT\n1,0.01,1,100,1\n')).toThrow(
      /line 2, TIME.*whole minute/,
    );
  });

  it('turns doses at irregular days into lines that expand back to them', () => {
    const days = [0, 1, 2, 5, 9, 13, 14];
    const doses = days.map((d) => ({
      t_min: d * 1440 + 480,
      drug: 'rhgh' as const,
      amount_mcg: 400,
      route: 'sc' as const,
      over_min: 0,
    }));
    const lines = regimenFromDoses(doses);
    const expanded = Regimen.of(lines).expand({
      durationDays: 15,
      bedtime: '23:00',
      startWeekday: 'mon',
      weightKg: 70,
    });
    expect(expanded.map((d) => d.t_min)).toEqual(doses.map((d) => d.t_min));
  });
});

describe('a simulated trial as a NONMEM dataset', () => {
  it('carries the simulated endpoints as DV', () => {
    const small = parseTrial({
      ...trialDocument,
      duration_days: 7,
      population: { n: 1, age_years: { min: 40, max: 70 } },
      arms: [trialDocument.arms[0]],
    });
    const result = runTrialInProcess(small);
    const dataset = trialNonmemDataset(result, trialDosing);
    const p = result.patients![0];
    const dv = dataset.rows.filter((r) => r.EVID === 0).map((r) => r.DV);
    expect(dv).toEqual(
      [p.endpoints.igf1_change_pct, p.endpoints.lean_mass_change_kg].filter((v) => v !== null),
    );
    expect(dv.length).toBeGreaterThan(0);
  }, 120_000);
});

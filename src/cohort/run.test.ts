// SPDX-License-Identifier: MIT
/**
 * A trial is a pure function of (model, regimens, cohort, seed) (STYLE.md 5): the same document gives the same
 * JSON in this thread, on one worker thread and on two; shards and arms line up with the cohort table.
 */
import { describe, expect, it } from 'vitest';
import { analyseTrial } from './analyse.js';
import { ThreadEngine } from './engines/threads.js';
import { formatTrialTable } from './format.js';
import { parseTrial } from './parse.js';
import { planTrial, runTrial, runTrialInProcess } from './run.js';
import { runShard } from './shards.js';

const trial = parseTrial({
  name: 'determinism',
  seed: 5,
  duration_days: 14,
  population: { n: 10, age_years: { min: 55, max: 71 } },
  arms: [
    { name: 'placebo', regimen: [] },
    {
      name: 'sermorelin',
      regimen: [{ drug: 'sermorelin', dose: { amount: 500, unit: 'mcg' }, route: 'sc', at: 'bedtime' }],
    },
  ],
  endpoints: ['igf1_change_pct', 'gh_mean_change_pct', 'lean_mass_change_kg'],
  output: { patients: true, shard_size: 3 },
});

describe('runTrial', () => {
  const reference = runTrialInProcess(trial);

  it('one worker thread and two give the JSON of a single thread, byte for byte', async () => {
    const one = await runTrial(trial, new ThreadEngine({ workers: 1 }));
    const two = await runTrial(trial, new ThreadEngine({ workers: 2 }));
    expect(JSON.stringify(one)).toBe(JSON.stringify(reference));
    expect(JSON.stringify(two)).toBe(JSON.stringify(reference));
  });

  it('the order in which shards finish does not matter', () => {
    const plan = planTrial(trial, 1);
    const shuffled = [...plan.shards]
      .reverse()
      .flatMap((shard) => runShard(trial, plan.cohort.rows, shard).reverse());
    expect(JSON.stringify(analyseTrial(trial, plan.cohort, shuffled))).toBe(JSON.stringify(reference));
  });

  it('refuses outcomes that lose or double-count a patient', () => {
    const plan = planTrial(trial, 1);
    const outcomes = plan.shards.flatMap((shard) => runShard(trial, plan.cohort.rows, shard));
    expect(() => analyseTrial(trial, plan.cohort, outcomes.slice(1))).toThrow(
      /patient 0 in arm 0 has no outcome/,
    );
    expect(() => analyseTrial(trial, plan.cohort, [...outcomes, outcomes[3]])).toThrow(/counted twice/);
  });

  it('an endpoint null for every patient is missing (n 0), listed as not modelled, never a number', () => {
    const plan = planTrial(trial, 1);
    const outcomes = plan.shards
      .flatMap((shard) => runShard(trial, plan.cohort.rows, shard))
      .map((o) => ({ ...o, values: [o.values[0], o.values[1], null] }));
    const result = analyseTrial(trial, plan.cohort, outcomes);
    expect(result.not_modelled).toEqual(['lean_mass_change_kg']);
    expect(result.arms[1].endpoints['lean_mass_change_kg']).toMatchObject({ n: 0, missing: 10, mean: null });
    expect(result.arms[1].difference?.['lean_mass_change_kg']).toMatchObject({
      n: 0,
      mean: null,
      ci95: null,
    });
    expect(formatTrialTable(result)).toMatch(/lean_mass_change_kg \(kg\)\s+all\s+not modelled yet/);
  });

  it('paired arms hold the same patients; sermorelin raises IGF-1 against the same patients untreated', () => {
    expect(reference.arms.map((a) => a.patients)).toEqual([10, 10]);
    const diff = reference.arms[1].difference?.['igf1_change_pct'];
    expect(diff?.method).toBe('paired');
    // Sermorelin nightly raises IGF-1 against the same patients untreated (Vittone 1997; Khorram 1997).
    expect(diff?.ci95?.[0]).toBeGreaterThan(0);
    expect(reference.patients).toHaveLength(20);
  });
});

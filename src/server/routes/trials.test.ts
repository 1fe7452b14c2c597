// SPDX-License-Identifier: MIT
/**
 * The trial routes on a SQLite store: submit (202), poll to done, the result equals the single-process run;
 * errors name the field path; a contraindicated arm is a 422; a resubmitted trial continues from the shards the
 * store already holds instead of simulating them again.
 */
import { describe, expect, it } from 'vitest';
import { parseTrial, planTrial, runShard, runTrialInProcess } from '../../cohort/index.js';
import type { PatientOutcome, TrialResult } from '../../cohort/index.js';
import { waitUntil } from '../../../test/support/wait.js';
import { inMemoryServer } from '../../../test/support/in-memory-server.js';

const document = {
  name: 'API trial',
  seed: 4,
  duration_days: 14,
  population: { n: 6, age_years: { min: 60, max: 70 } },
  arms: [
    { name: 'placebo', regimen: [] },
    {
      name: 'sermorelin',
      regimen: [{ drug: 'sermorelin', dose: { amount: 500, unit: 'mcg' }, route: 'sc', at: 'bedtime' }],
    },
  ],
  endpoints: ['igf1_change_pct', 'gh_mean_change_pct'],
  output: { patients: true },
};

interface TrialView {
  status: string;
  progress: number;
  error?: string;
  result?: TrialResult;
}

const server = inMemoryServer();

async function waitDone(id: string): Promise<TrialView> {
  let view: TrialView | undefined;
  await waitUntil(
    async () => {
      view = (await server.app.inject({ method: 'GET', url: `/api/v1/trials/${id}` })).json<TrialView>();
      return view.status !== 'queued' && view.status !== 'running';
    },
    `trial ${id} to finish`,
    { everyMs: 100 },
  );
  return view!;
}

describe('/api/v1/trials', () => {
  it('202 with an id, then done with the result of the single-process run', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/trials', payload: document });
    expect(res.statusCode).toBe(202);
    const { id } = res.json<{ id: string }>();
    expect(res.headers['location']).toBe(`/api/v1/trials/${id}`);
    const view = await waitDone(id);
    expect(view.status, view.error).toBe('done');
    expect(view.progress).toBe(1);
    expect(JSON.stringify(view.result)).toBe(JSON.stringify(runTrialInProcess(parseTrial(document))));
    const list = (await server.app.inject({ method: 'GET', url: '/api/v1/trials' })).json<{
      trials: { id: string }[];
    }>();
    expect(list.trials.map((t) => t.id)).toContain(id);
  });

  it('400 naming the field path; 404 for an unknown id; 422 for a contraindicated arm', async () => {
    const bad = await server.app.inject({
      method: 'POST',
      url: '/api/v1/trials',
      payload: {
        ...document,
        arms: [
          {
            name: 'x',
            regimen: [{ drug: 'mk677', dose: { amount: 25, unit: 'mg' }, route: 'sc', at: '08:00' }],
          },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { path: string } }>().error.path).toBe('arms[0].regimen[0].route');
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/trials/nope' })).statusCode).toBe(404);
    const population = { ...document.population, conditions: ['active_malignancy'] };
    const contraindicated = await server.app.inject({
      method: 'POST',
      url: '/api/v1/trials',
      payload: { ...document, population },
    });
    expect(contraindicated.statusCode).toBe(422);
  });

  it('a resubmitted trial uses the shards already stored and simulates only the others', async () => {
    const trial = parseTrial(document);
    const record = await server.store.trials.create(trial.name, trial, 'someone');
    await server.store.trials.markRunning(record.id);
    // Shard 0 (patient 0) "finished" before the interruption, with recognisable values.
    const plan = planTrial(trial, 200);
    const marked: PatientOutcome[] = runShard(trial, plan.cohort.rows, plan.shards[0]).map((o) => ({
      ...o,
      values: [1234, 5678],
    }));
    await server.store.trials.saveShard(record.id, 0, marked);
    await server.store.trials.stop(record.id, 'interrupted', 'test');
    const res = await server.app.inject({ method: 'POST', url: `/api/v1/trials/${record.id}/resubmit` });
    expect(res.statusCode).toBe(202);
    const view = await waitDone(record.id);
    expect(view.status, view.error).toBe('done');
    const patients = view.result?.patients ?? [];
    expect(patients.filter((p) => p.endpoints['igf1_change_pct'] === 1234)).toHaveLength(2);
    expect(patients).toHaveLength(12);
    const reference = runTrialInProcess(trial).patients ?? [];
    expect(patients.slice(2)).toEqual(reference.slice(2));
  });
});

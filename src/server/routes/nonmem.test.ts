// SPDX-License-Identifier: MIT
/**
 * `GET /api/v1/trials/{id}/nonmem` on a SQLite store holding a finished trial: the CSV equals the library's
 * dataset, the dictionary describes its columns; 409 for a trial without patients or not done, 404 for none.
 */
import { describe, expect, it } from 'vitest';
import {
  analyseTrial,
  armsOf,
  trialDosing,
  parseTrial,
  sampleCohort,
  type TrialResult,
} from '../../cohort/index.js';
import { nonmemCsv, trialNonmemDataset } from '../../exchange/nonmem/index.js';
import { inMemoryServer } from '../../../test/support/in-memory-server.js';

const trial = parseTrial({
  name: 'API NONMEM',
  seed: 8,
  duration_days: 14,
  population: { n: 3, age_years: { min: 45, max: 65 } },
  arms: [{ name: 'sermorelin', regimen: ['sermorelin 300 mcg sc at bedtime 5on2off'] }],
  endpoints: ['igf1_change_pct'],
  output: { patients: true },
});

/** A finished result with made-up endpoint values: this file tests the route, not the model. */
function finishedResult(): TrialResult {
  const cohort = sampleCohort(trial);
  const outcomes = cohort.rows.flatMap((row) =>
    armsOf(trial, row).map((arm) => ({ patient: row.patient, arm, values: [20 + row.patient] })),
  );
  return analyseTrial(trial, cohort, outcomes);
}

const server = inMemoryServer();

/** Stores a trial as done with `result`. */
async function storedDone(result: TrialResult): Promise<string> {
  const record = await server.store.trials.create(result.trial.name, result.trial, 'test');
  expect(await server.store.trials.markRunning(record.id)).toBe(true);
  expect(await server.store.trials.complete(record.id, result)).toBe(true);
  return record.id;
}

describe('GET /api/v1/trials/{id}/nonmem', () => {
  it('gives the dataset as CSV and its dictionary as JSON', async () => {
    const result = finishedResult();
    const id = await storedDone(result);
    const csv = await server.app.inject({ method: 'GET', url: `/api/v1/trials/${id}/nonmem` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toBe(nonmemCsv(trialNonmemDataset(result, trialDosing)));
    const dictionary = await server.app.inject({
      method: 'GET',
      url: `/api/v1/trials/${id}/nonmem?part=dictionary`,
    });
    expect(dictionary.statusCode).toBe(200);
    const body = dictionary.json<{ schema: string; columns: { name: string }[] }>();
    expect(body.schema).toBe('endotwin/nonmem-dictionary/v1');
    expect(body.columns.map((c) => c.name).join(',')).toBe(csv.body.split('\n')[0]);
  });

  it('409 naming output.patients for a trial that kept no patients; 404 for an unknown id', async () => {
    const result: TrialResult = { ...finishedResult() };
    delete (result as { patients?: unknown }).patients;
    const id = await storedDone(result);
    const res = await server.app.inject({ method: 'GET', url: `/api/v1/trials/${id}/nonmem` });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string; message: string } }>().error.message).toMatch(
      /^output\.patients:/,
    );
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/trials/nope/nonmem' })).statusCode).toBe(
      404,
    );
  });

  it('409 while the trial is not done; 400 for an unknown part', async () => {
    const record = await server.store.trials.create(trial.name, trial, 'test');
    expect(await server.store.trials.markRunning(record.id)).toBe(true);
    const res = await server.app.inject({ method: 'GET', url: `/api/v1/trials/${record.id}/nonmem` });
    expect(res.statusCode).toBe(409);
    const bad = await server.app.inject({
      method: 'GET',
      url: `/api/v1/trials/${record.id}/nonmem?part=xml`,
    });
    expect(bad.statusCode).toBe(400);
  });
});

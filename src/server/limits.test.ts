// SPDX-License-Identifier: MIT
/** A small request cannot cost gigabytes: the samples × series cap, streamed results and the storage quota. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seriesNames } from '../simulate/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { buildServer } from './app.js';
import { DEFAULT_MAX_SAMPLE_VALUES } from './routes/context.js';

type App = Awaited<ReturnType<typeof buildServer>>;
const patient = { age_years: 45, sex: 'male', weight_kg: 82, height_cm: 178 };
const SMALL = {
  duration_days: 1,
  patient,
  output: { sample_every_min: 60, series: ['gh_ug_l'], window_days: [0, 1] },
};

async function waitDone(app: App, id: string): Promise<void> {
  for (;;) {
    const run = (await app.inject({ method: 'GET', url: `/api/v1/runs/${id}` })).json<{ status: string }>();
    if (run.status === 'done') return;
    if (run.status !== 'queued' && run.status !== 'running') throw new Error(`run ended ${run.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('run size limits', () => {
  let store: Store;
  let app: App;
  beforeEach(async () => {
    store = await openStore(':memory:');
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  it('refuses a year sampled every minute with every series: 400 naming the fields and the cap', async () => {
    app = await buildServer({ store, workers: 1 });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/runs',
      payload: {
        duration_days: 365,
        patient,
        output: { sample_every_min: 1, series: seriesNames(), window_days: [0, 365] },
      },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json<{ error: { code: string; message: string; path: string } }>();
    expect(error.code).toBe('INVALID_SCENARIO');
    expect(error.path).toBe('output');
    for (const field of ['output.window_days', 'output.sample_every_min', 'output.series']) {
      expect(error.message).toContain(field);
    }
    expect(error.message).toContain(String(DEFAULT_MAX_SAMPLE_VALUES));
    expect(await store.runs.list({ limit: 10, offset: 0 })).toHaveLength(0);
  });

  it('streams the JSON result with the same text as the stored document', async () => {
    app = await buildServer({ store, workers: 1, progressIntervalMs: 100 });
    const { id } = (await app.inject({ method: 'POST', url: '/api/v1/runs', payload: SMALL })).json<{
      id: string;
    }>();
    await waitDone(app, id);
    const res = await app.inject({ method: 'GET', url: `/api/v1/runs/${id}/result` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.body).toBe(JSON.stringify(await store.results.get(id)));
  });

  it('refuses a run that would take the client past its storage quota (403)', async () => {
    // One 1-day hourly GH series is 25 samples × 2 (t_min, gh) = 50 values; the quota allows one such run.
    app = await buildServer({ store, workers: 1, progressIntervalMs: 100, maxStoredValuesPerClient: 60 });
    const first = await app.inject({ method: 'POST', url: '/api/v1/runs', payload: SMALL });
    expect(first.statusCode).toBe(202);
    await waitDone(app, first.json<{ id: string }>().id);
    const second = await app.inject({ method: 'POST', url: '/api/v1/runs', payload: SMALL });
    expect(second.statusCode).toBe(403);
    expect(second.json()).toMatchObject({ error: { code: 'STORAGE_QUOTA_EXCEEDED' } });
  });
});

// SPDX-License-Identifier: MIT
/** `POST /api/v1/patients/{id}/fit` and `/predict` against a real loopback server and an SQLite store. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';
import type { Store } from '../src/store/index.js';
import type { TwinFit } from '../src/twin/index.js';
import { request, startTestServer } from './support/api-harness.js';
import type { TestServer } from './support/api-harness.js';
import { READINESS_TIMEOUT_MS } from './support/wait.js';

/** The fit limit of these servers: a fit on a busy 2-core machine may take longer than the 25 s default. */
const GENEROUS_FIT_MS = READINESS_TIMEOUT_MS;

const patient = { age_years: 62, sex: 'male', weight_kg: 88, height_cm: 178 };
const history = {
  name: 'sermorelin so far',
  seed: 11,
  duration_days: 28,
  regimen: ['sermorelin 500 mcg sc at bedtime daily'],
};
// Stored as the laboratory reported them: IGF-1 once in nmol/L (19.1 nmol/L = 145.8 ng/mL).
const storedLabs = [
  { drawn_at: '2026-03-02', analyte: 'igf1_ng_ml', value: 120, unit: 'ng/mL' },
  { drawn_at: '2026-03-02T08:05:00+01:00', analyte: 'glucose_fasting_mg_dl', value: 99, unit: 'mg/dL' },
  { drawn_at: '2026-03-30', analyte: 'igf1', value: 19.1, unit: 'nmol/L' },
];

describe('POST /api/v1/patients/{id}/fit', () => {
  let dir = '';
  let store: Store;
  let server: TestServer;
  let id = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'endotwin-twin-api-'));
    store = await openStore(join(dir, 'store.db'));
    server = await startTestServer({ store, fitTimeoutMs: GENEROUS_FIT_MS });
    const created = await request<{ id: string }>(server.baseUrl, 'POST', '/api/v1/patients', {
      body: { name: 'Patient T', patient, labs: storedLabs },
    });
    expect(created.status, created.text).toBe(201);
    id = created.json.id;
  });

  afterAll(async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("fits the stored labs, with the stored patient's covariates, to the same twin as labs sent in the body", async () => {
    const stored = await request<TwinFit>(server.baseUrl, 'POST', `/api/v1/patients/${id}/fit`, {
      body: { scenario: history },
    });
    expect(stored.status, stored.text).toBe(200);
    expect(stored.json.schema).toBe('endotwin/twin-fit/v1');
    expect(stored.json.parameters.map((p) => p.name)).toEqual(['igf1_prod_scale', 'sermorelin_ec50_ng_ml']);
    expect(stored.json.residuals.map((r) => [r.day, r.lab])).toEqual([
      [0, 'igf1'],
      [0, 'glucose_fasting'],
      [28, 'igf1'],
    ]);
    expect(stored.json.residuals[2].observed).toBeCloseTo(19.1 / 0.131, 9);
    const sent = await request<TwinFit>(server.baseUrl, 'POST', `/api/v1/patients/${id}/fit`, {
      body: {
        scenario: { ...history, patient },
        labs: [
          { drawn_at: '2026-03-02', analyte: 'igf1', value: 120, unit: 'ng/mL' },
          { drawn_at: '2026-03-02', analyte: 'glucose_fasting', value: 5.5, unit: 'mmol/L' },
          { drawn_at: '2026-03-30', analyte: 'igf1_ng_ml', value: 19.1 / 0.131, unit: 'ng/mL' },
        ],
      },
    });
    expect(sent.status, sent.text).toBe(200);
    sent.json.parameters.forEach((p, i) =>
      expect(p.estimate).toBeCloseTo(stored.json.parameters[i].estimate, 6),
    );
  });

  it('answers 400 naming the field of a bad lab or scenario, and 404 for an unknown patient', async () => {
    const badLab = await request<{ error: { code: string; path: string } }>(
      server.baseUrl,
      'POST',
      `/api/v1/patients/${id}/fit`,
      { body: { scenario: history, labs: [{ ...storedLabs[0], unit: 'mg' }] } },
    );
    expect(badLab.status).toBe(400);
    expect(badLab.json.error).toMatchObject({ code: 'INVALID_REQUEST', path: 'labs[0].unit' });

    const late = await request<{ error: { path: string; message: string } }>(
      server.baseUrl,
      'POST',
      `/api/v1/patients/${id}/fit`,
      { body: { scenario: { ...history, duration_days: 14 } } },
    );
    expect(late.status).toBe(400);
    expect(late.json.error.path).toBe('labs[2].day');

    const badRegimen = await request<{ error: { code: string; path: string; message: string } }>(
      server.baseUrl,
      'POST',
      `/api/v1/patients/${id}/fit`,
      { body: { scenario: { ...history, regimen: ['sermorelin 500 mcg sx at bedtime'] } } },
    );
    expect(badRegimen.status).toBe(400);
    expect(badRegimen.json.error).toMatchObject({ code: 'INVALID_SCENARIO', path: 'scenario.regimen[0]' });
    expect(badRegimen.json.error.message).toMatch(/unknown token 'sx'/);

    const missing = await request(server.baseUrl, 'POST', '/api/v1/patients/no-such-patient/fit', {
      body: { scenario: history },
    });
    expect(missing.status).toBe(404);
  });

  it('answers 422 FIT_TIMEOUT, naming the limit, when a fit outlasts the server’s fit time limit', async () => {
    const tight = await startTestServer({ store, fitTimeoutMs: 1 });
    try {
      const response = await request<{ error: { code: string; message: string } }>(
        tight.baseUrl,
        'POST',
        `/api/v1/patients/${id}/fit`,
        { body: { scenario: history } },
      );
      expect(response.status, response.text).toBe(422);
      expect(response.json.error.code).toBe('FIT_TIMEOUT');
      expect(response.json.error.message).toContain('did not finish within 0.001 s');
    } finally {
      await tight.close();
    }
  });
});

interface PredictionBody {
  schema: string;
  fit: TwinFit;
  history_days: number;
  duration_days: number;
  draws: number;
  level: number;
  intervals: Record<string, string>;
  daily: Record<string, number | null>[];
}

describe('POST /api/v1/patients/{id}/predict', () => {
  let dir = '';
  let store: Store;
  let server: TestServer;
  let id = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'endotwin-twin-predict-'));
    store = await openStore(join(dir, 'store.db'));
    server = await startTestServer({ store, fitTimeoutMs: GENEROUS_FIT_MS });
    const created = await request<{ id: string }>(server.baseUrl, 'POST', '/api/v1/patients', {
      body: { name: 'Patient P', patient, labs: storedLabs },
    });
    expect(created.status, created.text).toBe(201);
    id = created.json.id;
  });

  afterAll(async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('predicts days 0 to history + future_days − 1, each IGF-1 median inside its 90 % interval', async () => {
    const res = await request<PredictionBody>(server.baseUrl, 'POST', `/api/v1/patients/${id}/predict`, {
      body: {
        scenario: history,
        future_days: 14,
        regimen: ['sermorelin 300 mcg sc at bedtime daily'],
        draws: 8,
      },
    });
    expect(res.status, res.text).toBe(200);
    const body = res.json;
    expect(body.schema).toBe('endotwin/twin-patient-prediction/v1');
    expect(body.fit.schema).toBe('endotwin/twin-fit/v1');
    expect([body.history_days, body.duration_days, body.draws, body.level]).toEqual([28, 42, 8, 0.9]);
    expect(body.intervals.igf1_ng_ml).toBe('parameters+residual');
    expect(body.daily.map((row) => row.day)).toEqual(Array.from({ length: 42 }, (_, d) => d));
    for (const row of body.daily) {
      const [median, p05, p95] = [row.igf1_ng_ml_median, row.igf1_ng_ml_p05, row.igf1_ng_ml_p95];
      expect(median).toBeGreaterThan(0);
      expect(p05).toBeLessThan(median ?? Number.NaN);
      expect(p95).toBeGreaterThan(median ?? Number.NaN);
    }
  });

  it('reports its progress under the client’s token: the fit’s simulations, then every draw', async () => {
    const token = randomUUID();
    const progress = () =>
      request<{ phase: string; done: number; total: number | null; finished: boolean }>(
        server.baseUrl,
        'GET',
        `/api/v1/progress/${token}`,
      );
    expect((await progress()).json).toEqual({ phase: 'pending', done: 0, total: null, finished: false });
    const seen: string[] = [];
    const answer = request(server.baseUrl, 'POST', `/api/v1/patients/${id}/predict?progress=${token}`, {
      body: { scenario: history, future_days: 7, draws: 6 },
    });
    let done = false;
    void answer.then(() => (done = true));
    while (!done) {
      const { phase } = (await progress()).json;
      if (seen[seen.length - 1] !== phase) seen.push(phase);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await answer).status).toBe(200);
    expect((await progress()).json).toEqual({ phase: 'predict', done: 6, total: 6, finished: true });
    expect(seen).toContain('fit');
    const bad = await request(server.baseUrl, 'GET', '/api/v1/progress/not-a-uuid');
    expect(bad.status).toBe(400);
  });

  it('predicts the same course whether it continues the history, repeats its regimen or is sent whole', async () => {
    const predict = async (extra: object): Promise<PredictionBody> => {
      const res = await request<PredictionBody>(server.baseUrl, 'POST', `/api/v1/patients/${id}/predict`, {
        body: { scenario: history, draws: 4, ...extra },
      });
      expect(res.status, res.text).toBe(200);
      return res.json;
    };
    const continued = await predict({ future_days: 14 });
    const repeated = await predict({ future_days: 14, regimen: history.regimen });
    const whole = await predict({ future: { ...history, duration_days: 42 } });
    expect(repeated.daily).toEqual(continued.daily);
    expect(whole.daily).toEqual(continued.daily);
    // An empty future regimen stops treatment: IGF-1 falls below the treated course two weeks later.
    const stopped = await predict({ future_days: 14, regimen: [] });
    expect(stopped.daily[27]).toEqual(continued.daily[27]);
    expect(stopped.daily[41].igf1_ng_ml_median).toBeLessThan(continued.daily[41].igf1_ng_ml_median ?? 0);
  });

  it('answers 400 for too many draws, a bad future regimen or both future forms, and 404 for an unknown patient', async () => {
    const post = (path: string, body: object) =>
      request<{ error: { code: string; path: string } }>(server.baseUrl, 'POST', path, { body });
    const draws = await post(`/api/v1/patients/${id}/predict`, { scenario: history, draws: 51 });
    expect(draws.status).toBe(400);
    expect(draws.json.error.path).toBe('draws');
    const regimen = await post(`/api/v1/patients/${id}/predict`, {
      scenario: history,
      future_days: 7,
      regimen: ['sermorelin 300 mcg sx at bedtime'],
    });
    expect(regimen.status).toBe(400);
    expect(regimen.json.error.path).toBe('future_regimen.regimen[0]');
    const both = await post(`/api/v1/patients/${id}/predict`, {
      scenario: history,
      future: { ...history, duration_days: 56 },
      future_days: 7,
    });
    expect(both.status).toBe(400);
    const missing = await post('/api/v1/patients/no-such-patient/predict', { scenario: history });
    expect(missing.status).toBe(404);
  });
});

// SPDX-License-Identifier: MIT
/**
 * The HTTP API end to end, one suite run against both stores: SQLite (a temporary file) and a real PostgreSQL
 * server started here from Debian's `postgresql` binaries. Runs use 2-day scenarios to stay fast.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAILY_TABLE_FIELDS, RESULT_SCHEMA_ID, readCsv } from '../src/scenario/index.js';
import { parseScenario } from '../src/protocol/index.js';
import type { Result } from '../src/scenario/index.js';
import { buildServer, packageVersion } from '../src/server/index.js';
import { simulate } from '../src/simulate/index.js';
import { GH_SYNTHETIC_DEFAULTS, seededRandom, syntheticGhSeries } from '../src/analysis/pulses/synthetic.js';
import { preloadExamples } from '../src/cli/commands/serve.js';
import { packageRoot } from '../src/server/index.js';
import { INTERRUPTED_BY_RESTART, openStore } from '../src/store/index.js';
import { INTERRUPTED_BY_SHUTDOWN } from '../src/server/jobs/run-queue.js';
import type { Store } from '../src/store/index.js';
import { pollRun, request, startTestServer } from './support/api-harness.js';
import type { RunView, TestServer } from './support/api-harness.js';
import { POSTGRES_MISSING, findPostgresBin, startPostgres } from './support/postgres.js';
import type { PostgresServer } from './support/postgres.js';

/** A store back-end: hands out fresh, empty store locations. */
interface Backend {
  readonly name: string;
  setUp(): Promise<void>;
  newLocation(): Promise<string>;
  tearDown(): Promise<void>;
}

const SQL_LOOKING_NAME = "x'); DROP TABLE runs;--";

/** A two-day scenario: sermorelin at bedtime, GH and IGF-1 series every 10 minutes. */
const SHORT_SCENARIO = {
  name: 'API test: sermorelin 300 mcg at bedtime, 2 days',
  seed: 11,
  duration_days: 2,
  patient: { age_years: 45, sex: 'male', weight_kg: 82, height_cm: 178 },
  regimen: [{ drug: 'sermorelin', dose: { amount: 300, unit: 'mcg' }, route: 'sc', at: 'bedtime' }],
  output: { sample_every_min: 10, series: ['gh_ug_l', 'igf1_ng_ml'], window_days: [0, 2] },
};

/** Submits a scenario and returns the run id (expects 202). */
async function submit(
  baseUrl: string,
  scenario: object,
  headers: Record<string, string> = {},
): Promise<string> {
  const res = await request<{ id: string }>(baseUrl, 'POST', '/api/v1/runs', { body: scenario, headers });
  expect(res.status, res.text).toBe(202);
  expect(res.headers.get('location')).toBe(`/api/v1/runs/${res.json.id}`);
  return res.json.id;
}

function sqliteBackend(): Backend {
  let dir = '';
  let n = 0;
  return {
    name: 'SQLite',
    setUp: () => {
      dir = mkdtempSync(join(tmpdir(), 'endotwin-api-'));
      return Promise.resolve();
    },
    newLocation: () => Promise.resolve(join(dir, `store-${++n}.db`)),
    tearDown: () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

function postgresBackend(bin: string): Backend {
  let server: PostgresServer | undefined;
  let n = 0;
  return {
    name: 'PostgreSQL',
    setUp: async () => {
      server = await startPostgres(bin);
    },
    newLocation: () => {
      if (!server) throw new Error('PostgreSQL was not started');
      return server.createDatabase(`endotwin_test_${++n}`);
    },
    tearDown: async () => {
      await server?.stop();
    },
  };
}

function apiSuite(backend: Backend): void {
  describe(`HTTP API on ${backend.name}`, () => {
    let store: Store;
    let server: TestServer;
    let base = '';

    beforeAll(async () => {
      await backend.setUp();
      store = await openStore(await backend.newLocation());
      server = await startTestServer({ store });
      base = server.baseUrl;
    });

    afterAll(async () => {
      await server?.close();
      await store?.close();
      await backend.tearDown();
    });

    it('GET /health answers ok with the package version', async () => {
      const res = await request(base, 'GET', '/health');
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ status: 'ok', version: packageVersion(), database: 'ok' });
    });

    it('validates a scenario: normalised document and screening', async () => {
      const res = await request<{
        valid: boolean;
        screening: { status: string };
        scenario: Record<string, unknown>;
      }>(base, 'POST', '/api/v1/scenarios/validate', { body: SHORT_SCENARIO });
      expect(res.status, res.text).toBe(200);
      expect(res.json.valid).toBe(true);
      expect(['ok', 'caution']).toContain(res.json.screening.status);
      // Normalisation fills in what depends on other fields: the regimen line ends with the scenario.
      expect(res.json.scenario).toMatchObject({ regimen: [{ end_day: 2, start_day: 0 }] });
    });

    it('rejects an invalid scenario with 400 and the field path, value and allowed range', async () => {
      const young = { ...SHORT_SCENARIO, patient: { ...SHORT_SCENARIO.patient, age_years: 5 } };
      for (const route of ['/api/v1/scenarios/validate', '/api/v1/runs', '/api/v1/scenarios']) {
        const res = await request<{ error: { code: string; message: string; path: string } }>(
          base,
          'POST',
          route,
          {
            body: young,
          },
        );
        expect(res.status, route).toBe(400);
        expect(res.json.error.code).toBe('INVALID_SCENARIO');
        expect(res.json.error.path).toBe('patient.age_years');
        expect(res.json.error.message).toContain('5');
        expect(res.json.error.message).toContain('18');
      }
      const oral = {
        ...SHORT_SCENARIO,
        regimen: [{ ...SHORT_SCENARIO.regimen[0], route: 'oral' }],
      };
      const cross = await request<{ error: { path: string; message: string } }>(
        base,
        'POST',
        '/api/v1/runs',
        {
          body: oral,
        },
      );
      expect(cross.status).toBe(400);
      expect(cross.json.error.path).toBe('regimen[0].route');
      expect(cross.json.error.message).toContain('sc');
    });

    it('caps duration_days for the API with a 400 naming the field', async () => {
      const res = await request<{ error: { path: string; message: string } }>(base, 'POST', '/api/v1/runs', {
        body: { ...SHORT_SCENARIO, duration_days: 1000 },
      });
      expect(res.status).toBe(400);
      expect(res.json.error.path).toBe('duration_days');
      expect(res.json.error.message).toContain('365');
    });

    it('refuses a contraindicated scenario with 422 unless research=true', async () => {
      const allergic = {
        ...SHORT_SCENARIO,
        patient: { ...SHORT_SCENARIO.patient, allergies: ['sermorelin'] },
      };
      const res = await request<{ error: { code: string; details: { status: string } } }>(
        base,
        'POST',
        '/api/v1/runs',
        { body: allergic },
      );
      expect(res.status).toBe(422);
      expect(res.json.error.code).toBe('CONTRAINDICATED');
      expect(res.json.error.details.status).toBe('contraindicated');
    });

    it('runs a scenario: 202 at once, progress within 0..1, result identical to simulate(), CSV of the daily table', async () => {
      const id = await submit(base, SHORT_SCENARIO);
      const views = await pollRun(base, id);
      const last = views[views.length - 1];
      expect(last.status, last.error).toBe('done');
      expect(last.progress).toBe(1);
      for (const view of views) {
        expect(view.progress).toBeGreaterThanOrEqual(0);
        expect(view.progress).toBeLessThanOrEqual(1);
      }
      // Progress never goes backwards.
      for (let i = 1; i < views.length; i++)
        expect(views[i].progress).toBeGreaterThanOrEqual(views[i - 1].progress);

      const res = await request<Result>(base, 'GET', `/api/v1/runs/${id}/result`);
      expect(res.status).toBe(200);
      expect(res.json.schema).toBe(RESULT_SCHEMA_ID);
      expect(res.json.daily).toHaveLength(2);
      expect(res.json.series.t_min.length).toBeGreaterThan(100);
      for (const name of ['gh_ug_l', 'igf1_ng_ml'])
        expect(res.json.series[name]).toHaveLength(res.json.series.t_min.length);
      // Same scenario and seed give the same document; the Float64 series blobs round-trip exactly.
      const direct = simulate(parseScenario(SHORT_SCENARIO));
      expect(res.json).toEqual(JSON.parse(JSON.stringify(direct)));

      const csv = await request(base, 'GET', `/api/v1/runs/${id}/result?format=csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      const records = readCsv(csv.text).map((r) => r.fields);
      expect(records[0]).toEqual(DAILY_TABLE_FIELDS);
      expect(records).toHaveLength(1 + res.json.daily.length);
      records.slice(1).forEach((cells, row) => {
        DAILY_TABLE_FIELDS.forEach((field, col) => {
          const value = res.json.daily[row][field] ?? null;
          expect(cells[col] === '' ? null : Number(cells[col])).toBe(value);
        });
      });

      const parquet = await fetch(`${base}/api/v1/runs/${id}/result?format=parquet`);
      expect(parquet.status).toBe(200);
      expect(parquet.headers.get('content-type')).toBe('application/vnd.apache.parquet');
      const rows = (await parquetReadObjects({ file: await parquet.arrayBuffer() })) as Record<
        string,
        unknown
      >[];
      expect(rows.map((r) => r.igf1_ng_ml)).toEqual(res.json.daily.map((d) => d.igf1_ng_ml));
      expect(Object.keys(rows[0] ?? {})).toEqual(DAILY_TABLE_FIELDS);

      const bad = await request<{ error: { path: string } }>(
        base,
        'GET',
        `/api/v1/runs/${id}/result?format=xml`,
      );
      expect(bad.status).toBe(400);
      expect(bad.json.error.path).toBe('query.format');
    });

    it('answers 404 with a JSON error for unknown ids and routes', async () => {
      for (const [method, path] of [
        ['GET', '/api/v1/runs/no-such-run'],
        ['GET', '/api/v1/runs/no-such-run/result'],
        ['POST', '/api/v1/runs/no-such-run/cancel'],
        ['POST', '/api/v1/runs/no-such-run/resubmit'],
        ['GET', '/api/v1/scenarios/no-such-scenario'],
        ['GET', '/api/v1/patients/no-such-patient'],
        ['GET', '/api/v1/no-such-route'],
      ] as const) {
        const res = await request<{ error: { code: string } }>(base, method, path);
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.json.error.code).toBe('NOT_FOUND');
      }
    });

    it('answers 413 for a body above the limit', async () => {
      const huge = { ...SHORT_SCENARIO, name: 'x'.repeat(2 * 1024 * 1024) };
      const res = await request<{ error: { code: string } }>(base, 'POST', '/api/v1/runs', { body: huge });
      expect(res.status).toBe(413);
      expect(res.json.error.code).toBe('BODY_TOO_LARGE');
    });

    it('answers 400 with a JSON error for malformed JSON', async () => {
      const res = await request<{ error: { code: string } }>(base, 'POST', '/api/v1/runs', {
        body: '{"duration_days": ',
      });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('BAD_REQUEST');
    });

    it('stores SQL-looking text verbatim (scenario, run, patient) and the tables survive', async () => {
      const scenario = { ...SHORT_SCENARIO, name: SQL_LOOKING_NAME };
      const saved = await request<{ id: string; name: string }>(base, 'POST', '/api/v1/scenarios', {
        body: scenario,
      });
      expect(saved.status, saved.text).toBe(201);
      const got = await request<{ name: string; document: { name: string } }>(
        base,
        'GET',
        `/api/v1/scenarios/${saved.json.id}`,
      );
      expect(got.json.name).toBe(SQL_LOOKING_NAME);
      expect(got.json.document.name).toBe(SQL_LOOKING_NAME);
      const list = await request<{ scenarios: { id: string; name: string }[] }>(
        base,
        'GET',
        '/api/v1/scenarios',
      );
      expect(list.json.scenarios.find((s) => s.id === saved.json.id)?.name).toBe(SQL_LOOKING_NAME);

      const runId = await submit(base, scenario);
      const run = await request<RunView>(base, 'GET', `/api/v1/runs/${runId}`);
      expect(run.json.name).toBe(SQL_LOOKING_NAME);
      await request(base, 'POST', `/api/v1/runs/${runId}/cancel`);

      const patient = await request<{ id: string }>(base, 'POST', '/api/v1/patients', {
        body: { name: SQL_LOOKING_NAME, patient: SHORT_SCENARIO.patient, labs: [] },
      });
      expect(patient.status).toBe(201);
      const back = await request<{ name: string }>(base, 'GET', `/api/v1/patients/${patient.json.id}`);
      expect(back.json.name).toBe(SQL_LOOKING_NAME);
      const runs = await request<{ runs: RunView[] }>(base, 'GET', '/api/v1/runs');
      expect(runs.status).toBe(200);
      expect(runs.json.runs.some((r) => r.id === runId)).toBe(true);
    });

    it('checks a scenario as data: 200 with every issue when invalid, with the screening when valid', async () => {
      const bad = await request<{ valid: boolean; issues: { path: string; message: string }[] }>(
        base,
        'POST',
        '/api/v1/scenarios/check',
        { body: { ...SHORT_SCENARIO, patient: { ...SHORT_SCENARIO.patient, age_years: 10 } } },
      );
      expect(bad.status).toBe(200);
      expect(bad.json.valid).toBe(false);
      expect(bad.json.issues.map((i) => i.path)).toEqual(['patient.age_years']);
      const long = await request<{ valid: boolean; issues: { path: string; message: string }[] }>(
        base,
        'POST',
        '/api/v1/scenarios/check',
        { body: { ...SHORT_SCENARIO, duration_days: 5000 } },
      );
      expect(long.json.valid).toBe(false);
      const good = await request<{ valid: boolean; screening: { status: string } }>(
        base,
        'POST',
        '/api/v1/scenarios/check',
        { body: SHORT_SCENARIO },
      );
      expect([good.status, good.json.valid, good.json.screening.status]).toEqual([200, true, 'ok']);
    });

    it('updates a saved scenario in place and deletes scenarios, runs and patients', async () => {
      const saved = await request<{ id: string; created_at: string }>(base, 'POST', '/api/v1/scenarios', {
        body: SHORT_SCENARIO,
      });
      expect(saved.status, saved.text).toBe(201);
      const id = saved.json.id;
      const renamed = { ...SHORT_SCENARIO, name: 'Renamed in place', seed: 12 };
      const put = await request<{ id: string; name: string; created_at: string; document: { seed: number } }>(
        base,
        'PUT',
        `/api/v1/scenarios/${id}`,
        { body: renamed },
      );
      expect(put.status, put.text).toBe(200);
      expect([put.json.id, put.json.name, put.json.document.seed]).toEqual([id, 'Renamed in place', 12]);
      expect(put.json.created_at).toBe(saved.json.created_at);
      const list = await request<{ scenarios: { id: string; name: string }[] }>(
        base,
        'GET',
        '/api/v1/scenarios?limit=500',
      );
      expect(list.json.scenarios.filter((s) => s.id === id).map((s) => s.name)).toEqual(['Renamed in place']);
      const badPut = await request<{ error: { path: string } }>(base, 'PUT', `/api/v1/scenarios/${id}`, {
        body: { ...SHORT_SCENARIO, duration_days: 0 },
      });
      expect(badPut.status).toBe(400);
      expect(badPut.json.error.path).toBe('duration_days');
      expect((await request(base, 'PUT', '/api/v1/scenarios/no-such', { body: renamed })).status).toBe(404);

      expect((await request(base, 'DELETE', `/api/v1/scenarios/${id}`)).status).toBe(204);
      expect((await request(base, 'GET', `/api/v1/scenarios/${id}`)).status).toBe(404);
      expect((await request(base, 'DELETE', `/api/v1/scenarios/${id}`)).status).toBe(404);

      const runId = await submit(base, SHORT_SCENARIO);
      expect((await pollRun(base, runId)).pop()?.status).toBe('done');
      expect((await request(base, 'DELETE', `/api/v1/runs/${runId}`)).status).toBe(204);
      expect((await request(base, 'GET', `/api/v1/runs/${runId}`)).status).toBe(404);
      expect((await request(base, 'GET', `/api/v1/runs/${runId}/result`)).status).toBe(404);

      const patient = await request<{ id: string }>(base, 'POST', '/api/v1/patients', {
        body: { name: 'To delete', patient: SHORT_SCENARIO.patient, labs: [] },
      });
      expect((await request(base, 'DELETE', `/api/v1/patients/${patient.json.id}`)).status).toBe(204);
      expect((await request(base, 'GET', `/api/v1/patients/${patient.json.id}`)).status).toBe(404);
    }, 120_000);

    it('stores patients with imported labs and lists them', async () => {
      const labs = [
        { drawn_at: '2026-03-02', analyte: 'igf1_ng_ml', value: 118, unit: 'ng/mL' },
        { drawn_at: '2026-03-02T08:05:00+01:00', analyte: 'glucose_fasting_mg_dl', value: 97, unit: 'mg/dL' },
      ];
      const created = await request<{ id: string; labs: unknown[]; covariates: { conditions: unknown[] } }>(
        base,
        'POST',
        '/api/v1/patients',
        { body: { name: 'Patient A', patient: SHORT_SCENARIO.patient, labs } },
      );
      expect(created.status, created.text).toBe(201);
      expect(created.json.covariates.conditions).toEqual([]); // defaults of the patient block filled in
      const got = await request<{ labs: unknown[] }>(base, 'GET', `/api/v1/patients/${created.json.id}`);
      expect(got.json.labs).toEqual(labs);
      const list = await request<{ patients: { id: string }[] }>(base, 'GET', '/api/v1/patients?limit=500');
      expect(list.json.patients.some((p) => p.id === created.json.id)).toBe(true);

      const badLab = await request<{ error: { path: string } }>(base, 'POST', '/api/v1/patients', {
        body: { name: 'B', patient: SHORT_SCENARIO.patient, labs: [{ ...labs[0], drawn_at: 'yesterday' }] },
      });
      expect(badLab.status).toBe(400);
      expect(badLab.json.error.path).toBe('labs[0].drawn_at');
    });

    it('analysis routes: HOMA1-IR (Matthews 1985) and IGF-1 SDS at the 97.5th percentile', async () => {
      // HOMA1-IR = insulin × glucose (mmol/L) / 22.5 (Matthews 1985): 10 µU/mL × 5.5 mmol/L (99 mg/dL at the
      // conventional 18 mg/dL per mmol/L) / 22.5 = 2.444.
      const homa = await request<{ homa1_ir: number; homa1_b_pct: number }>(
        base,
        'POST',
        '/api/v1/analysis/homa',
        {
          body: { glucose_mg_dl: 99, insulin_uU_ml: 10 },
        },
      );
      expect(homa.status).toBe(200);
      expect(homa.json.homa1_ir).toBeCloseTo((10 * 5.5) / 22.5, 3);
      expect(homa.json.homa1_b_pct).toBeCloseTo(100, 1); // 20 × 10 / (5.5 − 3.5)
      // The table's upper bound at 50 years for men is 221 ng/mL, the 97.5th percentile: SDS 1.96.
      const sds = await request<{ sds: number; percentile: number }>(
        base,
        'POST',
        '/api/v1/analysis/igf1-sds',
        {
          body: { age_years: 50, sex: 'male', igf1_ng_ml: 221 },
        },
      );
      expect(sds.status).toBe(200);
      expect(sds.json.sds).toBeCloseTo(1.96, 6);
      expect(sds.json.percentile).toBeCloseTo(97.5, 2);
      const bad = await request<{ error: { path: string } }>(base, 'POST', '/api/v1/analysis/homa', {
        body: { glucose_mg_dl: -1, insulin_uU_ml: 10 },
      });
      expect(bad.status).toBe(400);
      expect(bad.json.error.path).toBe('glucose_mg_dl');
    });

    it('serves the OpenAPI document at /docs/json and the UI at /docs', async () => {
      const doc = await request<{ openapi: string; paths: Record<string, unknown> }>(
        base,
        'GET',
        '/docs/json',
      );
      expect(doc.status).toBe(200);
      expect(doc.json.openapi).toMatch(/^3\./);
      for (const path of [
        '/health',
        '/api/v1/runs',
        '/api/v1/runs/{id}/result',
        '/api/v1/scenarios/validate',
      ]) {
        expect(Object.keys(doc.json.paths)).toContain(path);
      }
      const ui = await request(base, 'GET', '/docs/');
      expect(ui.status).toBe(200);
      expect(ui.headers.get('content-type')).toMatch(/^text\/html/);
    });

    it('limits queued + running runs per client (429) and frees the slot on cancel', async () => {
      const limited = await startTestServer({ store, maxConcurrentRunsPerClient: 1 });
      try {
        const first = await submit(limited.baseUrl, SHORT_SCENARIO);
        const second = await request<{ error: { code: string } }>(limited.baseUrl, 'POST', '/api/v1/runs', {
          body: SHORT_SCENARIO,
        });
        expect(second.status).toBe(429);
        expect(second.json.error.code).toBe('TOO_MANY_RUNS');
        const cancelled = await request<RunView>(limited.baseUrl, 'POST', `/api/v1/runs/${first}/cancel`);
        expect(cancelled.status).toBe(200);
        expect(cancelled.json.status).toBe('interrupted');
        const again = await request<{ error: { code: string } }>(
          limited.baseUrl,
          'POST',
          `/api/v1/runs/${first}/cancel`,
        );
        expect(again.status).toBe(409);
        const third = await submit(limited.baseUrl, SHORT_SCENARIO);
        await request(limited.baseUrl, 'POST', `/api/v1/runs/${third}/cancel`);
      } finally {
        await limited.close();
      }
    });

    it('requires the bearer token on data routes when one is configured (401), not on /health', async () => {
      const token = 'test-token-0123456789abcdef';
      const guarded = await startTestServer({ store, token });
      try {
        const none = await request<{ error: { code: string } }>(guarded.baseUrl, 'GET', '/api/v1/runs');
        expect(none.status).toBe(401);
        expect(none.json.error.code).toBe('UNAUTHORIZED');
        expect(none.headers.get('www-authenticate')).toBe('Bearer');
        const wrong = await request(guarded.baseUrl, 'POST', '/api/v1/runs', {
          body: SHORT_SCENARIO,
          headers: { authorization: 'Bearer not-the-token-at-all' },
        });
        expect(wrong.status).toBe(401);
        const right = await request(guarded.baseUrl, 'GET', '/api/v1/runs', {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(right.status).toBe(200);
        expect((await request(guarded.baseUrl, 'GET', '/health')).status).toBe(200);
      } finally {
        await guarded.close();
      }
    });

    it('refuses to bind off loopback without a token; accepts a token from the api_tokens table', async () => {
      const own = await openStore(await backend.newLocation());
      try {
        await expect(buildServer({ store: own, host: '0.0.0.0' })).rejects.toThrow(/ENDOTWIN_TOKEN/);
        const { token } = await own.tokens.create('test client');
        const app = await buildServer({ store: own, host: '0.0.0.0' });
        try {
          const denied = await app.inject({ method: 'GET', url: '/api/v1/runs' });
          expect(denied.statusCode).toBe(401);
          const allowed = await app.inject({
            method: 'GET',
            url: '/api/v1/runs',
            headers: { authorization: `Bearer ${token}` },
          });
          expect(allowed.statusCode).toBe(200);
        } finally {
          await app.close();
        }
      } finally {
        await own.close();
      }
    });

    it('closing the server marks its queued and running runs interrupted', async () => {
      const own = await startTestServer({ store });
      const running = await submit(own.baseUrl, SHORT_SCENARIO);
      const queued = await submit(own.baseUrl, SHORT_SCENARIO);
      await own.close();
      for (const id of [running, queued]) {
        const run = await store.runs.get(id);
        expect(run?.status).toBe('interrupted');
        expect(run?.error).toBe(INTERRUPTED_BY_SHUTDOWN);
      }
    });

    it('after a restart, unfinished runs are interrupted, finished results intact, and resubmit completes', async () => {
      const location = await backend.newLocation();
      // A first server finishes one run.
      let first = await openStore(location);
      const app = await startTestServer({ store: first });
      const doneId = await submit(app.baseUrl, SHORT_SCENARIO);
      expect((await pollRun(app.baseUrl, doneId)).pop()?.status).toBe('done');
      const before = (await request<Result>(app.baseUrl, 'GET', `/api/v1/runs/${doneId}/result`)).text;
      await app.close();
      await first.close();

      // A process dies with a run in progress: the row says running when the store is closed.
      first = await openStore(location);
      const crashed = await first.runs.create(parseScenario(SHORT_SCENARIO), 'ip:127.0.0.1');
      expect(await first.runs.markRunning(crashed.id)).toBe(true);
      await first.runs.setProgress(crashed.id, 0.4);
      await first.close();

      const reopened = await openStore(location);
      const restarted = await startTestServer({ store: reopened });
      try {
        expect(reopened.interruptedAtOpen).toBe(1);
        const view = await request<RunView>(restarted.baseUrl, 'GET', `/api/v1/runs/${crashed.id}`);
        expect(view.json.status).toBe('interrupted');
        expect(view.json.error).toBe(INTERRUPTED_BY_RESTART);
        const after = await request(restarted.baseUrl, 'GET', `/api/v1/runs/${doneId}/result`);
        expect(after.text).toBe(before);

        const notAgain = await request(restarted.baseUrl, 'POST', `/api/v1/runs/${doneId}/resubmit`);
        expect(notAgain.status).toBe(409);
        const resubmitted = await request<{ id: string }>(
          restarted.baseUrl,
          'POST',
          `/api/v1/runs/${crashed.id}/resubmit`,
        );
        expect(resubmitted.status).toBe(202);
        expect(resubmitted.json.id).toBe(crashed.id);
        const final = (await pollRun(restarted.baseUrl, crashed.id)).pop();
        expect(final?.status).toBe('done');
        expect(final?.attempts).toBe(2);
        const result = await request<Result>(restarted.baseUrl, 'GET', `/api/v1/runs/${crashed.id}/result`);
        // Same scenario and seed as the run finished before the restart: the same result.
        expect(result.text).toBe(before);
      } finally {
        await restarted.close();
        await reopened.close();
      }
    });
  });
}

apiSuite(sqliteBackend());

const postgresBin = findPostgresBin();
if (postgresBin !== undefined) {
  apiSuite(postgresBackend(postgresBin));
} else if (process.env.CI === 'true') {
  describe('HTTP API on PostgreSQL', () => {
    it('needs the PostgreSQL server binaries under CI', () => {
      throw new Error(POSTGRES_MISSING);
    });
  });
} else {
  console.warn(`skipping the PostgreSQL half of the API suite: ${POSTGRES_MISSING}`);
  describe.skip(`HTTP API on PostgreSQL (skipped: ${POSTGRES_MISSING})`, () => {
    it('runs the API suite against PostgreSQL', () => undefined);
  });
}

/** GET with the path sent exactly as written (no URL normalisation). */
function rawGet(baseUrl: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    get({ hostname, port, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('static web app', () => {
  let store: Store;
  let server: TestServer;
  let root = '';

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'endotwin-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>endotwin</title>');
    writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log(1);');
    writeFileSync(join(root, 'assets', 'app-1234.css'), 'body{}');
    store = await openStore(':memory:');
    server = await startTestServer({ store, webRoot: root });
  });

  afterAll(async () => {
    await server.close();
    await store.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves files with their content types and index.html for client-side routes', async () => {
    const index = await request(server.baseUrl, 'GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.text).toContain('<title>endotwin</title>');
    const js = await request(server.baseUrl, 'GET', '/assets/app-1234.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    const css = await request(server.baseUrl, 'GET', '/assets/app-1234.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const route = await request(server.baseUrl, 'GET', '/runs/123');
    expect(route.status).toBe(200);
    expect(route.text).toContain('<title>endotwin</title>');
  });

  it('never leaves the folder and keeps JSON 404s for the API', async () => {
    // Raw paths: fetch would normalise the dots away before sending.
    for (const path of [
      '/../../etc/passwd',
      '/assets/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/hosts',
    ]) {
      const res = await rawGet(server.baseUrl, path);
      expect(res.status, path).toBe(404);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    const missing = await request<{ error: { code: string } }>(server.baseUrl, 'GET', '/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('NOT_FOUND');
    const api = await request<{ error: { code: string } }>(server.baseUrl, 'GET', '/api/v1/nothing-here');
    expect(api.status).toBe(404);
    expect(api.json.error.code).toBe('NOT_FOUND');
    const health = await request(server.baseUrl, 'GET', '/health');
    expect(health.status).toBe(200);
  });
});

describe('pulse detection route', () => {
  let store: Store;
  let server: TestServer;

  beforeAll(async () => {
    store = await openStore(':memory:');
    server = await startTestServer({ store });
  });

  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it('finds the bursts of a synthetic 24-h GH series (10-min sampling) within one sampling interval', async () => {
    const synthetic = syntheticGhSeries(GH_SYNTHETIC_DEFAULTS, seededRandom(3));
    const res = await request<{
      pulses: { t_min: number; mass: number }[];
      half_life_min: number;
      fitted: number[];
    }>(server.baseUrl, 'POST', '/api/v1/analysis/pulses', {
      body: { t_min: synthetic.series.t_min, value: synthetic.series.value },
    });
    expect(res.status, res.text).toBe(200);
    const truth = synthetic.pulses.filter((p) => p.tMin >= 0 && p.tMin <= GH_SYNTHETIC_DEFAULTS.durationMin);
    expect(res.json.pulses).toHaveLength(truth.length);
    for (const pulse of res.json.pulses) {
      const nearest = Math.min(...truth.map((p) => Math.abs(p.tMin - pulse.t_min)));
      expect(nearest).toBeLessThanOrEqual(GH_SYNTHETIC_DEFAULTS.samplingIntervalMin);
      expect(pulse.mass).toBeGreaterThan(0);
    }
    expect(res.json.fitted).toHaveLength(synthetic.series.t_min.length);
  });

  it('names the bad sample of a series (400 with its path)', async () => {
    const t_min = Array.from({ length: 12 }, (_, i) => i * 10);
    t_min[5] = t_min[4]; // not strictly increasing
    const res = await request<{ error: { path: string; message: string } }>(
      server.baseUrl,
      'POST',
      '/api/v1/analysis/pulses',
      { body: { t_min, value: t_min.map(() => 1) } },
    );
    expect(res.status).toBe(400);
    expect(res.json.error.path).toBe('t_min[5]');
    const negative = await request<{ error: { path: string } }>(
      server.baseUrl,
      'POST',
      '/api/v1/analysis/pulses',
      {
        body: {
          t_min: Array.from({ length: 12 }, (_, i) => i * 10),
          value: [1, 1, 1, -2, 1, 1, 1, 1, 1, 1, 1, 1],
        },
      },
    );
    expect(negative.status).toBe(400);
    expect(negative.json.error.path).toBe('value[3]');
  });
});

describe('serve: example scenarios', () => {
  it('preloads every example into an empty store, and nothing into a store that has scenarios', async () => {
    const store = await openStore(':memory:');
    try {
      const first = await preloadExamples(store, join(packageRoot(), 'examples'));
      expect(first.skipped).toEqual([]);
      expect(first.saved.length).toBeGreaterThan(0);
      expect(await store.scenarios.count()).toBe(first.saved.length);
      const listed = await store.scenarios.list({ limit: 500, offset: 0 });
      // Each example's leading comment is its description.
      expect(listed.every((s) => (s.description ?? '').length > 20)).toBe(true);
      const second = await preloadExamples(store, join(packageRoot(), 'examples'));
      expect(second.saved).toEqual([]);
      expect(await store.scenarios.count()).toBe(first.saved.length);
    } finally {
      await store.close();
    }
  });
});

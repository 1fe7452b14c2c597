// SPDX-License-Identifier: MIT
/**
 * The API under database faults, on a real PostgreSQL server started here: an outage answers 503 with
 * Retry-After and `/health` says so; the API recovers when the database is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../src/protocol/index.js';
import { RunQueue } from '../src/server/jobs/run-queue.js';
import { openStore } from '../src/store/index.js';
import type { Store } from '../src/store/index.js';
import { request, startTestServer } from './support/api-harness.js';
import type { TestServer } from './support/api-harness.js';
import { POSTGRES_MISSING, findPostgresBin, startPostgres } from './support/postgres.js';
import type { PostgresServer } from './support/postgres.js';

const bin = findPostgresBin();

if (bin === undefined) {
  describe('operations on PostgreSQL', () => {
    it('needs the PostgreSQL server binaries under CI', () => {
      if (process.env.CI === 'true') throw new Error(POSTGRES_MISSING);
    });
  });
  describe.skip(`operations on PostgreSQL (skipped: ${POSTGRES_MISSING})`, () => {
    it('runs against PostgreSQL', () => undefined);
  });
} else {
  describe('operations on PostgreSQL', () => {
    let postgres: PostgresServer;
    let n = 0;
    const newDatabase = (): Promise<string> => postgres.createDatabase(`ops_${++n}`);

    beforeAll(async () => {
      postgres = await startPostgres(bin);
    }, 120_000);
    afterAll(async () => {
      await postgres.stop();
    }, 60_000);

    describe('a database outage', () => {
      let store: Store;
      let server: TestServer;
      beforeAll(async () => {
        store = await openStore(await newDatabase());
        server = await startTestServer({ store });
      }, 60_000);
      afterAll(async () => {
        await server.close();
        await store.close();
      });

      it('answers 503 with Retry-After, /health reports it, and the API recovers', async () => {
        expect((await request(server.baseUrl, 'GET', '/health')).json).toMatchObject({ database: 'ok' });
        await postgres.pause();
        try {
          const runs = await request<{ error: { code: string } }>(server.baseUrl, 'GET', '/api/v1/runs');
          expect(runs.status, runs.text).toBe(503);
          expect(runs.json.error.code).toBe('DATABASE_UNAVAILABLE');
          expect(Number(runs.headers.get('retry-after'))).toBeGreaterThan(0);
          const health = await request(server.baseUrl, 'GET', '/health');
          expect(health.status).toBe(503);
          expect(health.json).toMatchObject({ status: 'degraded', database: 'unavailable' });
          expect(Number(health.headers.get('retry-after'))).toBeGreaterThan(0);
        } finally {
          await postgres.resume();
        }
        expect((await request(server.baseUrl, 'GET', '/api/v1/runs')).status).toBe(200);
        expect((await request(server.baseUrl, 'GET', '/health')).json).toMatchObject({ database: 'ok' });
      }, 60_000);
    });

    it('a run that finishes while PostgreSQL is down ends done once it is back', async () => {
      const store = await openStore(await newDatabase());
      const retries: number[] = [];
      const queue = new RunQueue(store, {
        maxConcurrentRunsPerClient: 1,
        workers: 1,
        finalWriteRetryMs: 200,
        onFinalWriteRetry: (_id, attempt) => retries.push(attempt),
      });
      const until = async (check: () => Promise<boolean> | boolean): Promise<void> => {
        while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
      };
      try {
        const scenario = parseScenario({
          duration_days: 3,
          patient: { age_years: 50, sex: 'female', weight_kg: 65, height_cm: 165 },
        });
        const run = await queue.admit('a', () => store.runs.create(scenario, 'a'));
        await until(async () => (await store.runs.get(run.id))?.status === 'running');
        await postgres.pause();
        try {
          // The simulation goes on in its worker; its final write meets the outage and is retried.
          await until(() => retries.length >= 2);
        } finally {
          await postgres.resume();
        }
        await until(async () => (await store.runs.get(run.id).catch(() => undefined))?.status === 'done');
        expect(await store.results.get(run.id)).toBeDefined();
      } finally {
        await queue.close();
        await store.close();
      }
    }, 120_000);
  });
}

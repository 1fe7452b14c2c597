// SPDX-License-Identifier: MIT
/**
 * Several API servers on one PostgreSQL database (a throw-away server started here from the installed binaries):
 * each server has an identity and a heartbeat; a second server leaves the first one's jobs alone; a server frozen
 * and then killed mid-job has its running and queued runs and its trial finished by the other, each exactly once;
 * and two servers sweeping at once never take the same job. Waits are for observable states (test/support/wait.ts);
 * freezing the first server (SIGSTOP) makes "mid-job" independent of the machine's speed.
 */
import { expect, it } from 'vitest';
import { parseScenario } from '../src/protocol/index.js';
import { openStore } from '../src/store/index.js';
import type { Store } from '../src/store/index.js';
import { pollRun, request } from './support/api-harness.js';
import { describeWithPostgres } from './support/postgres.js';
import { startServerProcess } from './support/server-process.js';
import type { ServerProcess } from './support/server-process.js';
import { waitUntil } from './support/wait.js';

/** A run of a few seconds: the first server is frozen while it runs, so its length only has to exceed a poll. */
const LONG_RUN = {
  name: 'several servers: a long run',
  seed: 5,
  duration_days: 60,
  patient: { age_years: 45, sex: 'male', weight_kg: 82, height_cm: 178 },
  regimen: [{ drug: 'sermorelin', dose: { amount: 300, unit: 'mcg' }, route: 'sc', at: 'bedtime' }],
  output: { sample_every_min: 60, series: ['gh_ug_l', 'igf1_ng_ml'], window_days: [50, 60] },
};

const TRIAL = {
  name: 'several servers: a trial',
  seed: 4,
  duration_days: 28,
  population: { n: 12, age_years: { min: 60, max: 70 } },
  arms: [
    { name: 'placebo', regimen: [] },
    {
      name: 'sermorelin',
      regimen: [{ drug: 'sermorelin', dose: { amount: 500, unit: 'mcg' }, route: 'sc', at: 'bedtime' }],
    },
  ],
  endpoints: ['igf1_change_pct'],
};

/**
 * Heartbeats every 250 ms, gone after 20 s of silence: 80 missed beats, far beyond a busy machine's stalls, and
 * time enough for a second server to start while the first is frozen.
 */
const TIMING = { heartbeatMs: 250, serverLeaseMs: 20_000 };

async function submit(server: ServerProcess, path: string, body: unknown): Promise<string> {
  const res = await request<{ id: string }>(server.baseUrl, 'POST', path, { body });
  if (res.status !== 202) throw new Error(`POST ${path} answered ${res.status}: ${res.text}`);
  return res.json.id;
}

describeWithPostgres('several servers on one PostgreSQL database', (pg) => {
  it('two servers sweeping at once take each orphaned run exactly once', async () => {
    const url = await pg().createDatabase('sweep');
    const [a, b] = await Promise.all([openStore(url), openStore(url)]);
    try {
      const scenario = parseScenario({ ...LONG_RUN, duration_days: 1, output: undefined });
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) {
        const run = await a.runs.create(scenario, 'client', 'vanished-server');
        if (i % 2 === 1) expect(await a.runs.markRunning(run.id, 'vanished-server')).toBe(true);
        ids.push(run.id);
      }
      await a.servers.register('server-a', 'test a');
      await b.servers.register('server-b', 'test b');
      const [byA, byB] = await Promise.all([
        a.runs.adoptOrphans('server-a', 3),
        b.runs.adoptOrphans('server-b', 3),
      ]);
      const taken = [...byA.adopted, ...byB.adopted];
      expect(new Set(taken).size).toBe(taken.length);
      expect(taken.sort()).toEqual([...ids].sort());
      for (const [i, id] of ids.entries()) {
        const run = await a.runs.get(id);
        expect(run?.status).toBe('queued');
        expect(run?.server_id).toBe(byA.adopted.includes(id) ? 'server-a' : 'server-b');
        // A run that was running starts again (one more attempt); a queued one had not started.
        expect(run?.attempts).toBe(i % 2 === 1 ? 2 : 1);
      }
      expect(await a.runs.adoptOrphans('server-a', 3)).toEqual({ adopted: [], failed: [] });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 120_000);

  it('a second server leaves the first one’s jobs alone; when the first is killed mid-job, the second finishes them, each once', async () => {
    const url = await pg().createDatabase('two_servers');
    const store: Store = await openStore(url);
    const servers: ServerProcess[] = [];
    try {
      const first = await startServerProcess({ db: url, ...TIMING });
      servers.push(first);
      const running = await submit(first, '/api/v1/runs', LONG_RUN);
      // One worker thread: the same scenario waits in the queue behind it.
      const queued = await submit(first, '/api/v1/runs', LONG_RUN);
      const trial = await submit(first, '/api/v1/trials', TRIAL);
      await waitUntil(
        async () =>
          (await store.runs.get(running))?.status === 'running' &&
          (await store.trials.get(trial))?.status === 'running',
        'the first server to start its run and its trial',
      );
      // Frozen mid-job (SIGSTOP): from here on the first server neither writes nor heartbeats.
      first.freeze();
      const frozenAt = Date.now();
      const [firstId] = (await store.servers.list()).map((s) => s.id);

      const second = await startServerProcess({ db: url, ...TIMING });
      servers.push(second);
      const startedWithin = Date.now() - frozenAt;
      expect(startedWithin, 'the second server must start within the lease for this check').toBeLessThan(
        TIMING.serverLeaseMs,
      );
      // The second server started while the first had active jobs and had been silent for less than a lease:
      // it left them to it (before identities, it marked them interrupted).
      const atStart = await Promise.all([
        store.runs.get(running),
        store.runs.get(queued),
        store.trials.get(trial),
      ]);
      expect(atStart.map((job) => [job?.status, job?.server_id, job?.attempts])).toEqual([
        ['running', firstId, 1],
        ['queued', firstId, 1],
        ['running', firstId, 1],
      ]);
      expect(await store.servers.list()).toHaveLength(2);

      await first.kill();
      const finalRunning = (await pollRun(second.baseUrl, running)).pop();
      const finalQueued = (await pollRun(second.baseUrl, queued)).pop();
      await waitUntil(
        async () => (await store.trials.get(trial))?.status === 'done',
        'the trial of the killed server to be finished by the other',
      );
      const remaining = (await store.servers.list()).map((s) => s.id);
      expect(remaining).toHaveLength(1);
      expect(remaining[0]).not.toBe(firstId);
      // Each job was taken over once: the running ones started again as attempt 2, the queued run ran for the
      // first time.
      expect(finalRunning).toMatchObject({ status: 'done', attempts: 2 });
      expect(finalQueued).toMatchObject({ status: 'done', attempts: 1 });
      expect(await store.trials.get(trial)).toMatchObject({
        status: 'done',
        attempts: 2,
        server_id: remaining[0],
      });
      expect(await store.trials.result(trial)).toMatchObject({
        arms: [expect.any(Object), expect.any(Object)],
      });
      // The run started again and the run that waited in the queue give the same document (same scenario).
      const results = await Promise.all(
        [running, queued].map((id) => request(second.baseUrl, 'GET', `/api/v1/runs/${id}/result`)),
      );
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      expect(results[0].text).toBe(results[1].text);

      await second.stop();
      expect(await store.servers.list()).toEqual([]);
      expect(await store.runs.list({ limit: 10, offset: 0, status: 'running' })).toEqual([]);
    } finally {
      await Promise.all(servers.map((s) => s.kill()));
      await store.close();
    }
  }, 600_000);
});

// SPDX-License-Identifier: MIT
// The job state machine shared by runs and trials: only an active job (queued, running) changes, so a late message
// cannot move a finished job backwards; the jobs of servers that are gone are taken over once; resubmitting
// restarts a run and resumes a trial.
import { describe, expect, it } from 'vitest';
import {
  ACTIVE_STATUSES,
  RESUBMITTABLE_STATUSES,
  adoptOrphans,
  lostTooOften,
  ownedActiveJobs,
  stopJob,
} from './job-status.js';
import { parseScenario } from '../protocol/parse-scenario.js';
import { openStore } from './index.js';

describe('job status changes', () => {
  it('active and resubmittable statuses do not overlap', () => {
    expect(ACTIVE_STATUSES.filter((s) => RESUBMITTABLE_STATUSES.includes(s))).toEqual([]);
  });

  it('stops a queued or running job once, with its message and finish time; never a stopped or finished one', async () => {
    const store = await openStore(':memory:');
    try {
      const queued = await store.trials.create('queued', {}, 'client');
      const running = await store.trials.create('running', {}, 'client');
      const done = await store.trials.create('done', {}, 'client');
      await store.trials.markRunning(running.id);
      await store.trials.markRunning(done.id);
      await store.trials.complete(done.id, { arms: [] });

      expect(await stopJob(store.db, 'trials', queued.id, 'failed', 'bad input')).toBe(true);
      expect(await stopJob(store.db, 'trials', running.id, 'interrupted', 'shutdown')).toBe(true);
      expect(await stopJob(store.db, 'trials', queued.id, 'interrupted', 'late')).toBe(false);
      expect(await stopJob(store.db, 'trials', done.id, 'failed', 'late')).toBe(false);
      expect(await stopJob(store.db, 'trials', 'no-such-id', 'failed', 'x')).toBe(false);

      const after = await Promise.all([queued, running, done].map((t) => store.trials.get(t.id)));
      expect(after.map((t) => [t?.status, t?.error ?? null])).toEqual([
        ['failed', 'bad input'],
        ['interrupted', 'shutdown'],
        ['done', null],
      ]);
      expect(after[0]?.finished_at).toEqual(expect.any(String));
      // A stopped job cannot be marked running again.
      expect(await store.trials.markRunning(queued.id)).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('takes over the active jobs of servers that are gone, once, and leaves a live server’s jobs alone', async () => {
    const store = await openStore(':memory:');
    try {
      await store.servers.register('live', 'live server');
      await store.servers.register('me', 'this server');
      const mine = await store.trials.create('of a live server', {}, 'client', 'live');
      const queued = await store.trials.create('queued, owner gone', {}, 'client', 'gone');
      const running = await store.trials.create('running, owner gone', {}, 'client', 'gone');
      const unowned = await store.trials.create('no owner', {}, 'client');
      const finished = await store.trials.create('done, owner gone', {}, 'client', 'gone');
      await store.trials.markRunning(running.id, 'gone');
      await store.trials.markRunning(finished.id, 'gone');
      await store.trials.complete(finished.id, { arms: [] }, 'gone');

      const first = await adoptOrphans(store.db, 'trials', 'me', 3);
      expect(first.failed).toEqual([]);
      expect(first.adopted.sort()).toEqual([queued.id, running.id, unowned.id].sort());
      const after = await Promise.all(
        [mine, queued, running, unowned, finished].map((t) => store.trials.get(t.id)),
      );
      expect(after.map((t) => [t?.status, t?.server_id, t?.attempts])).toEqual([
        ['queued', 'live', 1],
        ['queued', 'me', 1],
        ['queued', 'me', 2],
        ['queued', 'me', 1],
        ['done', 'gone', 1],
      ]);
      // Now this server's: nothing more to take, and only the owner may start them.
      expect(await adoptOrphans(store.db, 'trials', 'me', 3)).toEqual({ adopted: [], failed: [] });
      expect(await store.trials.markRunning(queued.id, 'gone')).toBe(false);
      expect(await store.trials.markRunning(queued.id, 'me')).toBe(true);
      expect([...(await ownedActiveJobs(store.db, 'trials', 'me', [queued.id, mine.id]))]).toEqual([
        queued.id,
      ]);
    } finally {
      await store.close();
    }
  });

  it('marks failed, not started again, a job whose server vanished during each of its last starts', async () => {
    const store = await openStore(':memory:');
    try {
      const run = await store.trials.create('kills its servers', {}, 'client', 'gone-1');
      for (const [attempt, server] of ['gone-1', 'gone-2', 'gone-3'].entries()) {
        await store.servers.register(server, server);
        expect(await adoptOrphans(store.db, 'trials', server, 3)).toMatchObject({
          adopted: attempt === 0 ? [] : [run.id],
        });
        expect(await store.trials.markRunning(run.id, server)).toBe(true);
        await store.servers.remove(server); // the server dies while running it
      }
      expect(await adoptOrphans(store.db, 'trials', 'me', 3)).toEqual({ adopted: [], failed: [run.id] });
      expect(await store.trials.get(run.id)).toMatchObject({ status: 'failed', error: lostTooOften(3) });
    } finally {
      await store.close();
    }
  });

  it('requeues only a failed or interrupted job: a run starts over at progress 0, a trial keeps its progress', async () => {
    const store = await openStore(':memory:');
    try {
      const scenario = parseScenario({
        duration_days: 1,
        patient: { age_years: 40, sex: 'male', weight_kg: 80, height_cm: 178 },
      });
      const run = await store.runs.create(scenario, 'client');
      const trial = await store.trials.create('t', {}, 'client');
      expect(await store.runs.requeue(run.id)).toBe(false); // still queued
      for (const jobs of [store.runs, store.trials]) {
        const id = jobs === store.runs ? run.id : trial.id;
        await jobs.markRunning(id);
        await jobs.setProgress(id, 0.4);
        await jobs.stop(id, 'interrupted', 'restart');
        expect(await jobs.requeue(id)).toBe(true);
      }
      const [r, t] = [await store.runs.get(run.id), await store.trials.get(trial.id)];
      expect([r?.status, r?.progress, r?.attempts, r?.error]).toEqual(['queued', 0, 2, null]);
      expect([t?.status, t?.progress, t?.attempts, t?.error]).toEqual(['queued', 0.4, 2, null]);
      expect((await store.runs.list({ limit: 5, offset: 0, status: 'queued' })).map((j) => j.id)).toEqual([
        run.id,
      ]);
    } finally {
      await store.close();
    }
  });
});

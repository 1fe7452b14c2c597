// SPDX-License-Identifier: MIT
// The job state machine shared by runs and trials: only an active job (queued, running) changes, so a late message
// cannot move a finished job backwards; resubmitting restarts a run and resumes a trial.
import { describe, expect, it } from 'vitest';
import { ACTIVE_STATUSES, RESUBMITTABLE_STATUSES, interruptActiveJobs, stopJob } from './job-status.js';
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

  it('interrupts every active job of one table and counts them, leaving the other table alone', async () => {
    const store = await openStore(':memory:');
    try {
      const a = await store.trials.create('a', {}, 'client');
      const b = await store.trials.create('b', {}, 'client');
      const c = await store.trials.create('c', {}, 'client');
      await store.trials.markRunning(b.id);
      await stopJob(store.db, 'trials', c.id, 'failed', 'earlier');
      expect(await interruptActiveJobs(store.db, 'runs', 'restart')).toBe(0);
      expect(await interruptActiveJobs(store.db, 'trials', 'restart')).toBe(2);
      expect(await interruptActiveJobs(store.db, 'trials', 'restart')).toBe(0);
      const statuses = await Promise.all([a, b, c].map(async (t) => (await store.trials.get(t.id))?.status));
      expect(statuses).toEqual(['interrupted', 'interrupted', 'failed']);
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

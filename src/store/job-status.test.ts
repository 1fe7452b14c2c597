// SPDX-License-Identifier: MIT
// The job state machine shared by runs and trials: only an active job (queued, running) changes, so a late message
// cannot move a finished job backwards.
import { describe, expect, it } from 'vitest';
import { ACTIVE_STATUSES, RESUBMITTABLE_STATUSES, interruptActiveJobs, stopJob } from './job-status.js';
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
});

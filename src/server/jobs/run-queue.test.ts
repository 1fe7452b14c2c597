// SPDX-License-Identifier: MIT
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../../protocol/index.js';
import { openStore } from '../../store/index.js';
import type { Store } from '../../store/index.js';
import { waitUntil } from '../../../test/support/wait.js';
import { CANCELLED, RunLimitError, RunQueue } from './run-queue.js';

const scenario = parseScenario({
  duration_days: 3,
  patient: { age_years: 50, sex: 'female', weight_kg: 65, height_cm: 165 },
});

describe('RunQueue', () => {
  let store: Store;
  let queue: RunQueue;

  const retries: number[] = [];
  beforeEach(async () => {
    store = await openStore(':memory:');
    retries.length = 0;
    queue = new RunQueue(store, {
      maxConcurrentRunsPerClient: 1,
      workers: 1,
      finalWriteRetryMs: 10,
      onFinalWriteRetry: (_id, attempt) => retries.push(attempt),
    });
  });

  afterEach(async () => {
    await queue.close();
    await store.close();
  });

  it('refuses a client over its limit without storing anything', async () => {
    await queue.admit('a', (owner) => store.runs.create(scenario, 'a', owner));
    await expect(queue.admit('a', (owner) => store.runs.create(scenario, 'a', owner))).rejects.toBeInstanceOf(
      RunLimitError,
    );
    expect(await store.runs.list({ limit: 10, offset: 0 })).toHaveLength(1);
    // Another client has its own slots.
    await queue.admit('b', (owner) => store.runs.create(scenario, 'b', owner));
  });

  it('frees the client slot as soon as a running run is cancelled', async () => {
    const run = await queue.admit('a', (owner) => store.runs.create(scenario, 'a', owner));
    await waitUntil(async () => (await store.runs.get(run.id))?.status === 'running', 'the run to start');
    expect(await queue.cancel(run.id)).toBe(true);
    expect(queue.activeRuns('a')).toBe(0);
    const stored = await store.runs.get(run.id);
    expect(stored?.status).toBe('interrupted');
    expect(stored?.error).toBe(CANCELLED);
    expect(await queue.cancel(run.id)).toBe(false);
  });

  it('gives the slot back when preparing the run fails', async () => {
    await expect(queue.admit('a', () => Promise.reject(new Error('no such run')))).rejects.toThrow(
      'no such run',
    );
    expect(queue.activeRuns('a')).toBe(0);
  });

  it('retries the start of a run while the database is unavailable; the run ends done', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    vi.spyOn(store.runs, 'markRunning').mockRejectedValueOnce(refused);
    const run = await queue.admit('a', (owner) => store.runs.create(scenario, 'a', owner));
    await waitUntil(async () => (await store.runs.get(run.id))?.status === 'done', 'the run to end done');
    expect(retries).toEqual([1]);
  });

  it('writes nothing for a run taken over by another server, and stops its worker', async () => {
    const run = await queue.admit('a', (owner) => store.runs.create(scenario, 'a', owner));
    await waitUntil(async () => (await store.runs.get(run.id))?.status === 'running', 'the run to start');
    await store.db.updateTable('runs').set({ server_id: 'other' }).where('id', '=', run.id).execute();
    const before = await store.runs.get(run.id);
    queue.abandon([run.id]);
    expect(queue.ownedRunIds()).toEqual([]);
    expect(queue.activeRuns('a')).toBe(0);
    await queue.close();
    // Neither the abandoned worker nor the shutdown wrote anything: the run is as the other server left it.
    expect(await store.runs.get(run.id)).toEqual(before);
    expect(before).toMatchObject({ status: 'running', server_id: 'other' });
  });
});

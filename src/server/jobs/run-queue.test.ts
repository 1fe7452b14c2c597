// SPDX-License-Identifier: MIT
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

  beforeEach(async () => {
    store = await openStore(':memory:');
    queue = new RunQueue(store, { maxConcurrentRunsPerClient: 1, workers: 1 });
  });

  afterEach(async () => {
    await queue.close();
    await store.close();
  });

  it('refuses a client over its limit without storing anything', async () => {
    await queue.admit('a', () => store.runs.create(scenario, 'a'));
    await expect(queue.admit('a', () => store.runs.create(scenario, 'a'))).rejects.toBeInstanceOf(
      RunLimitError,
    );
    expect(await store.runs.list({ limit: 10, offset: 0 })).toHaveLength(1);
    // Another client has its own slots.
    await queue.admit('b', () => store.runs.create(scenario, 'b'));
  });

  it('frees the client slot as soon as a running run is cancelled', async () => {
    const run = await queue.admit('a', () => store.runs.create(scenario, 'a'));
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
});

// SPDX-License-Identifier: MIT
/** The trial runner on a SQLite store: a trial whose final write meets an unreachable database still ends done. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseTrial } from '../../cohort/index.js';
import { openStore } from '../../store/index.js';
import type { Store } from '../../store/index.js';
import { waitUntil } from '../../../test/support/wait.js';
import { TrialRunner } from './trial-runner.js';

const trial = parseTrial({
  name: 'small trial',
  seed: 2,
  duration_days: 7,
  population: { n: 2, age_years: { min: 60, max: 70 } },
  arms: [{ name: 'placebo', regimen: [] }],
  endpoints: ['igf1_change_pct'],
});

/** The error pg raises when PostgreSQL is not there. */
function connectionRefused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
}

describe('TrialRunner', () => {
  let store: Store;
  let runner: TrialRunner;
  const retries: number[] = [];
  beforeEach(async () => {
    store = await openStore(':memory:');
    retries.length = 0;
    runner = new TrialRunner(store, {
      workers: 1,
      finalWriteRetryMs: 10,
      onFinalWriteRetry: (_id, attempt) => retries.push(attempt),
    });
  });
  afterEach(async () => {
    await runner.close();
    await store.close();
  });

  it('retries the start and the final write while the database is unavailable; the trial ends done', async () => {
    vi.spyOn(store.trials, 'markRunning').mockRejectedValueOnce(connectionRefused());
    vi.spyOn(store.trials, 'complete')
      .mockRejectedValueOnce(connectionRefused())
      .mockRejectedValueOnce(connectionRefused());
    const record = await runner.admit('client', (owner) =>
      store.trials.create(trial.name, trial, 'client', owner),
    );
    await waitUntil(
      async () => (await store.trials.get(record.id))?.status === 'done',
      'the trial to end done',
    );
    expect(retries).toEqual([1, 1, 2]);
    expect(await store.trials.result(record.id)).toMatchObject({ arms: [expect.any(Object)] });
  });
});

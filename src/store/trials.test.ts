// SPDX-License-Identifier: MIT
/** The trial tables on SQLite: life cycle, idempotent shards, result, and takeover after the store reopens. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './index.js';

const folder = mkdtempSync(join(tmpdir(), 'endotwin-store-trials-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('TrialRepository', () => {
  it('queued → running → done, with the result stored in the same transaction', async () => {
    const store = await openStore(':memory:');
    try {
      const trial = await store.trials.create('t', { schema: 'endotwin/trial/v1' }, 'client');
      expect(trial.status).toBe('queued');
      expect(await store.trials.markRunning(trial.id)).toBe(true);
      expect(await store.trials.markRunning(trial.id)).toBe(false);
      await store.trials.setProgress(trial.id, 0.5);
      expect((await store.trials.get(trial.id))?.progress).toBe(0.5);
      expect(await store.trials.complete(trial.id, { arms: [] })).toBe(true);
      expect(await store.trials.result(trial.id)).toEqual({ arms: [] });
      expect(await store.trials.complete(trial.id, { arms: [1] })).toBe(false);
      expect((await store.trials.list({ limit: 10, offset: 0 })).map((t) => t.status)).toEqual(['done']);
    } finally {
      await store.close();
    }
  });

  it('a shard written twice is stored once (the first write wins)', async () => {
    const store = await openStore(':memory:');
    try {
      const { id } = await store.trials.create('t', {}, 'client');
      await store.trials.saveShard(id, 3, [{ patient: 0 }]);
      await store.trials.saveShard(id, 3, [{ patient: 99 }]);
      await store.trials.saveShard(id, 4, [{ patient: 1 }]);
      expect([...(await store.trials.shards(id)).entries()]).toEqual([
        [3, [{ patient: 0 }]],
        [4, [{ patient: 1 }]],
      ]);
    } finally {
      await store.close();
    }
  });

  it('reopening the store leaves a running trial alone; taken over, it keeps its shards', async () => {
    const path = join(folder, 'trials.db');
    const first = await openStore(path);
    const { id } = await first.trials.create('t', {}, 'client', 'crashed');
    await first.trials.markRunning(id, 'crashed');
    await first.trials.saveShard(id, 0, []);
    await first.close();
    const second = await openStore(path);
    try {
      expect(await second.trials.get(id)).toMatchObject({ status: 'running', server_id: 'crashed' });
      expect(await second.trials.adoptOrphans('restarted', 3)).toEqual({ adopted: [id], failed: [] });
      expect(await second.trials.get(id)).toMatchObject({
        status: 'queued',
        server_id: 'restarted',
        attempts: 2,
      });
      expect((await second.trials.shards(id)).size).toBe(1);
    } finally {
      await second.close();
    }
  });
});

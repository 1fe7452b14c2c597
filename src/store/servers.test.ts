// SPDX-License-Identifier: MIT
/** Server identities and heartbeats (SQLite; PostgreSQL in test/servers.test.ts): register, beat, gone, remove. */
import { describe, expect, it } from 'vitest';
import { waitUntil } from '../../test/support/wait.js';
import { openStore } from './index.js';

describe('ServerRepository', () => {
  it('registers servers, renews heartbeats, and removes only the ones silent for longer than the lease', async () => {
    const store = await openStore(':memory:');
    try {
      await store.servers.register('quiet', 'quiet server');
      await store.servers.register('busy', 'busy server');
      expect((await store.servers.list()).map((s) => s.id).sort()).toEqual(['busy', 'quiet']);
      const silence = async (id: string): Promise<number> =>
        (await store.servers.list()).find((s) => s.id === id)?.silent_ms ?? Number.NaN;
      // Wait (by the database's clock) until the quiet one has been silent for 200 ms, renewing the busy one.
      await waitUntil(async () => {
        expect(await store.servers.heartbeat('busy')).toBe(true);
        return (await silence('quiet')) > 200;
      }, 'a server to be silent for 200 ms');
      expect(await silence('busy')).toBeLessThan(200);
      expect(await store.servers.removeGone(200)).toEqual(['quiet']);
      expect(await store.servers.heartbeat('quiet')).toBe(false);
      // Registering again (a server that was declared gone comes back) is allowed.
      await store.servers.register('quiet', 'quiet server');
      expect(await store.servers.heartbeat('quiet')).toBe(true);
      await store.servers.remove('busy');
      expect((await store.servers.list()).map((s) => s.id)).toEqual(['quiet']);
    } finally {
      await store.close();
    }
  });
});

// SPDX-License-Identifier: MIT
/**
 * A server's presence on a SQLite store, with recording stand-ins for its queues: it takes over what no live
 * server owns, comes back after being declared gone keeping only the jobs nobody took, drops jobs cancelled
 * through another server, and after a failed heartbeat waits a whole lease before judging other servers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../../protocol/index.js';
import { openStore } from '../../store/index.js';
import type { RunRecord, Store, TrialRecord } from '../../store/index.js';
import { ServerPresence } from './server-presence.js';

const scenario = parseScenario({
  duration_days: 1,
  patient: { age_years: 50, sex: 'female', weight_kg: 65, height_cm: 165 },
});

/** Records what the presence hands to a queue. */
class RecordingQueue {
  readonly owned = new Set<string>();
  readonly adopted: string[] = [];
  readonly abandoned: string[] = [];
  constructor(readonly serverId: string) {}
  adopt(record: RunRecord | TrialRecord): void {
    this.owned.add(record.id);
    this.adopted.push(record.id);
  }
  abandon(ids: Iterable<string>): void {
    for (const id of ids) {
      this.owned.delete(id);
      this.abandoned.push(id);
    }
  }
  ownedRunIds(): string[] {
    return [...this.owned];
  }
  ownedIds(): string[] {
    return [...this.owned];
  }
}

describe('ServerPresence', () => {
  let store: Store;
  let runs: RecordingQueue;
  let presence: ServerPresence;
  beforeEach(async () => {
    store = await openStore(':memory:');
    runs = new RecordingQueue('me');
    presence = new ServerPresence(store, runs, new RecordingQueue('me'), {
      heartbeatMs: 60_000,
      leaseMs: 120_000,
    });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await presence.stop();
    await store.close();
  });

  it('registers at start and takes over the active runs no live server owns', async () => {
    await store.servers.register('alive', 'another server');
    const ofLive = await store.runs.create(scenario, 'c', 'alive');
    const ofNone = await store.runs.create(scenario, 'c');
    const ofGone = await store.runs.create(scenario, 'c', 'gone');
    await presence.start();
    expect((await store.servers.list()).map((s) => s.id).sort()).toEqual(['alive', 'me']);
    expect(runs.adopted.sort()).toEqual([ofNone.id, ofGone.id].sort());
    expect((await store.runs.get(ofLive.id))?.server_id).toBe('alive');
    await presence.stop();
    await presence.leave();
    expect((await store.servers.list()).map((s) => s.id)).toEqual(['alive']);
  });

  it('declared gone, it registers again and drops only the runs taken over or cancelled meanwhile', async () => {
    await presence.start();
    await presence.stop();
    const taken = await store.runs.create(scenario, 'c', 'me');
    const cancelled = await store.runs.create(scenario, 'c', 'me');
    const kept = await store.runs.create(scenario, 'c', 'me');
    for (const run of [taken, cancelled, kept]) runs.owned.add(run.id);
    // Another server found this one silent, removed it and took over one run; a client cancelled another.
    await store.servers.remove('me');
    await store.servers.register('other', 'other server');
    await store.db.updateTable('runs').set({ server_id: 'other' }).where('id', '=', taken.id).execute();
    expect(await store.runs.stop(cancelled.id, 'interrupted', 'cancelled')).toBe(true);

    await presence.tick();
    expect((await store.servers.list()).map((s) => s.id).sort()).toEqual(['me', 'other']);
    expect(runs.abandoned.sort()).toEqual([taken.id, cancelled.id].sort());
    expect(runs.ownedRunIds()).toEqual([kept.id]);
  });

  it('after a failed heartbeat, judges other servers only once a whole lease has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await presence.start();
    await presence.stop();
    const orphan = await store.runs.create(scenario, 'c', 'silent-server');
    const heartbeat = vi.spyOn(store.servers, 'heartbeat').mockRejectedValueOnce(new Error('database down'));
    await presence.tick(); // fails: the database was unreachable
    expect(heartbeat).toHaveBeenCalledTimes(1);
    await presence.tick(); // succeeds, but other servers may not have written theirs since the outage
    expect(runs.adopted).toEqual([]);
    vi.setSystemTime(Date.now() + 120_000);
    await presence.tick();
    expect(runs.adopted).toEqual([orphan.id]);
  });
});

// SPDX-License-Identifier: MIT
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Store } from '../../store/index.js';
import { ProgressWriter } from './progress-writer.js';

/** A store whose only used method records (time, value) of each progress write. */
function recordingStore(writes: [number, number][]): Store {
  const runs = {
    setProgress: (_id: string, value: number) => {
      writes.push([Date.now(), value]);
      return Promise.resolve();
    },
  };
  return { runs } as unknown as Store;
}

describe('ProgressWriter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it('writes at most once per interval and always catches up with the latest value', async () => {
    const writes: [number, number][] = [];
    const writer = new ProgressWriter(recordingStore(writes), 'run', 'server', 500, (e) => {
      throw e;
    });
    // 100 reports over 2 s, one every 20 ms.
    for (let i = 1; i <= 100; i++) {
      writer.report(i / 100);
      await vi.advanceTimersByTimeAsync(20);
    }
    await vi.advanceTimersByTimeAsync(500);
    const times = writes.map(([t]) => t);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(500);
    expect(writes.length).toBeLessThanOrEqual(1 + Math.ceil(2000 / 500));
    expect(writes[writes.length - 1][1]).toBe(1);
    await writer.stop();
  });

  it('drops a pending value once stopped', async () => {
    const writes: [number, number][] = [];
    const writer = new ProgressWriter(recordingStore(writes), 'run', 'server', 500, (e) => {
      throw e;
    });
    writer.report(0.1); // written at once
    writer.report(0.2); // pending until 500 ms
    await writer.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(writes.map(([, v]) => v)).toEqual([0.1]);
  });
});

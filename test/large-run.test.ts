// SPDX-License-Identifier: MIT
/**
 * A small request cannot cost gigabytes, checked on a server in a child process: a run over the samples × series
 * cap is refused with a 400 naming the fields and the cap; the largest run the cap allows is produced and streamed
 * while `/health` keeps answering, and streaming it does not grow the server's heap by more than a fraction of the
 * document (measured in the child with process.memoryUsage). Nothing here depends on how fast the machine is; the
 * timing goals are in `npm run bench -- --server`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_SAMPLE_VALUES } from '../src/server/routes/context.js';
import { maximalRun, streamResult, watchHealth } from './support/large-run.js';
import { request } from './support/api-harness.js';
import { startServerProcess } from './support/server-process.js';
import type { ServerProcess } from './support/server-process.js';
import { waitUntil } from './support/wait.js';

const MIB = 1024 * 1024;

describe('the largest allowed run on a server in its own process', () => {
  const folder = mkdtempSync(join(tmpdir(), 'endotwin-large-run-'));
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ db: join(folder, 'large.db') });
  }, 120_000);
  afterAll(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('refuses one sample more than the cap with a 400 naming the fields and the cap', async () => {
    const { scenario, values } = maximalRun(DEFAULT_MAX_SAMPLE_VALUES, 1);
    expect(values).toBeGreaterThan(DEFAULT_MAX_SAMPLE_VALUES);
    const res = await request<{ error: { code: string; message: string; path: string } }>(
      server.baseUrl,
      'POST',
      '/api/v1/runs',
      { body: scenario },
    );
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'INVALID_SCENARIO', path: 'output' });
    for (const field of ['output.window_days', 'output.sample_every_min', 'output.series']) {
      expect(res.json.error.message).toContain(field);
    }
    expect(res.json.error.message).toContain(String(DEFAULT_MAX_SAMPLE_VALUES));
  });

  it('produces and streams the largest allowed run with /health answering and the heap bounded', async () => {
    const { scenario, values } = maximalRun(DEFAULT_MAX_SAMPLE_VALUES);
    expect(values).toBeLessThanOrEqual(DEFAULT_MAX_SAMPLE_VALUES);
    expect(values).toBeGreaterThan(0.99 * DEFAULT_MAX_SAMPLE_VALUES);

    const submitted = await request<{ id: string }>(server.baseUrl, 'POST', '/api/v1/runs', {
      body: scenario,
    });
    expect(submitted.status, submitted.text).toBe(202);
    const id = submitted.json.id;

    // While the run is produced: every /health request answers 200 with the database reachable.
    const producing = watchHealth(server.baseUrl);
    await waitUntil(async () => {
      const run = await request<{ status: string; error?: string }>(
        server.baseUrl,
        'GET',
        `/api/v1/runs/${id}`,
      );
      if (run.json.status === 'failed' || run.json.status === 'interrupted') throw new Error(run.text);
      return run.json.status === 'done';
    }, 'the largest allowed run to finish');
    const duringRun = await producing.stop();
    expect(duringRun.answers).toBeGreaterThan(0);
    expect(duringRun.failures).toEqual([]);

    // While it is streamed to a client reading slowly: /health still answers, and what the server holds beyond
    // its idle state (measured mid-stream after a full garbage collection, every 512 KiB read) stays far below the
    // document: built in memory, the document alone would exceed the bound.
    const idle = await server.liveMemory();
    const held: number[] = [];
    const streaming = watchHealth(server.baseUrl);
    const { bytes, parsed } = await streamResult(server.baseUrl, id, {
      checkEveryBytes: 512 * 1024,
      check: async () => void held.push((await server.liveMemory()) - idle),
    });
    const duringStream = await streaming.stop();
    expect(duringStream.failures).toEqual([]);
    expect(duringStream.answers).toBeGreaterThan(0);
    expect(bytes).toBeGreaterThan(8 * MIB);
    expect(held.length).toBeGreaterThan(10);
    const most = Math.max(...held);
    expect(
      most,
      `the server held ${(most / MIB).toFixed(1)} MiB more mid-stream for a ${(bytes / MIB).toFixed(1)} MiB document`,
    ).toBeLessThan(bytes / 4);
    // And what was streamed is the whole result: every series with every sample.
    const series = Object.values(parsed.series);
    expect(series).toHaveLength(scenario.output.series.length + 1);
    expect(series.reduce((n, s) => n + s.length, 0)).toBe(values);
  });
});

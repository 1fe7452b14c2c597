// SPDX-License-Identifier: MIT
/**
 * `npm run bench -- --server` (or `npx tsx bench/server-load.ts`): the API server while the largest run it allows
 * (2,000,000 sampled values, every series every minute) is produced and streamed to a slow client, on a server in
 * its own process with a SQLite store.
 *
 * - `server:largest-run-produce`: from the submit to `done` (simulation, result transfer, store write).
 * - `server:largest-run-stream`: reading the streamed JSON result.
 * - `server:health-p99`: the 99th percentile of `GET /health` during both, one request after another; goal: under
 *   250 ms, and no request slower than 1 s (before results were streamed and capped, `/health` stopped answering
 *   for about 4 s on a far larger run).
 *
 * Rows follow bench/README.md's format (peer fields null); `--json` prints only the rows. The properties that do
 * not depend on speed (the 400 over the cap, the heap bound while streaming) are tested in
 * test/large-run.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MAX_SAMPLE_VALUES } from '../src/server/routes/context.js';
import { maximalRun, streamResult, watchHealth } from '../test/support/large-run.js';
import { startServerProcess } from '../test/support/server-process.js';

const HEALTH_P99_GOAL_MS = 250;
const HEALTH_MAX_GOAL_MS = 1000;

interface ServerBenchRow {
  readonly case: string;
  readonly ours_ms: number;
  readonly peer: null;
  readonly peer_ms: null;
  readonly ratio: null;
  readonly error_ours: null;
  readonly error_peer: null;
}

const log = (message: string): void => void process.stderr.write(`bench server: ${message}\n`);

function row(name: string, ms: number): ServerBenchRow {
  return {
    case: name,
    ours_ms: ms,
    peer: null,
    peer_ms: null,
    ratio: null,
    error_ours: null,
    error_peer: null,
  };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function waitDone(baseUrl: string, id: string): Promise<void> {
  for (;;) {
    const run = (await (await fetch(`${baseUrl}/api/v1/runs/${id}`)).json()) as {
      status: string;
      error?: string;
    };
    if (run.status === 'done') return;
    if (run.status !== 'queued' && run.status !== 'running')
      throw new Error(`run ended ${run.status}: ${run.error}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const folder = mkdtempSync(join(tmpdir(), 'endotwin-bench-server-'));
  const server = await startServerProcess({ db: join(folder, 'bench.db') });
  try {
    const { scenario, values } = maximalRun(DEFAULT_MAX_SAMPLE_VALUES);
    log(`the largest allowed run: ${values} values over ${scenario.output.window_days[1].toFixed(2)} days`);
    const start = performance.now();
    const submitted = await fetch(`${server.baseUrl}/api/v1/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(scenario),
    });
    if (submitted.status !== 202)
      throw new Error(`submit answered ${submitted.status}: ${await submitted.text()}`);
    const { id } = (await submitted.json()) as { id: string };
    const producing = watchHealth(server.baseUrl);
    await waitDone(server.baseUrl, id);
    const produceMs = performance.now() - start;
    const duringRun = await producing.stop();
    const streamStart = performance.now();
    const streaming = watchHealth(server.baseUrl);
    const { bytes } = await streamResult(server.baseUrl, id);
    const streamMs = performance.now() - streamStart;
    const duringStream = await streaming.stop();
    for (const [phase, watch] of [
      ['run', duringRun],
      ['stream', duringStream],
    ] as const) {
      const ms = watch.latenciesMs;
      log(
        `health during the ${phase}: ${ms.length} requests, p50 ${percentile(ms, 50).toFixed(1)} ms, ` +
          `p99 ${percentile(ms, 99).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms`,
      );
    }
    const latencies = [...duringRun.latenciesMs, ...duringStream.latenciesMs];
    const failures = [...duringRun.failures, ...duringStream.failures];
    const p99 = percentile(latencies, 99);
    const max = Math.max(...latencies);
    const rows = [
      row('server:largest-run-produce', produceMs),
      row('server:largest-run-stream', streamMs),
      row('server:health-p99', p99),
    ];
    const verdict =
      `health during the run and the stream: ${latencies.length} requests, p99 ${p99.toFixed(1)} ms ` +
      `(goal < ${HEALTH_P99_GOAL_MS}), max ${max.toFixed(1)} ms (goal < ${HEALTH_MAX_GOAL_MS}), ` +
      `${failures.length} failed: ` +
      (p99 < HEALTH_P99_GOAL_MS && max < HEALTH_MAX_GOAL_MS && failures.length === 0 ? 'met' : 'NOT met');
    log(verdict);
    if (json) {
      process.stdout.write(`${JSON.stringify(rows)}\n`);
      return;
    }
    process.stdout.write(
      `\nendotwin server bench, ${new Date().toISOString().slice(0, 10)} (a ${(bytes / 1024 / 1024).toFixed(1)} MiB result)\n\n` +
        rows.map((r) => `${r.case.padEnd(30)} ${r.ours_ms.toFixed(1).padStart(10)} ms`).join('\n') +
        `\n\n- ${verdict}\n`,
    );
  } finally {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();

// SPDX-License-Identifier: MIT
/**
 * The largest run the API allows, and watching a server while it is produced and streamed: `/health` polled one
 * request after another, the result read by a slow client. Used by test/large-run.test.ts (properties) and by
 * `npm run bench -- --server` (times).
 */
import { seriesNames } from '../../src/simulate/index.js';
import type { Result } from '../../src/scenario/index.js';

/** A scenario document as the API takes it, with its output block spelled out. */
export interface LargeRunScenario {
  readonly name: string;
  readonly duration_days: number;
  readonly patient: Record<string, unknown>;
  readonly output: { sample_every_min: number; series: string[]; window_days: [number, number] };
}

/**
 * The scenario with every series sampled every minute over the longest window whose values (samples × series,
 * `t_min` included) stay within `cap`, and the number of values; `extraSamples` more samples go over the cap.
 */
export function maximalRun(cap: number, extraSamples = 0): { scenario: LargeRunScenario; values: number } {
  const series = [...seriesNames()];
  const perSample = series.length + 1;
  const samples = Math.floor(cap / perSample) + extraSamples;
  // Half a minute of margin, so rounding of the window in days never drops the last sample.
  const windowDays = (samples - 0.5) / 1440;
  return {
    scenario: {
      name: 'the largest run the API allows',
      duration_days: Math.ceil(windowDays),
      patient: { age_years: 45, sex: 'male', weight_kg: 82, height_cm: 178 },
      output: { sample_every_min: 1, series, window_days: [0, windowDays] },
    },
    values: samples * perSample,
  };
}

/** What {@link watchHealth} saw. */
export interface HealthWatch {
  /** Requests answered 200 with the database reachable. */
  readonly answers: number;
  /** Every other outcome: status and body, or the network error. */
  readonly failures: string[];
  /** Time of each request, ms. */
  readonly latenciesMs: number[];
}

/** Polls `GET /health` one request after another (every 20 ms) until `stop()` is called. */
export function watchHealth(baseUrl: string): { stop(): Promise<HealthWatch> } {
  const watch = { answers: 0, failures: [] as string[], latenciesMs: [] as number[] };
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const start = performance.now();
      try {
        const res = await fetch(`${baseUrl}/health`);
        const text = await res.text();
        watch.latenciesMs.push(performance.now() - start);
        if (res.status === 200 && (JSON.parse(text) as { database?: string }).database === 'ok')
          watch.answers++;
        else watch.failures.push(`${res.status} ${text}`);
      } catch (error) {
        watch.failures.push(error instanceof Error ? error.message : String(error));
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return watch;
    },
  };
}

/**
 * Reads a run's JSON result as a slow client would (a pause after each chunk, so the server must wait for the
 * client rather than buffer the document), calling `check` after every `checkEveryBytes` read (the server is then
 * mid-stream); returns the size in bytes and the parsed document.
 */
export async function streamResult(
  baseUrl: string,
  id: string,
  options: { pauseMs?: number; checkEveryBytes?: number; check?: () => Promise<void> } = {},
): Promise<{ bytes: number; parsed: Result }> {
  const res = await fetch(`${baseUrl}/api/v1/runs/${id}/result`);
  if (res.status !== 200 || res.body === null) throw new Error(`GET result answered ${res.status}`);
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  let nextCheck = options.checkEveryBytes ?? Number.POSITIVE_INFINITY;
  const reader = res.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    if (bytes >= nextCheck) {
      await options.check?.();
      nextCheck += options.checkEveryBytes ?? 0;
    }
    await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? 5));
  }
  parts.push(decoder.decode());
  return { bytes, parsed: JSON.parse(parts.join('')) as Result };
}

// SPDX-License-Identifier: MIT
/**
 * Runs only our solve of one bench case, many times, for a profiler: no reference, no peer, no table. Prints on
 * stderr the median time, the counters, the bytes allocated on the JS heap per run (garbage included) and the sum
 * of every sampled output (a change of the engine that must not change results must keep it bit for bit).
 *
 *   node --import tsx bench/profile.ts --case pulsatile [--runs 20]
 *   node --cpu-prof --cpu-prof-dir bench/out/prof --import tsx bench/profile.ts --case gh-axis
 *
 * Allocation is measured as the growth of the heap's used size over one run, which counts every allocation only
 * when no garbage collection happens during the run: give the young generation room for a whole run, e.g.
 * `node --min-semi-space-size=256 --max-semi-space-size=256 --import tsx bench/profile.ts ...`. Runs during which
 * a collection happened are left out of the allocation figure (and it says so when all were).
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

import { BENCH_CASES } from './cases/index.js';
import { prepareProblem, runOurs, sinkFor } from './lib/ours.js';
import { median } from './lib/timing.js';

interface ProfileOptions {
  readonly caseFilter: string;
  readonly runs: number;
}

function parseCli(argv: readonly string[]): ProfileOptions {
  let caseFilter: string | undefined;
  let runs = 20;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--case' && i + 1 < argv.length) caseFilter = argv[++i];
    else if (arg === '--runs' && i + 1 < argv.length) runs = Number(argv[++i]);
    else throw new Error(`unknown argument ${JSON.stringify(arg)}: expected --case <name> and --runs <n>`);
  }
  if (caseFilter === undefined) throw new Error('--case <name> is required');
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be an integer >= 1, got ${runs}`);
  return { caseFilter, runs };
}

/** Counts garbage collections as they are reported (asynchronously, so read it after yielding or at the end). */
function gcCounter(): { count: () => number } {
  let n = 0;
  const observer = new PerformanceObserver((list) => (n += list.getEntries().length));
  observer.observe({ entryTypes: ['gc'] });
  return { count: () => n };
}

async function main(): Promise<void> {
  const { caseFilter, runs } = parseCli(process.argv.slice(2));
  const c = BENCH_CASES.find((x) => x.name.includes(caseFilter));
  if (c === undefined) {
    throw new Error(`--case matched none of: ${BENCH_CASES.map((x) => x.name).join(', ')}`);
  }
  const problem = prepareProblem(c);
  const sink = sinkFor(problem);
  runOurs(problem, c.ours.solver, c.ours, sink);
  const gc = gcCounter();
  const times: number[] = [];
  const growth: number[] = [];
  let steps = 0;
  let rhsEvals = 0;
  for (let i = 0; i < runs; i++) {
    const gcBefore = gc.count();
    const heapBefore = getHeapStatistics().used_heap_size;
    const start = performance.now();
    const result = runOurs(problem, c.ours.solver, c.ours, sink);
    times.push(performance.now() - start);
    const heapAfter = getHeapStatistics().used_heap_size;
    // A GC during the run shrinks the heap: only runs with a positive growth and no GC seen are kept.
    await new Promise((resolve) => setImmediate(resolve));
    if (gc.count() === gcBefore && heapAfter >= heapBefore) growth.push(heapAfter - heapBefore);
    steps = result.stats.steps;
    rhsEvals = result.stats.rhsEvals;
  }
  const ms = median(times);
  const allocation =
    growth.length === 0
      ? 'allocation not measured (a GC ran during every run: enlarge the young generation)'
      : `${(median(growth) / 1e6).toFixed(2)} MB allocated per run (${(median(growth) / steps).toFixed(1)} B per ` +
        `step, median of ${growth.length} runs without GC)`;
  process.stderr.write(
    `${c.name}: median ${ms.toFixed(2)} ms (fastest ${Math.min(...times).toFixed(2)}) over ${runs} runs, ` +
      `${steps} steps, ${rhsEvals} rhs evals, ` +
      `${((ms * 1e3) / steps).toFixed(2)} us per step; ${allocation}; checksum of the outputs ${sink.checksum}\n`,
  );
}

await main();

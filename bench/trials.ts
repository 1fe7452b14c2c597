// SPDX-License-Identifier: MIT
/**
 * `npm run bench -- --trials` (or `npx tsx bench/trials.ts`): the virtual-trial engines.
 *
 * - `trial:1-thread`: patient-days simulated per second on one core (the full model, in this thread).
 * - `trial:threads-2-vs-1`: the same trial on two worker threads against one (goal: speed-up ≥ 1.8×).
 * - `trial:bullmq-2-vs-threads-2`: the same trial on two `endotwin worker` processes behind a BullMQ queue on a
 *   Redis started here, against two worker threads (goal: ≥ 90 % of the threads' throughput).
 * - `trial:1000x182dx2` (only with `--full`): the 1,000-patient, 26-week, two-arm trial on all cores (goal:
 *   under 5 minutes on the 2-core machine).
 *
 * Pools and worker processes are started and warmed up before the timed runs, so the times are simulation, not
 * start-up. Every engine's result is checked to be the same JSON. Rows follow bench/README.md's format, with
 * `patient_days_per_s` added; `--json` prints only the rows. Options: `--json`, `--quick` (a smaller trial),
 * `--full`, `--no-queue`.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { parseTrial, runTrial, runTrialInProcess, ThreadEngine } from '../src/cohort/index.js';
import type { Trial, TrialEngine, TrialResult } from '../src/cohort/index.js';
import { QueueEngine } from '../src/cohort/engines/queue.js';
import { BURN_IN_DAYS } from '../src/simulate/index.js';

interface Options {
  readonly json: boolean;
  readonly quick: boolean;
  readonly full: boolean;
  readonly queue: boolean;
}

/** A row of bench/README.md's format plus the throughput. */
interface TrialBenchRow {
  readonly case: string;
  readonly ours_ms: number;
  readonly peer: string | null;
  readonly peer_ms: number | null;
  readonly ratio: number | null;
  readonly error_ours: null;
  readonly error_peer: null;
  /** Simulated patient-days (treatment days, burn-in not counted) per second of wall time. */
  readonly patient_days_per_s: number;
}

const log = (message: string): void => void process.stderr.write(`bench trials: ${message}\n`);

function parseOptions(argv: readonly string[]): Options {
  const known = new Set(['--trials', '--json', '--quick', '--full', '--no-queue']);
  const unknown = argv.filter((a) => !known.has(a));
  if (unknown.length > 0) {
    throw new Error(`unknown argument ${unknown[0]}: expected --json, --quick, --full or --no-queue`);
  }
  return {
    json: argv.includes('--json'),
    quick: argv.includes('--quick'),
    full: argv.includes('--full'),
    queue: !argv.includes('--no-queue'),
  };
}

const sermorelin = {
  name: 'sermorelin',
  regimen: [{ drug: 'sermorelin', dose: { amount: 500, unit: 'mcg' }, route: 'sc', at: 'bedtime' }],
};

/** A paired two-arm trial of `n` patients over `days`, one patient per shard. */
function benchTrial(name: string, n: number, days: number, seed: number): Trial {
  return parseTrial({
    name,
    seed,
    duration_days: days,
    population: { n, age_years: { min: 40, max: 75 } },
    arms: [{ name: 'placebo', regimen: [] }, sermorelin],
    endpoints: ['igf1_change_pct', 'gh_mean_change_pct', 'lean_mass_change_kg', 'homa_ir_change_pct'],
    output: { shard_size: 1 },
  });
}

function patientDays(trial: Trial): number {
  return trial.population.n * trial.arms.length * trial.duration_days;
}

/** Wall time of a run, and the CPU time of this process (all its threads) over it. */
async function timed(
  engine: TrialEngine,
  trial: Trial,
): Promise<{ ms: number; cpuMs: number; result: TrialResult }> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = await runTrial(trial, engine);
  const cpu = process.cpuUsage(cpuStart);
  return { ms: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000, result };
}

function row(name: string, ms: number, trial: Trial, peer?: { name: string; ms: number }): TrialBenchRow {
  return {
    case: name,
    ours_ms: ms,
    peer: peer?.name ?? null,
    peer_ms: peer?.ms ?? null,
    ratio: peer ? ms / peer.ms : null,
    error_ours: null,
    error_peer: null,
    patient_days_per_s: patientDays(trial) / (ms / 1000),
  };
}

function sameResult(a: TrialResult, b: TrialResult, what: string, notes: string[]): void {
  if (JSON.stringify(a) !== JSON.stringify(b)) notes.push(`RESULT MISMATCH: ${what} differ`);
}

/** One core: the trial in this thread, after a warm-up trial. */
function benchOneThread(trial: Trial, rows: TrialBenchRow[]): void {
  runTrialInProcess(benchTrial('warm-up', 2, 14, 1));
  const start = performance.now();
  runTrialInProcess(trial);
  const ms = performance.now() - start;
  const r = row('trial:1-thread', ms, trial);
  const withBurnIn = (r.patient_days_per_s * (trial.duration_days + BURN_IN_DAYS)) / trial.duration_days;
  log(
    `one thread: ${trial.population.n * trial.arms.length} simulations of ${trial.duration_days} days in ` +
      `${(ms / 1000).toFixed(1)} s: ${r.patient_days_per_s.toFixed(0)} patient-days/s per core ` +
      `(${withBurnIn.toFixed(0)} counting the ${BURN_IN_DAYS}-day burn-in)`,
  );
  rows.push(r);
}

/** Two worker threads against one, each pool warmed up first. */
async function benchThreads(
  trial: Trial,
  rows: TrialBenchRow[],
  notes: string[],
): Promise<{ ms: number; result: TrialResult }> {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const results: TrialResult[] = [];
  for (const workers of [1, 2]) {
    const engine = new ThreadEngine({ workers, keepAlive: true });
    try {
      await runTrial(benchTrial('warm-up', workers * 2, 14, 1), engine);
      const { ms, cpuMs, result } = await timed(engine, trial);
      // On a shared machine the threads may not get a core each: the CPU time says how many they had.
      log(`${workers} worker thread(s): ${(ms / 1000).toFixed(1)} s, ${(cpuMs / ms).toFixed(2)} cores busy`);
      times.push(ms);
      cpuTimes.push(cpuMs);
      results.push(result);
    } finally {
      await engine.close();
    }
  }
  sameResult(results[0], results[1], '1 and 2 worker threads', notes);
  const speedup = times[0] / times[1];
  notes.push(
    `trial: 2 worker threads vs 1: ${speedup.toFixed(2)}× (goal ≥ 1.8×): ${speedup >= 1.8 ? 'MET' : 'NOT MET'}`,
  );
  // Work per CPU-second: equal for 1 and 2 threads means the pool adds no overhead, and with two idle cores the
  // speed-up would be 2 × that ratio. A projection for a loaded machine, not a measurement.
  const perCpu = cpuTimes[0] / cpuTimes[1];
  notes.push(
    `trial: per CPU-second, 2 threads do ${(perCpu * 100).toFixed(0)} % of 1 thread's work ` +
      `(${(cpuTimes[0] / times[0]).toFixed(2)} and ${(cpuTimes[1] / times[1]).toFixed(2)} cores busy): ` +
      `${(2 * perCpu).toFixed(2)}× projected on two idle cores`,
  );
  rows.push(row('trial:threads-2-vs-1', times[1], trial, { name: 'threads-1', ms: times[0] }));
  return { ms: times[1], result: results[1] };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForRedis(url: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: () => 100 });
  redis.on('error', () => undefined);
  try {
    for (let i = 0; i < 100; i++) {
      if ((await redis.ping().catch(() => '')) === 'PONG') return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`redis-server at ${url} did not answer`);
  } finally {
    redis.disconnect();
  }
}

function startWorker(url: string): ChildProcess {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
  return spawn(process.execPath, ['--import', tsx, main, 'worker', '--queue', url], { stdio: 'ignore' });
}

/** Two `endotwin worker` processes on a Redis started here, against two worker threads. */
async function benchQueue(
  trial: Trial,
  threadsMs: number,
  reference: TrialResult,
  rows: TrialBenchRow[],
  notes: string[],
): Promise<void> {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    if (process.env['CI'] === 'true')
      throw new Error('redis-server is required under CI=true (Debian: redis-server)');
    notes.push(
      'trial: BullMQ not measured: redis-server is missing (install the Debian package redis-server)',
    );
    return;
  }
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const redisServer = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const workers: ChildProcess[] = [];
  const engine = new QueueEngine({ url, pollMs: 50, fresh: true });
  try {
    await waitForRedis(url);
    workers.push(startWorker(url), startWorker(url));
    await runTrial(benchTrial('warm-up', 4, 14, 1), engine);
    const { ms, result } = await timed(engine, trial);
    log(`BullMQ, 2 worker processes: ${(ms / 1000).toFixed(1)} s`);
    sameResult(result, reference, 'BullMQ and worker threads', notes);
    const share = threadsMs / ms;
    notes.push(
      `trial: BullMQ with 2 worker processes at ${(share * 100).toFixed(0)} % of 2 worker threads' throughput ` +
        `(goal ≥ 90 %): ${share >= 0.9 ? 'MET' : 'NOT MET'}`,
    );
    rows.push(row('trial:bullmq-2-vs-threads-2', ms, trial, { name: 'threads-2', ms: threadsMs }));
  } finally {
    await engine.close();
    for (const w of workers) w.kill('SIGTERM');
    redisServer.kill('SIGTERM');
  }
}

/** The 1,000-patient, 26-week, two-arm trial on every core. */
async function benchFull(rows: TrialBenchRow[], notes: string[]): Promise<void> {
  const trial = benchTrial('1000 patients, 26 weeks, 2 arms', 1000, 182, 2026);
  const engine = new ThreadEngine({ workers: availableParallelism() });
  const start = performance.now();
  await runTrial(trial, engine, {
    onProgress: (p) => {
      if (p.done % 200 === 0)
        log(
          `full trial: ${p.done}/${p.total} simulations, ${((performance.now() - start) / 1000).toFixed(0)} s`,
        );
    },
  });
  const ms = performance.now() - start;
  notes.push(
    `trial: 1,000 patients × 26 weeks × 2 arms on ${availableParallelism()} threads in ${(ms / 1000).toFixed(0)} s ` +
      `(goal < 300 s): ${ms < 300_000 ? 'MET' : 'NOT MET'}`,
  );
  rows.push(row('trial:1000x182dx2', ms, trial));
}

function formatRows(rows: readonly TrialBenchRow[]): string {
  const lines = [
    '| case | ours ms | peer | peer ms | ratio | patient-days/s |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.case} | ${r.ours_ms.toFixed(0)} | ${r.peer ?? '–'} | ${r.peer_ms?.toFixed(0) ?? '–'} | ` +
        `${r.ratio?.toFixed(3) ?? '–'} | ${r.patient_days_per_s.toFixed(0)} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const trial = options.quick ? benchTrial('bench', 6, 28, 7) : benchTrial('bench', 24, 84, 7);
  const rows: TrialBenchRow[] = [];
  const notes: string[] = [];
  benchOneThread(trial, rows);
  const threads = await benchThreads(trial, rows, notes);
  if (options.queue) await benchQueue(trial, threads.ms, threads.result, rows, notes);
  if (options.full) await benchFull(rows, notes);
  for (const n of notes) log(n);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(rows)}\n`);
    return;
  }
  process.stdout.write(
    `\nendotwin trial bench, ${new Date().toISOString().slice(0, 10)} (one timed run each, after warm-up)\n\n` +
      `${formatRows(rows)}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`,
  );
}

await main();

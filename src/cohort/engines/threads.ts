// SPDX-License-Identifier: MIT
/**
 * The one-machine engine: shards on a piscina worker-thread pool (`endotwin trial --workers N`, default the
 * number of cores). Each thread simulates whole shards; the main thread only collects outcomes and reports
 * progress, so the result is the same JSON as in one thread.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { EngineHooks, TrialEngine, TrialPlan } from '../run.js';
import type { PatientOutcome } from '../shards.js';
import type { ShardTask } from './thread-worker.js';
import { workerScript } from './worker-script.js';

/** Options of {@link ThreadEngine}. */
export interface ThreadEngineOptions {
  /** Worker threads (default: the number of cores). */
  readonly workers?: number;
  /**
   * Keep the pool (and its warmed-up threads) between runs until {@link ThreadEngine.close} (default false: a
   * pool per run, destroyed after it). Benchmarks use it to time simulations without thread start-up.
   */
  readonly keepAlive?: boolean;
}

/** Shards per worker the pool is cut into: enough for an even finish and a lively progress bar. */
const SHARDS_PER_WORKER = 50;

/** Runs a trial's shards on a pool of worker threads, created for the run and destroyed after it. */
export class ThreadEngine implements TrialEngine {
  readonly workers: number;
  readonly targetShards: number;
  private readonly keepAlive: boolean;
  private pool: Piscina<ShardTask, PatientOutcome[]> | undefined;

  constructor(options: ThreadEngineOptions = {}) {
    const workers = options.workers ?? availableParallelism();
    if (!(Number.isInteger(workers) && workers >= 1)) {
      throw new RangeError(`workers must be an integer ≥ 1, got ${workers}`);
    }
    this.workers = workers;
    this.targetShards = workers * SHARDS_PER_WORKER;
    this.keepAlive = options.keepAlive ?? false;
  }

  /** Destroys a kept-alive pool (nothing to do otherwise). */
  async close(): Promise<void> {
    await this.pool?.destroy();
    this.pool = undefined;
  }

  private poolFor(): Piscina<ShardTask, PatientOutcome[]> {
    if (this.pool) return this.pool;
    const { filename, execArgv } = workerScript('thread-worker');
    const pool = new Piscina<ShardTask, PatientOutcome[]>({
      filename,
      execArgv,
      minThreads: this.workers,
      maxThreads: this.workers,
      idleTimeout: Number.POSITIVE_INFINITY,
      // Every shard is queued at once; piscina's default queue cap would refuse large trials.
      maxQueue: Number.POSITIVE_INFINITY,
    });
    if (this.keepAlive) this.pool = pool;
    return pool;
  }

  async run(plan: TrialPlan, hooks: EngineHooks): Promise<PatientOutcome[]> {
    const pool = this.poolFor();
    let done = 0;
    try {
      const parts = await Promise.all(
        plan.shards.map(async (shard) => {
          const rows = plan.cohort.rows.slice(shard.from, shard.to);
          const outcomes = await pool.run(
            { trial: plan.trial, rows },
            hooks.signal === undefined ? {} : { signal: hooks.signal },
          );
          done += outcomes.length;
          hooks.onShard?.(shard, outcomes);
          hooks.onProgress({ done, total: plan.units });
          return outcomes;
        }),
      );
      return parts.flat();
    } finally {
      if (!this.keepAlive) await pool.destroy();
    }
  }
}

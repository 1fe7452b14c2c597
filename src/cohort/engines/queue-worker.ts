// SPDX-License-Identifier: MIT
/**
 * A worker of the distributed engine (`endotwin worker --queue redis://…`): takes shard jobs, simulates them and
 * writes each shard's outcomes under its id with HSETNX, so a shard that runs twice is stored once. The trial
 * document comes from Redis, and the cohort is sampled again from it (it is a pure function of the document), so
 * a job carries only two ids. Between simulations the worker returns to the event loop, so BullMQ keeps renewing
 * its lock; a worker killed mid-shard stops renewing it, and the stalled-job check hands the shard to another.
 */
import { hostname } from 'node:os';
import { UnrecoverableError, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import { Redis } from 'ioredis';
import { parseTrial } from '../parse.js';
import { sampleCohort } from '../population.js';
import type { Cohort } from '../population.js';
import type { Trial } from '../schema.js';
import { runShardYielding } from '../shards.js';
import type { Shard } from '../shards.js';
import { MODEL_IDENTITY, QUEUE_NAME, trialKeys } from './queue-keys.js';
import type { ShardJobData } from './queue-keys.js';

/** Options of {@link startQueueWorker}. */
export interface QueueWorkerOptions {
  /** The Redis URL, e.g. `redis://127.0.0.1:6379`. */
  readonly url: string;
  /** Shards this process works on at once (default 1: the work is CPU-bound; run one process per core). */
  readonly concurrency?: number;
  /**
   * How long a shard stays locked without renewal before another worker may take it, ms (default 30,000). The
   * stalled-job check runs at the same interval. Shorter: a killed worker's shard is retried sooner.
   */
  readonly lockMs?: number;
  /** Receives one line per shard done or failed. */
  readonly onLog?: (message: string) => void;
}

/** A running worker. */
export interface QueueWorkerHandle {
  /** Shards this worker has finished (including ones another worker had already stored). */
  readonly processed: () => number;
  /** Stops taking shards; waits for the current ones unless `force`. */
  close(force?: boolean): Promise<void>;
}

interface TrialContext {
  readonly trial: Trial;
  readonly cohort: Cohort;
  readonly shards: readonly Shard[];
}

/** The trial of a job; a job no retry can help (unknown trial, other model version) fails for good. */
async function loadTrial(redis: Redis, trialId: string): Promise<TrialContext> {
  const meta = await redis.hgetall(trialKeys(trialId).meta);
  if (meta['trial'] === undefined || meta['shards'] === undefined) {
    throw new UnrecoverableError(`trial ${trialId} is not in Redis (expired or deleted)`);
  }
  if (meta['model'] !== MODEL_IDENTITY) {
    throw new UnrecoverableError(
      `trial ${trialId} was planned with ${meta['model'] ?? 'an unknown model'}; this worker runs ${MODEL_IDENTITY}`,
    );
  }
  const trial = parseTrial(JSON.parse(meta['trial']));
  return { trial, cohort: sampleCohort(trial), shards: JSON.parse(meta['shards']) as Shard[] };
}

/** `true` when `promise` settles within `ms` (a rejection counts as settled). */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const settled = promise.then(
    () => true,
    () => true,
  );
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** This process's name on the jobs it takes: `host:pid`. */
export function workerName(): string {
  return `${hostname()}:${process.pid}`;
}

/**
 * Starts a worker on the queue; it runs until closed.
 * @example const worker = await startQueueWorker({ url: 'redis://127.0.0.1:6379' }); … await worker.close();
 */
export function startQueueWorker(options: QueueWorkerOptions): QueueWorkerHandle {
  const redis = new Redis(options.url, { maxRetriesPerRequest: null });
  redis.on('error', () => undefined);
  const trials = new Map<string, Promise<TrialContext>>();
  let processed = 0;

  const contextOf = (trialId: string): Promise<TrialContext> => {
    let context = trials.get(trialId);
    if (!context) {
      context = loadTrial(redis, trialId);
      context.catch(() => trials.delete(trialId));
      trials.set(trialId, context);
    }
    return context;
  };

  const processShard = async (job: Job<ShardJobData>): Promise<number> => {
    const { trialId, shardId } = job.data;
    const results = trialKeys(trialId).results;
    if (await redis.hexists(results, String(shardId))) return 0; // stored by an earlier attempt
    const { trial, cohort, shards } = await contextOf(trialId);
    const shard = shards.find((s) => s.id === shardId);
    if (!shard) throw new UnrecoverableError(`trial ${trialId} has no shard ${shardId}`);
    const outcomes = await runShardYielding(trial, cohort.rows, shard);
    await redis.hsetnx(results, String(shardId), JSON.stringify(outcomes));
    processed++;
    return outcomes.length;
  };

  const lockMs = options.lockMs ?? 30_000;
  // Passed in, so BullMQ leaves closing it to us.
  const workerConnection = new Redis(options.url, { maxRetriesPerRequest: null });
  workerConnection.on('error', () => undefined);
  const worker = new Worker<ShardJobData, number>(QUEUE_NAME, processShard, {
    // Stored on each job it takes (`processedBy`), so an operator can tell which process holds a shard.
    name: workerName(),
    connection: workerConnection,
    concurrency: options.concurrency ?? 1,
    lockDuration: lockMs,
    stalledInterval: lockMs,
    // A shard may be retried after several kills before it fails for good.
    maxStalledCount: 10,
  });
  worker.on('completed', (job) =>
    options.onLog?.(`shard ${job.data.shardId} of trial ${job.data.trialId} done`),
  );
  worker.on('failed', (job, error) =>
    options.onLog?.(
      `shard ${job?.data.shardId ?? '?'} of trial ${job?.data.trialId ?? '?'} failed: ${error.message}`,
    ),
  );
  worker.on('error', (error) => options.onLog?.(`worker error: ${error.message}`));

  return {
    processed: () => processed,
    async close(force = false) {
      // With Redis gone there is nothing to finish the shard for; otherwise the shard in hand gets up to one lock
      // period. A shard not finished by then is given up: its lock lapses and another worker retries it.
      const graceMs = force || workerConnection.status !== 'ready' ? 0 : lockMs;
      const finished = await settlesWithin(worker.close(force), graceMs);
      workerConnection.disconnect();
      redis.disconnect();
      if (!finished) await settlesWithin(worker.close(true), 1000);
    },
  };
}

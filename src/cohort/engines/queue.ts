// SPDX-License-Identifier: MIT
/**
 * The distributed engine's coordinator (`endotwin trial --queue redis://…`): one BullMQ job per shard, taken by
 * any number of `endotwin worker` processes on any machines.
 *
 * - Idempotent results: a worker writes a shard's outcomes with HSETNX under the shard's id, so a shard that runs
 *   twice (a killed worker's job retried by the stalled-job check, a duplicate after a restart) is counted once.
 * - Nothing lost: the coordinator finishes only when every shard has its field; a shard whose job has failed for
 *   good fails the trial with the worker's reason, and a shard whose job vanished is queued again.
 * - Restarts: the trial's id is a hash of the document, so a coordinator started again on the same document
 *   finds its status and partial results in Redis and queues only the shards still missing.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { EngineHooks, TrialEngine, TrialPlan } from '../run.js';
import { unitCount } from '../shards.js';
import type { PatientOutcome, Shard } from '../shards.js';
import { assertRedisReachable } from './redis-reachable.js';
import { MODEL_IDENTITY, QUEUE_NAME, shardJobId, TRIAL_TTL_S, trialId, trialKeys } from './queue-keys.js';
import type { ShardJobData, TrialMeta } from './queue-keys.js';

/** Options of {@link QueueEngine}. */
export interface QueueEngineOptions {
  /** The Redis URL, e.g. `redis://127.0.0.1:6379`. */
  readonly url: string;
  /** How often the coordinator reads the results hash, ms (default 250). */
  readonly pollMs?: number;
  /** How often it checks the jobs of missing shards for failures, ms (default 2,000). */
  readonly checkJobsMs?: number;
  /** Attempts per shard job before the trial fails (default 5). */
  readonly attempts?: number;
  /** Forget any earlier run of the same trial and start from scratch (default false: resume). */
  readonly fresh?: boolean;
  /** Receives one line per notable event (resumed, re-queued). */
  readonly onLog?: (message: string) => void;
}

/** The coordinator was closed while a trial was running; its state stays in Redis for a later resume. */
export class QueueClosedError extends Error {
  override name = 'QueueClosedError';
}

/** A shard's job failed for good. */
export class ShardFailedError extends Error {
  override name = 'ShardFailedError';
}

/** Shards per trial the coordinator aims at: jobs of a few seconds, so a killed worker costs little. */
const TARGET_SHARDS = 200;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs shards as BullMQ jobs and collects their outcomes from Redis. */
export class QueueEngine implements TrialEngine {
  readonly targetShards = TARGET_SHARDS;
  private readonly redis: Redis;
  /** BullMQ's connection: passed in, so BullMQ leaves closing it to us. */
  private readonly queueConnection: Redis;
  private readonly queue: Queue<ShardJobData>;
  private closed = false;

  constructor(private readonly options: QueueEngineOptions) {
    this.redis = new Redis(options.url, { maxRetriesPerRequest: null });
    this.queueConnection = new Redis(options.url, { maxRetriesPerRequest: null });
    this.queue = new Queue<ShardJobData>(QUEUE_NAME, { connection: this.queueConnection });
    // Connection errors surface as the rejection of the next command; without listeners they would crash.
    this.redis.on('error', () => undefined);
    this.queueConnection.on('error', () => undefined);
    this.queue.on('error', () => undefined);
  }

  /** The id under which a plan's status and results are kept in Redis. */
  idOf(plan: TrialPlan): string {
    return trialId(plan.trial, plan.shards);
  }

  /** @throws RedisUnreachableError within seconds when Redis does not answer at the start. */
  async run(plan: TrialPlan, hooks: EngineHooks): Promise<PatientOutcome[]> {
    await assertRedisReachable(this.options.url);
    const id = this.idOf(plan);
    const keys = trialKeys(id);
    if (this.options.fresh === true) await this.forget(id, plan.shards);
    await this.register(id, plan);
    const unitsOf = plan.shards.map((s) => unitCount(plan.trial, plan.cohort.rows.slice(s.from, s.to)));
    await this.enqueueMissing(id, plan.shards);
    let lastCheck = Date.now();
    for (;;) {
      if (this.closed || hooks.signal?.aborted === true) {
        throw new QueueClosedError(`coordinator stopped; trial ${id} can be resumed`);
      }
      const done = new Set((await this.redis.hkeys(keys.results)).map(Number));
      const units = plan.shards.reduce((n, s, i) => n + (done.has(s.id) ? unitsOf[i] : 0), 0);
      hooks.onProgress({ done: units, total: plan.units });
      if (done.size === plan.shards.length) break;
      if (Date.now() - lastCheck >= (this.options.checkJobsMs ?? 2000)) {
        lastCheck = Date.now();
        await this.checkMissing(
          id,
          plan.shards.filter((s) => !done.has(s.id)),
        );
      }
      await sleep(this.options.pollMs ?? 250);
    }
    const outcomes = await this.collect(id, plan.shards);
    await this.setStatus(id, 'done');
    return outcomes;
  }

  /** Stops a running {@link run} at its next poll and closes the connections. */
  async close(): Promise<void> {
    this.closed = true;
    await this.queue.close();
    this.queueConnection.disconnect();
    this.redis.disconnect();
  }

  /** Records the trial (or finds it from an earlier run of this coordinator). */
  private async register(id: string, plan: TrialPlan): Promise<void> {
    const keys = trialKeys(id);
    const now = new Date().toISOString();
    const existing = await this.redis.hget(keys.meta, 'status');
    if (existing !== null) {
      const finished = await this.redis.hlen(keys.results);
      this.options.onLog?.(
        `trial ${id}: resuming (${existing}; ${finished} of ${plan.shards.length} shards done)`,
      );
      await this.redis.hset(keys.meta, { status: 'running', updated_at: now });
    } else {
      const meta: TrialMeta = {
        trial: JSON.stringify(plan.trial),
        shards: JSON.stringify(plan.shards),
        units: String(plan.units),
        model: MODEL_IDENTITY,
        status: 'running',
        created_at: now,
        updated_at: now,
      };
      await this.redis.hset(keys.meta, meta);
      this.options.onLog?.(`trial ${id}: ${plan.shards.length} shards queued on ${QUEUE_NAME}`);
    }
    await this.redis.expire(keys.meta, TRIAL_TTL_S);
  }

  private async setStatus(id: string, status: TrialMeta['status'], error?: string): Promise<void> {
    const keys = trialKeys(id);
    await this.redis.hset(keys.meta, {
      status,
      updated_at: new Date().toISOString(),
      ...(error ? { error } : {}),
    });
    await this.redis.expire(keys.meta, TRIAL_TTL_S);
    await this.redis.expire(keys.results, TRIAL_TTL_S);
  }

  /** Adds a job for every shard without a result; a job id already in the queue is not added twice. */
  private async enqueueMissing(id: string, shards: readonly Shard[]): Promise<void> {
    const done = new Set((await this.redis.hkeys(trialKeys(id).results)).map(Number));
    const missing = shards.filter((s) => !done.has(s.id));
    // A job that failed for good in an earlier run would block its id: clear it so the shard runs again.
    for (const shard of missing) {
      const job = await this.queue.getJob(shardJobId(id, shard.id));
      if (job && (await job.isFailed())) await job.remove();
    }
    await this.queue.addBulk(
      missing.map((shard) => ({
        name: 'shard',
        data: { trialId: id, shardId: shard.id },
        opts: {
          jobId: shardJobId(id, shard.id),
          attempts: this.options.attempts ?? 5,
          backoff: { type: 'fixed', delay: 500 },
          removeOnComplete: true,
          removeOnFail: { age: TRIAL_TTL_S },
        },
      })),
    );
  }

  /** Fails the trial on a shard that failed for good; queues again a shard whose job has vanished. */
  private async checkMissing(id: string, missing: readonly Shard[]): Promise<void> {
    const results = trialKeys(id).results;
    for (const shard of missing) {
      const job = await this.queue.getJob(shardJobId(id, shard.id));
      if (job && (await job.isFailed())) {
        const message = `shard ${shard.id} (patients ${shard.from}–${shard.to - 1}) failed after ${job.attemptsMade} attempts: ${job.failedReason}`;
        await this.setStatus(id, 'failed', message);
        throw new ShardFailedError(message);
      }
      // A completed job is removed; its result may have landed since the poll.
      if (!job && !(await this.redis.hexists(results, String(shard.id)))) {
        this.options.onLog?.(`trial ${id}: shard ${shard.id} has neither a job nor a result; queued again`);
        await this.enqueueMissing(id, [shard]);
      }
    }
  }

  private async collect(id: string, shards: readonly Shard[]): Promise<PatientOutcome[]> {
    const stored = await this.redis.hgetall(trialKeys(id).results);
    return shards.flatMap((s) => JSON.parse(stored[String(s.id)]) as PatientOutcome[]);
  }

  /** Deletes an earlier run's status, results and jobs. */
  private async forget(id: string, shards: readonly Shard[]): Promise<void> {
    const keys = trialKeys(id);
    await this.redis.del(keys.meta, keys.results);
    for (const shard of shards) {
      const job = await this.queue.getJob(shardJobId(id, shard.id));
      if (job && !(await job.isActive())) await job.remove();
    }
  }
}

// SPDX-License-Identifier: MIT
/**
 * Runs the API's virtual trials off the request path: one trial at a time on a worker-thread pool (each trial is
 * already parallel inside), a cap on each client's queued + running trials, throttled progress, and every finished
 * shard saved in the store as it lands, so a trial interrupted by a shutdown continues from its finished shards
 * when resubmitted, and no patient is counted twice.
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { analyseTrial, parseTrial, planTrial, ThreadEngine, unitCount } from '../../cohort/index.js';
import type { PatientOutcome, Shard, TrialPlan } from '../../cohort/index.js';
import type { Store, TrialRecord } from '../../store/index.js';
import { writeWhenAvailable } from './final-write.js';

/** Settings of a {@link TrialRunner}. */
export interface TrialRunnerOptions {
  /** This server's identity in the store, the owner of its trials (default: a random UUID); see RunQueue. */
  readonly serverId?: string;
  /** Most queued + running trials one client may have at once (default 1). */
  readonly maxActivePerClient?: number;
  /** Worker threads of the pool (default: cores − 1, at least 1). */
  readonly workers?: number;
  /** Minimum time between two progress writes, ms (default 500). */
  readonly progressIntervalMs?: number;
  /** Receives errors of the runner's own bookkeeping, which have no request to report to. */
  readonly onError?: (error: unknown) => void;
  /** Told each time a trial's start or final write found the database unavailable and will be retried. */
  readonly onFinalWriteRetry?: (trialId: string, attempt: number, error: unknown) => void;
  /** First wait before retrying a start or final write, ms (default 1000; doubled each time up to 30 s). */
  readonly finalWriteRetryMs?: number;
}

/** Thrown by {@link TrialRunner.admit} when the client already has its maximum of active trials. */
export class TrialLimitError extends Error {
  constructor(readonly limit: number) {
    super(`at most ${limit} queued or running trial(s) per client; wait for one to finish`);
    this.name = 'TrialLimitError';
  }
}

/** Message stored on trials stopped by a shutdown. */
export const TRIAL_INTERRUPTED_BY_SHUTDOWN =
  'the server shut down before this trial finished; resubmit it to continue from its finished shards';

/**
 * Shards per trial. Fixed, not chosen by the pool's size, so the shard ids saved in the store stay valid when an
 * interrupted trial is resumed by a server with another number of cores.
 */
const SHARDS_PER_TRIAL = 200;

interface Job {
  readonly id: string;
  readonly clientId: string;
  readonly controller: AbortController;
  /** Set when the trial is no longer this server's: nothing more is written for it. */
  abandoned?: true;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The trial job queue of one server process. */
export class TrialRunner {
  private readonly waiting: Job[] = [];
  private readonly active = new Map<string, number>();
  private current: { job: Job; done: Promise<void> } | undefined;
  private closed = false;
  private readonly workers: number;
  /** This server's identity, the owner of the trials it queues. */
  readonly serverId: string;

  constructor(
    private readonly store: Store,
    private readonly options: TrialRunnerOptions = {},
  ) {
    this.workers = options.workers ?? Math.max(1, availableParallelism() - 1);
    this.serverId = options.serverId ?? randomUUID();
  }

  /**
   * Reserves one of the client's slots, lets `prepare` create or requeue the trial in the store under `owner`
   * (this server's id), and queues it.
   * @throws TrialLimitError when the client is at its limit (nothing is stored then).
   */
  async admit(clientId: string, prepare: (owner: string) => Promise<TrialRecord>): Promise<TrialRecord> {
    if (this.closed) throw new Error('the trial runner is shut down');
    const limit = this.options.maxActivePerClient ?? 1;
    if ((this.active.get(clientId) ?? 0) >= limit) throw new TrialLimitError(limit);
    this.active.set(clientId, (this.active.get(clientId) ?? 0) + 1);
    try {
      const record = await prepare(this.serverId);
      if (record.server_id !== this.serverId)
        throw new Error(`trial ${record.id} was not stored under this server`);
      this.waiting.push({ id: record.id, clientId, controller: new AbortController() });
      this.pump();
      return record;
    } catch (error) {
      this.release(clientId);
      throw error;
    }
  }

  /** Queues a trial this server took over from a server that is gone (the store already names it the owner). */
  adopt(record: TrialRecord): void {
    if (this.closed || this.ownedIds().includes(record.id)) return;
    this.active.set(record.client_id, (this.active.get(record.client_id) ?? 0) + 1);
    this.waiting.push({ id: record.id, clientId: record.client_id, controller: new AbortController() });
    this.pump();
  }

  /** Stops working on trials that are no longer this server's, without writing anything (see RunQueue.abandon). */
  abandon(ids: Iterable<string>): void {
    for (const id of ids) {
      const at = this.waiting.findIndex((job) => job.id === id);
      if (at >= 0) this.release(this.waiting.splice(at, 1)[0].clientId);
      if (this.current?.job.id === id) {
        this.current.job.abandoned = true;
        this.current.job.controller.abort();
      }
    }
  }

  /** The ids of the trials this server has queued or running. */
  ownedIds(): string[] {
    const current = this.current && !this.current.job.abandoned ? [this.current.job.id] : [];
    return [...this.waiting.map((job) => job.id), ...current];
  }

  /** Stops accepting trials, aborts the running one and marks it and the queued ones interrupted. */
  async close(): Promise<void> {
    this.closed = true;
    const current = this.current && !this.current.job.abandoned ? [this.current.job] : [];
    const jobs = [...this.waiting.splice(0), ...current];
    this.current?.job.controller.abort();
    await this.current?.done;
    await Promise.all(
      jobs.map((job) =>
        this.store.trials.stop(job.id, 'interrupted', TRIAL_INTERRUPTED_BY_SHUTDOWN, this.serverId),
      ),
    );
  }

  private release(clientId: string): void {
    const n = (this.active.get(clientId) ?? 1) - 1;
    if (n > 0) this.active.set(clientId, n);
    else this.active.delete(clientId);
  }

  private pump(): void {
    if (this.closed || this.current || this.waiting.length === 0) return;
    const job = this.waiting.shift() as Job;
    const done = this.execute(job)
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.release(job.clientId);
        this.current = undefined;
        this.pump();
      });
    this.current = { job, done };
  }

  private async execute(job: Job): Promise<void> {
    if (!(await this.finalWrite(job, () => this.store.trials.markRunning(job.id, this.serverId)))) return;
    try {
      const record = await this.store.trials.get(job.id);
      if (!record) throw new Error(`trial ${job.id} vanished from the store`);
      const trial = parseTrial(record.document);
      const plan = planTrial(trial, SHARDS_PER_TRIAL);
      const outcomes = await this.runMissingShards(job, plan);
      const result = analyseTrial(trial, plan.cohort, outcomes);
      await this.finalWrite(job, () => this.store.trials.complete(job.id, result, this.serverId));
    } catch (error) {
      // close() records the interruption; an abandoned trial is someone else's.
      if (job.controller.signal.aborted) return;
      const message = messageOf(error);
      await this.finalWrite(job, () => this.store.trials.stop(job.id, 'failed', message, this.serverId));
    }
  }

  /** A write of the trial's start or outcome, retried while the database is unavailable (see RunQueue). */
  private finalWrite<T>(job: Job, write: () => Promise<T>): Promise<T> {
    return writeWhenAvailable(write, {
      firstWaitMs: this.options.finalWriteRetryMs ?? 1000,
      givenUp: () => this.closed || job.controller.signal.aborted,
      onRetry: (attempt, error) => this.options.onFinalWriteRetry?.(job.id, attempt, error),
    });
  }

  /** Runs the shards the store does not hold yet, saving each as it finishes; returns every outcome. */
  private async runMissingShards(job: Job, plan: TrialPlan): Promise<PatientOutcome[]> {
    const stored = await this.store.trials.shards(job.id);
    const missing = plan.shards.filter((s) => !stored.has(s.id));
    const unitsOf = (s: Shard): number => unitCount(plan.trial, plan.cohort.rows.slice(s.from, s.to));
    const before = plan.shards.filter((s) => stored.has(s.id)).reduce((n, s) => n + unitsOf(s), 0);
    const progress = this.progressWriter(job.id);
    let saving = Promise.resolve();
    const fresh = await new ThreadEngine({ workers: this.workers }).run(
      { ...plan, shards: missing },
      {
        signal: job.controller.signal,
        onProgress: (p) => progress((before + p.done) / plan.units),
        onShard: (shard, outcomes) => {
          saving = saving.then(() => this.store.trials.saveShard(job.id, shard.id, outcomes));
        },
      },
    );
    await saving;
    return [...[...stored.values()].flatMap((o) => o as PatientOutcome[]), ...fresh];
  }

  /** A progress callback that writes at most once per interval (the last value is written when the run ends). */
  private progressWriter(id: string): (fraction: number) => void {
    const interval = this.options.progressIntervalMs ?? 500;
    let last = Number.NEGATIVE_INFINITY;
    return (fraction) => {
      const now = Date.now();
      if (now - last < interval) return;
      last = now;
      this.store.trials
        .setProgress(id, fraction, this.serverId)
        .catch((error: unknown) => this.options.onError?.(error));
    };
  }
}

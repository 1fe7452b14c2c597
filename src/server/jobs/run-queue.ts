// SPDX-License-Identifier: MIT
/**
 * Runs simulations off the request path on a piscina worker-thread pool: a FIFO queue, at most `workers` runs at
 * a time, a cap on each client's queued + running runs, throttled progress persistence, cancel, a run time limit,
 * and a clean shutdown that leaves unfinished runs `interrupted`.
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Result, Scenario } from '../../scenario/index.js';
import type { RunRecord, Store } from '../../store/index.js';
import { writeWhenAvailable } from './final-write.js';
import { ProgressWriter } from './progress-writer.js';
import { isProgressMessage } from './protocol.js';
import type { SimulationTask } from './protocol.js';
import { workerScript } from './worker-module.js';

/** Settings of a {@link RunQueue}. */
export interface RunQueueOptions {
  /**
   * The identity of this server in the store: its runs carry it, and every status write is conditional on it, so
   * a run taken over by another server is never written by this one again (default: a random UUID).
   */
  readonly serverId?: string;
  /** Most queued + running runs one client may have at once. */
  readonly maxConcurrentRunsPerClient: number;
  /** Worker threads, i.e. runs simulated at the same time (default: cores − 1, at least 1). */
  readonly workers?: number;
  /** Minimum time between two progress writes of a run, ms (default 500). */
  readonly progressIntervalMs?: number;
  /** A run still going after this long is stopped and marked failed, ms (default one hour). */
  readonly maxRunMs?: number;
  /** Receives errors of the queue's own bookkeeping (store writes), which have no request to report to. */
  readonly onError?: (error: unknown) => void;
  /**
   * Told each time a run's start or final write (done or failed) found the database unavailable and will be
   * retried.
   */
  readonly onFinalWriteRetry?: (runId: string, attempt: number, error: unknown) => void;
  /** First wait before retrying a start or final write, ms (default 1000; doubled each time up to 30 s). */
  readonly finalWriteRetryMs?: number;
}

interface Job {
  readonly runId: string;
  readonly clientId: string;
  readonly scenario: Scenario;
  readonly uncertaintyDraws: number | null;
  readonly controller: AbortController;
  /** Set when the run was stopped from outside (cancel, time limit, shutdown); whoever stops it records why. */
  stopped?: true;
}

/** Thrown by {@link RunQueue.admit} when the client already has its maximum of active runs. */
export class RunLimitError extends Error {
  constructor(
    readonly clientId: string,
    readonly limit: number,
  ) {
    super(`at most ${limit} queued or running runs per client; wait for one to finish or cancel one`);
    this.name = 'RunLimitError';
  }
}

/** Message stored on runs stopped by a shutdown. */
export const INTERRUPTED_BY_SHUTDOWN =
  'the server shut down before this run finished; resubmit it to run it again';
/** Message stored on runs cancelled by a client. */
export const CANCELLED = 'cancelled at the client’s request';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : JSON.stringify(error);
}

/** The simulation job queue of one server process. */
export class RunQueue {
  private readonly waiting: Job[] = [];
  private readonly jobs = new Map<string, Job>();
  private readonly activePerClient = new Map<string, number>();
  private readonly executing = new Set<Promise<void>>();
  private readonly workers: number;
  private running = 0;
  private pool: Piscina<SimulationTask, Result> | undefined;
  private closed = false;
  /** This server's identity, the owner of the runs it queues. */
  readonly serverId: string;

  constructor(
    private readonly store: Store,
    private readonly options: RunQueueOptions,
  ) {
    this.workers = options.workers ?? Math.max(1, availableParallelism() - 1);
    this.serverId = options.serverId ?? randomUUID();
  }

  /** Queued + running runs of a client in this process. */
  activeRuns(clientId: string): number {
    return this.activePerClient.get(clientId) ?? 0;
  }

  /**
   * Admits a run for a client: reserves one of the client's slots, lets `prepare` create or requeue the run in the
   * store under `owner` (this server's id), and queues it. The reservation is given back if `prepare` throws.
   * @throws RunLimitError when the client is at its limit (nothing is stored then).
   */
  async admit(clientId: string, prepare: (owner: string) => Promise<RunRecord>): Promise<RunRecord> {
    if (this.closed) throw new Error('the run queue is shut down');
    if (this.activeRuns(clientId) >= this.options.maxConcurrentRunsPerClient) {
      throw new RunLimitError(clientId, this.options.maxConcurrentRunsPerClient);
    }
    this.activePerClient.set(clientId, this.activeRuns(clientId) + 1);
    let run: RunRecord;
    try {
      run = await prepare(this.serverId);
      // A run stored under another owner (or none) would never start here: a programming error, caught early.
      if (run.server_id !== this.serverId) throw new Error(`run ${run.id} was not stored under this server`);
    } catch (error) {
      this.release(clientId);
      throw error;
    }
    if (this.closed) {
      // The queue shut down while the run was being stored: it will not run here.
      this.release(clientId);
      await this.store.runs.stop(run.id, 'interrupted', INTERRUPTED_BY_SHUTDOWN, this.serverId);
      throw new Error('the run queue is shut down');
    }
    this.enqueue(run, clientId);
    return run;
  }

  /**
   * Queues a run this server took over from a server that is gone (the store already names this server its
   * owner). It counts towards its client's runs here, but is not refused for being over the limit.
   */
  adopt(run: RunRecord): void {
    if (this.closed || this.jobs.has(run.id)) return;
    this.activePerClient.set(run.client_id, this.activeRuns(run.client_id) + 1);
    this.enqueue(run, run.client_id);
  }

  /**
   * Stops working on runs that are no longer this server's (cancelled through another server, or taken over after
   * this one was declared gone), without writing anything: their status belongs to someone else now.
   */
  abandon(runIds: Iterable<string>): void {
    for (const id of runIds) {
      const job = this.jobs.get(id);
      if (job) this.stopJob(job);
    }
  }

  /** The ids of the runs this server has queued or running. */
  ownedRunIds(): string[] {
    return [...this.jobs.keys()];
  }

  private enqueue(run: RunRecord, clientId: string): void {
    const job: Job = {
      runId: run.id,
      clientId,
      scenario: run.scenario,
      uncertaintyDraws: run.uncertainty_draws,
      controller: new AbortController(),
    };
    this.jobs.set(run.id, job);
    this.waiting.push(job);
    this.pump();
  }

  /**
   * Cancels a queued or running run: it becomes `interrupted` with `message` (the worker, if any, is stopped).
   * Returns `false` when the run was not active.
   */
  async cancel(runId: string, message: string = CANCELLED): Promise<boolean> {
    const job = this.jobs.get(runId);
    if (job) this.stopJob(job);
    return this.store.runs.stop(runId, 'interrupted', message);
  }

  /** Stops accepting runs, stops the ones in flight (they become `interrupted`) and closes the pool. */
  async close(): Promise<void> {
    this.closed = true;
    const jobs = [...this.jobs.values()];
    for (const job of jobs) this.stopJob(job);
    await Promise.allSettled([...this.executing]);
    // Only this process's runs: another server sharing the database keeps its own.
    await Promise.all(
      jobs.map((job) =>
        this.store.runs.stop(job.runId, 'interrupted', INTERRUPTED_BY_SHUTDOWN, this.serverId),
      ),
    );
    await this.pool?.destroy();
    this.pool = undefined;
  }

  /** Takes a job off the queue or aborts its worker; the caller records the new status in the store. */
  private stopJob(job: Job): void {
    job.stopped = true;
    const queuedAt = this.waiting.indexOf(job);
    if (queuedAt >= 0) this.waiting.splice(queuedAt, 1);
    else job.controller.abort();
    // The client's slot is free as soon as the stop is acknowledged, not when the worker has wound down (the
    // worker itself stays counted in `running` until then).
    this.forget(job);
  }

  private release(clientId: string): void {
    const n = this.activeRuns(clientId) - 1;
    if (n > 0) this.activePerClient.set(clientId, n);
    else this.activePerClient.delete(clientId);
  }

  private forget(job: Job): void {
    if (this.jobs.delete(job.runId)) this.release(job.clientId);
  }

  private pump(): void {
    while (!this.closed && this.running < this.workers && this.waiting.length > 0) {
      const job = this.waiting.shift() as Job;
      this.running++;
      const execution = this.execute(job)
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => {
          this.running--;
          this.forget(job);
          this.executing.delete(execution);
          this.pump();
        });
      this.executing.add(execution);
    }
  }

  private getPool(): Piscina<SimulationTask, Result> {
    if (!this.pool) {
      const { filename, execArgv } = workerScript('simulate-worker');
      this.pool = new Piscina<SimulationTask, Result>({
        filename,
        execArgv,
        minThreads: 0,
        maxThreads: this.workers,
        idleTimeout: 60_000,
      });
    }
    return this.pool;
  }

  /**
   * Writes a run's start or outcome, retrying while the database is unavailable (see {@link writeWhenAvailable}).
   * Gives up when the queue shuts down (the run is then taken over by another server). Other errors are thrown.
   */
  private finalWrite<T>(job: Job, write: () => Promise<T>): Promise<T> {
    return writeWhenAvailable(write, {
      firstWaitMs: this.options.finalWriteRetryMs ?? 1000,
      givenUp: () => this.closed,
      onRetry: (attempt, error) => this.options.onFinalWriteRetry?.(job.runId, attempt, error),
    });
  }

  private async execute(job: Job): Promise<void> {
    if (job.stopped) return;
    if (!(await this.finalWrite(job, () => this.store.runs.markRunning(job.runId, this.serverId)))) return;
    const onError = (error: unknown): void => this.options.onError?.(error);
    const progress = new ProgressWriter(
      this.store,
      job.runId,
      this.serverId,
      this.options.progressIntervalMs ?? 500,
      onError,
    );
    const channel = new MessageChannel();
    channel.port1.on('message', (message: unknown) => {
      if (isProgressMessage(message)) progress.report(message.progress);
    });
    const maxRunMs = this.options.maxRunMs ?? 3_600_000;
    const timer = setTimeout(() => {
      this.stopJob(job);
      const message = `the run exceeded the time limit of ${maxRunMs / 1000} s`;
      this.store.runs.stop(job.runId, 'failed', message, this.serverId).catch(onError);
    }, maxRunMs);
    try {
      const result = await this.getPool().run(
        { scenario: job.scenario, progressPort: channel.port2, uncertaintyDraws: job.uncertaintyDraws },
        { transferList: [channel.port2], signal: job.controller.signal },
      );
      await progress.stop();
      await this.finalWrite(job, () => this.store.runs.complete(job.runId, result, this.serverId));
    } catch (error) {
      await progress.stop();
      // A run stopped from outside has its status written by whoever stopped it; writing here as well would race
      // with that write (on PostgreSQL they go through different connections).
      if (!job.stopped) {
        const message = messageOf(error);
        await this.finalWrite(job, () => this.store.runs.stop(job.runId, 'failed', message, this.serverId));
      }
    } finally {
      clearTimeout(timer);
      channel.port1.close();
    }
  }
}

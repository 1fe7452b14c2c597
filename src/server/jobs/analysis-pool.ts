// SPDX-License-Identifier: MIT
/**
 * One-thread pools for the CPU-heavy analysis work (pulse detection, a patient's twin), so a long call never blocks
 * the event loop that serves the other requests. Each is separate from the simulation pool, so it never waits
 * behind a long run, and each call has a time limit.
 */
import type { MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { PulseAnalysis, PulseDetectionOptions } from '../../analysis/pulses/detect.js';
import type { HormoneSeries } from '../../analysis/pulses/series.js';
import type { PulseTask } from './analysis-worker.js';
import type { TwinFitOutcome, TwinFitTask } from './twin-worker.js';
import { workerScript } from './worker-module.js';

/** Thrown when a call exceeds its time limit (the worker is stopped). */
export class WorkerTimeoutError extends Error {
  constructor(
    readonly limitMs: number,
    message: string,
  ) {
    super(message);
    this.name = 'WorkerTimeoutError';
  }
}

/** Thrown when an analysis exceeds its time limit. */
export class AnalysisTimeoutError extends WorkerTimeoutError {
  constructor(limitMs: number) {
    super(limitMs, `the analysis did not finish within ${limitMs / 1000} s; send a shorter series`);
    this.name = 'AnalysisTimeoutError';
  }
}

/**
 * A worker module of this folder on one thread, started on first use and stopped after a minute idle, with a time
 * limit per call.
 */
export class TimedWorkerPool<Task, Outcome> {
  private pool: Piscina<Task, Outcome> | undefined;

  constructor(
    /** Base name of the worker module (`analysis-worker`, `twin-worker`). */
    private readonly worker: string,
    /** Most time one call may take, ms. */
    readonly timeoutMs: number,
    /** The error of a call past the limit. */
    private readonly timeoutError: (limitMs: number) => WorkerTimeoutError,
  ) {}

  /**
   * Runs one task on the worker thread, moving `transfer` (e.g. a progress port of the task) to it.
   * @throws the pool's WorkerTimeoutError past the time limit.
   */
  async run(task: Task, transfer?: MessagePort[]): Promise<Outcome> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      return await this.getPool().run(task, transfer ? { signal, transferList: transfer } : { signal });
    } catch (error) {
      if (signal.aborted) throw this.timeoutError(this.timeoutMs);
      throw error;
    }
  }

  /** Stops the worker thread. */
  async close(): Promise<void> {
    await this.pool?.destroy();
    this.pool = undefined;
  }

  private getPool(): Piscina<Task, Outcome> {
    if (!this.pool) {
      const { filename, execArgv } = workerScript(this.worker);
      this.pool = new Piscina<Task, Outcome>({
        filename,
        execArgv,
        minThreads: 0,
        maxThreads: 1,
        idleTimeout: 60_000,
      });
    }
    return this.pool;
  }
}

/** Off-thread pulse detection with a time limit per call. */
export class AnalysisPool {
  private readonly pool: TimedWorkerPool<PulseTask, PulseAnalysis>;

  constructor(
    /** Most time one call may take, ms. */
    timeoutMs: number,
  ) {
    this.pool = new TimedWorkerPool('analysis-worker', timeoutMs, (ms) => new AnalysisTimeoutError(ms));
  }

  /**
   * Pulse detection on a worker thread.
   * @throws AnalysisTimeoutError past the time limit.
   */
  async detectPulses(series: HormoneSeries, options: PulseDetectionOptions): Promise<PulseAnalysis> {
    return this.pool.run({ series, options });
  }

  /** Stops the worker thread. */
  async close(): Promise<void> {
    await this.pool.close();
  }
}

/** Thrown when a twin fit (and its prediction) exceeds its time limit. */
export class FitTimeoutError extends WorkerTimeoutError {
  constructor(limitMs: number) {
    super(limitMs, `the fit did not finish within ${limitMs / 1000} s; fit a shorter history`);
    this.name = 'FitTimeoutError';
  }
}

/** A one-thread pool for twin fits and predictions, with a time limit per call. */
export function twinFitPool(timeoutMs: number): TimedWorkerPool<TwinFitTask, TwinFitOutcome> {
  return new TimedWorkerPool('twin-worker', timeoutMs, (ms) => new FitTimeoutError(ms));
}

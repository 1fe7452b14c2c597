// SPDX-License-Identifier: MIT
/**
 * A one-thread pool for the CPU-heavy analysis functions (pulse detection), so a long fit never blocks the event
 * loop that serves the other requests. Separate from the simulation pool, so it never waits behind a long run.
 */
import { Piscina } from 'piscina';
import type { PulseAnalysis, PulseDetectionOptions } from '../../analysis/pulses/detect.js';
import type { HormoneSeries } from '../../analysis/pulses/series.js';
import type { PulseTask } from './analysis-worker.js';
import { workerScript } from './worker-module.js';

/** Thrown when an analysis exceeds its time limit (the worker is stopped). */
export class AnalysisTimeoutError extends Error {
  constructor(readonly limitMs: number) {
    super(`the analysis did not finish within ${limitMs / 1000} s; send a shorter series`);
    this.name = 'AnalysisTimeoutError';
  }
}

/** Off-thread analysis with a time limit per call. */
export class AnalysisPool {
  private pool: Piscina<PulseTask, PulseAnalysis> | undefined;

  constructor(
    /** Most time one call may take, ms. */
    private readonly timeoutMs: number,
  ) {}

  /**
   * Pulse detection on a worker thread.
   * @throws AnalysisTimeoutError past the time limit.
   */
  async detectPulses(series: HormoneSeries, options: PulseDetectionOptions): Promise<PulseAnalysis> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      return await this.getPool().run({ series, options }, { signal });
    } catch (error) {
      if (signal.aborted) throw new AnalysisTimeoutError(this.timeoutMs);
      throw error;
    }
  }

  /** Stops the worker thread. */
  async close(): Promise<void> {
    await this.pool?.destroy();
    this.pool = undefined;
  }

  private getPool(): Piscina<PulseTask, PulseAnalysis> {
    if (!this.pool) {
      const { filename, execArgv } = workerScript('analysis-worker');
      this.pool = new Piscina<PulseTask, PulseAnalysis>({
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

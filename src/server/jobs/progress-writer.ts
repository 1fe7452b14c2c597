// SPDX-License-Identifier: MIT
/** Persists a run's progress at most once per interval, always ending with the latest value reported. */
import type { Store } from '../../store/index.js';

/** Throttled progress persistence for one running run. */
export class ProgressWriter {
  private latest: number | undefined;
  private lastWriteMs = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly runId: string,
    /** The server that owns the run: a run taken over by another server is no longer written. */
    private readonly owner: string,
    /** Minimum time between two writes, ms. */
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Notes a progress value (0..1); it is written now or when the interval has passed. */
  report(progress: number): void {
    this.latest = progress;
    if (this.timer !== undefined) return;
    const wait = this.lastWriteMs + this.intervalMs - Date.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Stops writing; resolves when the last write has finished. Pending values are dropped (the run is over). */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.latest = undefined;
    await this.writing;
  }

  private flush(): void {
    this.timer = undefined;
    const value = this.latest;
    if (value === undefined) return;
    this.latest = undefined;
    this.lastWriteMs = Date.now();
    this.writing = this.writing
      .then(() => this.store.runs.setProgress(this.runId, value, this.owner))
      .catch(this.onError);
  }
}

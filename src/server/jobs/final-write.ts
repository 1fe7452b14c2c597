// SPDX-License-Identifier: MIT
/**
 * Retrying a job's status write while the database is unavailable, so a run or trial that starts or ends during a
 * database outage ends `done` or `failed` once the database is back instead of staying `queued` or `running`.
 */
import { isDatabaseUnavailable } from '../../store/index.js';

/** How to retry; see {@link writeWhenAvailable}. */
export interface RetryOptions {
  /** First wait before a retry, ms (doubled each time, up to 30 s). */
  readonly firstWaitMs: number;
  /** `true` once the caller shuts down: the write is given up (the job is then taken over or interrupted). */
  readonly givenUp: () => boolean;
  /** Told about each failed attempt that will be retried. */
  readonly onRetry?: (attempt: number, error: unknown) => void;
}

/** Longest wait between two attempts, ms. */
const MAX_WAIT_MS = 30_000;

/**
 * Runs `write`, retrying with growing waits while it fails because the database is unavailable. Other errors, and
 * the last error once the caller has given up, are thrown.
 */
export async function writeWhenAvailable<T>(write: () => Promise<T>, options: RetryOptions): Promise<T> {
  let waitMs = options.firstWaitMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || options.givenUp()) throw error;
      options.onRetry?.(attempt, error);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      waitMs = Math.min(waitMs * 2, MAX_WAIT_MS);
    }
  }
}

// SPDX-License-Identifier: MIT
/** Repetition and median rules shared by every benchmark stage (ours here, the C peer applies the same rule). */

/** How many times to run a measured function. */
export interface RepetitionRule {
  /** Untimed runs first (JIT warm-up, caches). */
  readonly warmup: number;
  /** Least number of timed runs. */
  readonly minReps: number;
  /** Keep repeating until the timed runs add up to at least this many seconds... */
  readonly minSeconds: number;
  /** ...but never more than this many timed runs. */
  readonly maxReps: number;
}

/** The default rule: one warm-up, then at least 5 runs and at least 1 s, at most 50 runs. */
export const DEFAULT_REPETITIONS: RepetitionRule = { warmup: 1, minReps: 5, minSeconds: 1, maxReps: 50 };

/** Timings of one measured function. */
export interface Timing {
  /** Median of the timed runs (milliseconds). */
  readonly medianMs: number;
  /** Every timed run (milliseconds), in run order. */
  readonly timesMs: readonly number[];
  /** Median CPU time of the process (user + system, all threads) over the same runs (milliseconds). */
  readonly cpuMedianMs: number;
}

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
}

/** Runs `fn` per `rule` and returns the median wall time (performance.now) and CPU time of the timed runs. */
export function measure(fn: () => void, rule: RepetitionRule = DEFAULT_REPETITIONS): Timing {
  for (let i = 0; i < rule.warmup; i++) fn();
  const timesMs: number[] = [];
  const cpuMs: number[] = [];
  let totalMs = 0;
  while (
    timesMs.length < rule.maxReps &&
    (timesMs.length < rule.minReps || totalMs < rule.minSeconds * 1e3)
  ) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fn();
    const elapsed = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    timesMs.push(elapsed);
    cpuMs.push((cpu.user + cpu.system) / 1e3);
    totalMs += elapsed;
  }
  return { medianMs: median(timesMs), timesMs, cpuMedianMs: median(cpuMs) };
}

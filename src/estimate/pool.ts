// SPDX-License-Identifier: MIT
/**
 * A pool of worker threads running simulations ({@link RunTask}), or other tasks that give a row of numbers, in
 * parallel, or the same runs in this thread when `workers` is 0. Results come back in the order of the tasks whatever the order of completion, so a
 * computation gives the same numbers on any number of threads.
 */
import { Piscina } from 'piscina';
import { workerModule } from '../engine/worker-module.js';
import { evaluateRun, type RunTask } from './runs.js';

/** Called after each finished run with the count done and the total. */
export type RunProgress = (done: number, total: number) => void;

/** Runs batches of tasks, each giving a row of numbers. */
export interface TaskPool<T> {
  readonly workers: number;
  /** The outputs of every task, in task order. */
  run(tasks: readonly T[], onProgress?: RunProgress): Promise<number[][]>;
  close(): Promise<void>;
}

/** Runs batches of simulations. */
export type RunPool = TaskPool<RunTask>;

/** Where a pool's worker threads find their task function: a module's `import.meta.url` and a sibling's name. */
export interface WorkerSource {
  readonly here: string;
  readonly module: string;
}

/** In-process runs, one after another (for `workers: 0`). */
function inProcessPool<T>(evaluate: (task: T) => number[]): TaskPool<T> {
  return {
    workers: 0,
    run(tasks, onProgress) {
      const out = tasks.map((task, i) => {
        const values = evaluate(task);
        onProgress?.(i + 1, tasks.length);
        return values;
      });
      return Promise.resolve(out);
    },
    close: () => Promise.resolve(),
  };
}

/**
 * A pool of `workers` threads (0: in this thread) running `evaluate` on each task; the worker module of `source`
 * must export the same function as its default. Kept until `close`.
 * @throws RangeError when `workers` is not an integer ≥ 0.
 */
export function createTaskPool<T>(
  workers: number,
  source: WorkerSource,
  evaluate: (task: T) => number[],
): TaskPool<T> {
  if (!(Number.isInteger(workers) && workers >= 0)) {
    throw new RangeError(`workers must be an integer ≥ 0, got ${workers}`);
  }
  if (workers === 0) return inProcessPool(evaluate);
  const { filename, execArgv } = workerModule(source.here, source.module);
  const pool = new Piscina<T, number[]>({
    filename,
    execArgv,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: Number.POSITIVE_INFINITY,
    maxQueue: Number.POSITIVE_INFINITY,
  });
  return {
    workers,
    async run(tasks, onProgress) {
      let done = 0;
      return Promise.all(
        tasks.map(async (task) => {
          const values = await pool.run(task);
          onProgress?.(++done, tasks.length);
          return values;
        }),
      );
    },
    close: () => pool.destroy(),
  };
}

/**
 * A pool of `workers` threads (0: in this thread) running simulations, kept until `close`.
 * @throws RangeError when `workers` is not an integer ≥ 0.
 */
export function createRunPool(workers: number): RunPool {
  return createTaskPool(workers, { here: import.meta.url, module: 'run-worker' }, evaluateRun);
}

// SPDX-License-Identifier: MIT
/**
 * The unit of work of the calibration: one validation case simulated with parameter values set by name, run on a
 * pool of worker threads (`case-worker.ts`) or in this thread.
 */
import { createTaskPool, type TaskPool } from '../estimate/pool.js';
import type { ValidationCase } from './cases.js';
import { caseValue } from './run.js';

/** A case and the parameter values of its run and of its reference run (each only that run's model's). */
export interface CaseTask {
  readonly case: ValidationCase;
  readonly overrides: Readonly<Record<string, number>>;
  readonly referenceOverrides: Readonly<Record<string, number>>;
}

/** The case's value (NaN when the run or the metric fails) and the milliseconds it took. */
export function evaluateCaseTask(task: CaseTask): number[] {
  const started = performance.now();
  let value: number;
  try {
    value = caseValue(task.case, task.overrides, task.referenceOverrides);
  } catch {
    value = Number.NaN;
  }
  return [value, performance.now() - started];
}

/**
 * A pool of `workers` threads (0: in this thread) simulating cases.
 * @throws RangeError when `workers` is not an integer ≥ 0.
 */
export function createCasePool(workers: number): TaskPool<CaseTask> {
  return createTaskPool(workers, { here: import.meta.url, module: 'case-worker' }, evaluateCaseTask);
}

// SPDX-License-Identifier: MIT
/** The worker-thread side of the run pool (loaded by piscina): one run in, its outputs out. */
import { evaluateRun, type RunTask } from './runs.js';

/** Simulates one task. */
export default function runTask(task: RunTask): number[] {
  return evaluateRun(task);
}

// SPDX-License-Identifier: MIT
/** The worker-thread side of the calibration's pool (loaded by piscina): one case with parameter values in, its value out. */
import { evaluateCaseTask, type CaseTask } from './calibration-tasks.js';

/** Simulates one case. */
export default function runCaseTask(task: CaseTask): number[] {
  return evaluateCaseTask(task);
}

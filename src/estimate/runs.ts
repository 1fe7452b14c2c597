// SPDX-License-Identifier: MIT
/**
 * One simulation with parameter values set by name, reduced to named outputs: the unit of work that
 * sensitivities and fits send to the worker threads (`run-worker.ts`) or run in-process.
 */
import type { Scenario } from '../scenario/schema.js';
import { simulate } from '../simulate/index.js';
import { parseOutputSpec, readOutput } from './outputs.js';

/** A run to do: the scenario, the parameter values to set, and the outputs to read. */
export interface RunTask {
  readonly scenario: Scenario;
  readonly overrides: Readonly<Record<string, number>>;
  readonly outputs: readonly string[];
}

/** Simulates one task and returns its outputs in the task's order (NaN where the model gives none). */
export function evaluateRun(task: RunTask): number[] {
  const result = simulate(task.scenario, { parameterOverrides: task.overrides });
  return task.outputs.map((name) => readOutput(result, parseOutputSpec(name, task.scenario.duration_days)));
}

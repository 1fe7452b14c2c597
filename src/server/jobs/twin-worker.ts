// SPDX-License-Identifier: MIT
/** The worker-thread side of twin fitting (loaded by piscina): a fit runs tens of simulations, seconds of CPU. */
import { ScenarioError } from '../../scenario/index.js';
import type { Scenario, ScenarioIssue } from '../../scenario/index.js';
import { fitTwin } from '../../twin/index.js';
import type { TwinFit, TwinLabValue } from '../../twin/index.js';

/** A fit task: a validated history and its labs on scenario days. */
export interface TwinFitTask {
  scenario: Scenario;
  labs: TwinLabValue[];
}

/** The fit, or the caller's input problems (error classes do not cross the thread boundary, issues do). */
export type TwinFitOutcome = { fit: TwinFit } | { issues: ScenarioIssue[] };

/** Fits one twin. */
export default function runTwinFit(task: TwinFitTask): TwinFitOutcome {
  try {
    return { fit: fitTwin({ scenario: task.scenario, labs: task.labs }) };
  } catch (error) {
    if (error instanceof ScenarioError) return { issues: [...error.issues] };
    throw error;
  }
}

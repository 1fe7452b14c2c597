// SPDX-License-Identifier: MIT
/**
 * The worker-thread side of the twin (loaded by piscina): a fit runs tens of simulations and a prediction one per
 * draw, seconds of CPU.
 */
import { ScenarioError } from '../../scenario/index.js';
import type { Scenario, ScenarioIssue } from '../../scenario/index.js';
import { fitTwin, predictTwin } from '../../twin/index.js';
import type { TwinFit, TwinLabValue, TwinPrediction } from '../../twin/index.js';

/** What to predict after the fit: a whole course from day 0 for the fitted patient. */
export interface TwinPredictTask {
  future: Scenario;
  /** Parameter draws, one simulation each. */
  draws: number;
  seed: number;
}

/** A fit task: a validated history and its labs on scenario days, optionally followed by a prediction. */
export interface TwinFitTask {
  scenario: Scenario;
  labs: TwinLabValue[];
  predict?: TwinPredictTask;
}

/** The fit (and prediction, when asked), or the caller's input problems (issues cross threads, errors do not). */
export type TwinFitOutcome = { fit: TwinFit; prediction?: TwinPrediction } | { issues: ScenarioIssue[] };

/** Fits one twin and, when the task asks, predicts its course. */
export default function runTwinFit(task: TwinFitTask): TwinFitOutcome {
  try {
    const fit = fitTwin({ scenario: task.scenario, labs: task.labs });
    if (!task.predict) return { fit };
    const { future, draws, seed } = task.predict;
    return { fit, prediction: predictTwin(fit, future, { draws, seed }) };
  } catch (error) {
    if (error instanceof ScenarioError) return { issues: [...error.issues] };
    throw error;
  }
}

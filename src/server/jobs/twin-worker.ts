// SPDX-License-Identifier: MIT
/**
 * The worker-thread side of the twin (loaded by piscina): a fit runs tens of simulations and a prediction one per
 * draw, seconds of CPU.
 */
import type { MessagePort } from 'node:worker_threads';
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
  /** Receives {@link TwinProgressMessage}s: each simulation of the fit, each draw of the prediction. */
  progressPort?: MessagePort;
}

/** One step of a fit (`total` unknown: it stops when it converges) or of a prediction. */
export interface TwinProgressMessage {
  phase: 'fit' | 'predict';
  done: number;
  total: number | null;
}

/** `true` when a message from the twin worker's port is a {@link TwinProgressMessage}. */
export function isTwinProgressMessage(value: unknown): value is TwinProgressMessage {
  const m = value as Partial<TwinProgressMessage> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    (m.phase === 'fit' || m.phase === 'predict') &&
    typeof m.done === 'number' &&
    (m.total === null || typeof m.total === 'number')
  );
}

/** The fit (and prediction, when asked), or the caller's input problems (issues cross threads, errors do not). */
export type TwinFitOutcome = { fit: TwinFit; prediction?: TwinPrediction } | { issues: ScenarioIssue[] };

/** Fits one twin and, when the task asks, predicts its course. */
export default function runTwinFit(task: TwinFitTask): TwinFitOutcome {
  const post = (message: TwinProgressMessage): void => task.progressPort?.postMessage(message);
  try {
    const fit = fitTwin({
      scenario: task.scenario,
      labs: task.labs,
      onSimulation: (done) => post({ phase: 'fit', done, total: null }),
    });
    if (!task.predict) return { fit };
    const { future, draws, seed } = task.predict;
    const onDraw = (done: number, total: number): void => post({ phase: 'predict', done, total });
    return { fit, prediction: predictTwin(fit, future, { draws, seed, onDraw }) };
  } catch (error) {
    if (error instanceof ScenarioError) return { issues: [...error.issues] };
    throw error;
  } finally {
    task.progressPort?.close();
  }
}

// SPDX-License-Identifier: MIT
/** What the main thread and a simulation worker exchange. */
import type { MessagePort } from 'node:worker_threads';
import type { Scenario } from '../../scenario/index.js';

/** One task for the worker pool: a normalised scenario and the port that carries progress back. */
export interface SimulationTask {
  scenario: Scenario;
  /** Receives {@link ProgressMessage}s while the simulation runs; the worker closes it when done. */
  progressPort: MessagePort;
  /** With a number: add the uncertainty bands of that many draws of the patient's parameters to the result. */
  uncertaintyDraws?: number | null;
}

/** A progress report from a worker. */
export interface ProgressMessage {
  /** Fraction of the simulation done, 0..1. */
  progress: number;
}

/** `true` when a message from a worker's port is a {@link ProgressMessage}. */
export function isProgressMessage(value: unknown): value is ProgressMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { progress?: unknown }).progress === 'number' &&
    Number.isFinite((value as ProgressMessage).progress)
  );
}

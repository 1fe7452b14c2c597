// SPDX-License-Identifier: MIT
/**
 * The worker-thread side of a run (loaded by piscina): simulates one scenario and posts progress through the
 * task's MessagePort, at most every {@link POST_INTERVAL_MS} or every percent, whichever comes first.
 */
import type { Result } from '../../scenario/index.js';
import { simulate } from '../../simulate/index.js';
import type { ProgressMessage, SimulationTask } from './protocol.js';

/** Minimum time between two progress messages, ms (the main thread persists them less often still). */
export const POST_INTERVAL_MS = 100;

/** Simulates the task's scenario; progress goes to `task.progressPort`, the result is the task's value. */
export default function runSimulation(task: SimulationTask): Result {
  let lastProgress = -1;
  let lastPostMs = 0;
  const onProgress = (fraction: number): void => {
    const now = Date.now();
    if (fraction - lastProgress < 0.01 && now - lastPostMs < POST_INTERVAL_MS) return;
    lastProgress = fraction;
    lastPostMs = now;
    task.progressPort.postMessage({ progress: fraction } satisfies ProgressMessage);
  };
  try {
    return simulate(task.scenario, { onProgress });
  } finally {
    task.progressPort.close();
  }
}

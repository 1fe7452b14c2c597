// SPDX-License-Identifier: MIT
/**
 * The worker-thread side of a run (loaded by piscina): simulates one scenario and posts progress through the
 * task's MessagePort, at most every {@link POST_INTERVAL_MS} or every percent, whichever comes first. With
 * `uncertaintyDraws`, it then simulates that many draws of the patient's parameters, one after another on this
 * thread, and adds their 5/50/95 % bands to the result; progress counts the run and each draw alike.
 */
import { createRunPool, uncertaintyBands } from '../../estimate/index.js';
import type { Result } from '../../scenario/index.js';
import { simulate } from '../../simulate/index.js';
import type { ProgressMessage, SimulationTask } from './protocol.js';

/** Minimum time between two progress messages, ms (the main thread persists them less often still). */
export const POST_INTERVAL_MS = 100;

/** Simulates the task's scenario; progress goes to `task.progressPort`, the result is the task's value. */
export default async function runSimulation(task: SimulationTask): Promise<Result> {
  const draws = task.uncertaintyDraws ?? 0;
  const parts = 1 + draws;
  let lastProgress = -1;
  let lastPostMs = 0;
  const post = (fraction: number): void => {
    const now = Date.now();
    if (fraction - lastProgress < 0.01 && now - lastPostMs < POST_INTERVAL_MS) return;
    lastProgress = fraction;
    lastPostMs = now;
    task.progressPort.postMessage({ progress: fraction } satisfies ProgressMessage);
  };
  try {
    const result = simulate(task.scenario, { onProgress: (fraction) => post(fraction / parts) });
    if (draws === 0) return result;
    const pool = createRunPool(0);
    try {
      const { bands, endpoint_bands } = await uncertaintyBands(task.scenario, draws, pool, (done) =>
        post((1 + done) / parts),
      );
      return { ...result, bands, endpoint_bands };
    } finally {
      await pool.close();
    }
  } finally {
    task.progressPort.close();
  }
}

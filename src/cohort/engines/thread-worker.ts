// SPDX-License-Identifier: MIT
/** The worker-thread side of the thread engine (loaded by piscina): one shard in, its outcomes out. */
import type { CohortRow } from '../population.js';
import type { Trial } from '../schema.js';
import { runShard } from '../shards.js';
import type { PatientOutcome } from '../shards.js';

/** One task: the trial and the rows of one shard (only those, to keep the message small). */
export interface ShardTask {
  readonly trial: Trial;
  readonly rows: readonly CohortRow[];
}

/** Simulates every (patient, arm) of the task's rows. */
export default function runShardTask(task: ShardTask): PatientOutcome[] {
  return runShard(task.trial, task.rows, { id: 0, from: 0, to: task.rows.length });
}

// SPDX-License-Identifier: MIT
/**
 * The unit of trial work: one patient in one arm, simulated through `simulate` and reduced to the trial's
 * endpoints. Patients are grouped into shards (contiguous ranges of the cohort table); a shard is one task of the
 * worker-thread pool or one job of the distributed queue, and its outcomes depend on nothing but the trial
 * document and the patient indices, so any engine, retried or not, gets the same numbers.
 */
import { ScenarioError } from '../scenario/parse.js';
import { simulate } from './model.js';
import { patientScenario } from './patient-scenario.js';
import type { CohortRow } from './population.js';
import type { Trial } from './schema.js';

/** A contiguous range of patients `[from, to)` of the cohort table, with a stable id (its index). */
export interface Shard {
  readonly id: number;
  readonly from: number;
  readonly to: number;
}

/** The endpoints of one patient in one arm. */
export interface PatientOutcome {
  readonly patient: number;
  readonly arm: number;
  /** One value per trial endpoint, in the order of `trial.endpoints`; null where the model has no value. */
  readonly values: readonly (number | null)[];
  /** Why this patient could not be simulated in this arm (the values are then all null). */
  readonly error?: string;
}

/** Splits `patients` into shards of `size` patients (the last may be smaller). */
export function planShards(patients: number, size: number): Shard[] {
  if (!(Number.isInteger(size) && size >= 1))
    throw new RangeError(`shard size must be an integer ≥ 1, got ${size}`);
  const shards: Shard[] = [];
  for (let from = 0, id = 0; from < patients; from += size, id++) {
    shards.push({ id, from, to: Math.min(patients, from + size) });
  }
  return shards;
}

/** A shard size giving about `target` shards (at least one patient each), unless the trial sets `shard_size`. */
export function shardSizeFor(trial: Trial, patients: number, target: number): number {
  return trial.output.shard_size ?? Math.max(1, Math.ceil(patients / target));
}

/** The arms a patient is simulated in: every arm (paired) or its allocated arm (parallel). */
export function armsOf(trial: Trial, row: CohortRow): number[] {
  return row.arm === null ? trial.arms.map((_, i) => i) : [row.arm];
}

/** Number of (patient, arm) simulations of a cohort. */
export function unitCount(trial: Trial, rows: readonly CohortRow[]): number {
  return rows.reduce((n, row) => n + armsOf(trial, row).length, 0);
}

function messageOf(error: unknown): string {
  if (error instanceof ScenarioError) return error.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return error instanceof Error ? error.message : String(error);
}

/**
 * Simulates patient `row` in arm `arm` and reads the trial's endpoints. A patient the arm does not suit (or a
 * failure of the model) gives an outcome with `error` and no values, never an exception: one bad patient does
 * not sink a trial, and the result lists it.
 */
export function runPatient(trial: Trial, row: CohortRow, arm: number): PatientOutcome {
  try {
    const result = simulate(patientScenario(trial, row, arm));
    return { patient: row.patient, arm, values: trial.endpoints.map((name) => result.endpoints[name]) };
  } catch (error) {
    return { patient: row.patient, arm, values: trial.endpoints.map(() => null), error: messageOf(error) };
  }
}

/**
 * Runs every (patient, arm) of a shard in order. `onUnit` is called after each simulation (for progress).
 * Synchronous: worker threads call it; the queue worker uses {@link runShardYielding}.
 */
export function runShard(
  trial: Trial,
  rows: readonly CohortRow[],
  shard: Shard,
  onUnit?: () => void,
): PatientOutcome[] {
  const outcomes: PatientOutcome[] = [];
  for (const row of rows.slice(shard.from, shard.to)) {
    for (const arm of armsOf(trial, row)) {
      outcomes.push(runPatient(trial, row, arm));
      onUnit?.();
    }
  }
  return outcomes;
}

/**
 * {@link runShard} that returns to the event loop between simulations, so a process running it keeps its
 * timers (a queue worker's lock renewal) alive.
 */
export async function runShardYielding(
  trial: Trial,
  rows: readonly CohortRow[],
  shard: Shard,
): Promise<PatientOutcome[]> {
  const outcomes: PatientOutcome[] = [];
  for (const row of rows.slice(shard.from, shard.to)) {
    for (const arm of armsOf(trial, row)) {
      outcomes.push(runPatient(trial, row, arm));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  return outcomes;
}

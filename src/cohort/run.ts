// SPDX-License-Identifier: MIT
/**
 * A trial as a pure function of (model, regimens, cohort, seed): sample the cohort, split it into shards, let an
 * engine simulate the shards, analyse the outcomes. Engines differ only in where the shards run (this thread, a
 * worker-thread pool, processes behind a Redis queue); the result is the same JSON whichever is used.
 */
import { analyseTrial } from './analyse.js';
import type { TrialResult } from './analyse.js';
import { sampleCohort } from './population.js';
import type { Cohort } from './population.js';
import type { Trial } from './schema.js';
import { planShards, runShard, shardSizeFor, unitCount } from './shards.js';
import type { PatientOutcome, Shard } from './shards.js';

/** Progress of a trial: simulations done out of the total (one per patient and arm). */
export interface TrialProgress {
  readonly done: number;
  readonly total: number;
}

/** What an engine is given: the trial, its cohort table and the shards to run. */
export interface TrialPlan {
  readonly trial: Trial;
  readonly cohort: Cohort;
  readonly shards: readonly Shard[];
  /** Simulations in all (patients × their arms). */
  readonly units: number;
}

/** What an engine reports back while it runs, and how it is stopped. */
export interface EngineHooks {
  /** Called as simulations finish (at least once per shard). */
  readonly onProgress: (progress: TrialProgress) => void;
  /** Called with each shard's outcomes as it finishes (to keep partial results). */
  readonly onShard?: (shard: Shard, outcomes: readonly PatientOutcome[]) => void;
  /** Aborts the run: it then rejects, and shards not yet finished are not reported. */
  readonly signal?: AbortSignal;
}

/** Where shards run. `run` resolves with the outcomes of every shard of the plan, in any order. */
export interface TrialEngine {
  /** Shards this engine would like (about); the plan is cut to it unless the trial sets `output.shard_size`. */
  readonly targetShards: number;
  run(plan: TrialPlan, hooks: EngineHooks): Promise<PatientOutcome[]>;
}

/** Options of {@link runTrial}. */
export interface RunTrialOptions {
  /** Called once the cohort is sampled and split, before any simulation. */
  readonly onPlan?: (plan: TrialPlan) => void;
  /** Called as simulations finish (at least once per shard), last with done = total. */
  readonly onProgress?: (progress: TrialProgress) => void;
}

/** The cohort and shards of a trial for an engine that wants about `targetShards` shards. */
export function planTrial(trial: Trial, targetShards: number): TrialPlan {
  const cohort = sampleCohort(trial);
  const size = shardSizeFor(trial, cohort.rows.length, targetShards);
  return {
    trial,
    cohort,
    shards: planShards(cohort.rows.length, size),
    units: unitCount(trial, cohort.rows),
  };
}

/**
 * Runs a parsed trial on an engine and returns its result.
 * @throws ScreeningError when the criteria cannot fill the trial; whatever the engine throws.
 */
export async function runTrial(
  trial: Trial,
  engine: TrialEngine,
  options: RunTrialOptions = {},
): Promise<TrialResult> {
  const plan = planTrial(trial, engine.targetShards);
  options.onPlan?.(plan);
  const outcomes = await engine.run(plan, { onProgress: (p) => options.onProgress?.(p) });
  return analyseTrial(trial, plan.cohort, outcomes);
}

/** The simplest engine: every shard in this thread, one after the other. */
export const inProcessEngine: TrialEngine = {
  targetShards: 1,
  run(plan, hooks) {
    let done = 0;
    const outcomes = plan.shards.flatMap((shard) => {
      hooks.signal?.throwIfAborted();
      const part = runShard(plan.trial, plan.cohort.rows, shard, () =>
        hooks.onProgress({ done: ++done, total: plan.units }),
      );
      hooks.onShard?.(shard, part);
      return part;
    });
    return Promise.resolve(outcomes);
  },
};

/**
 * Runs a trial in this thread, synchronously (tests, small trials, the validation report's reference).
 * @throws ScreeningError when the criteria cannot fill the trial.
 */
export function runTrialInProcess(trial: Trial, onProgress?: (progress: TrialProgress) => void): TrialResult {
  const plan = planTrial(trial, 1);
  let done = 0;
  const outcomes = plan.shards.flatMap((shard) =>
    runShard(trial, plan.cohort.rows, shard, () => onProgress?.({ done: ++done, total: plan.units })),
  );
  return analyseTrial(trial, plan.cohort, outcomes);
}

// SPDX-License-Identifier: MIT
/**
 * The population calibration: the maximum a posteriori of the problem's free parameters (on the log scale) by
 * the shared Levenberg–Marquardt (`estimate/levenberg-marquardt.ts`), the weighted case residuals of
 * `calibration-targets.ts` plus the log-normal priors as extra residuals, every simulation of a Jacobian in
 * parallel on a pool of worker threads, and the Laplace approximation of the posterior at the optimum.
 *
 * Deterministic: every case runs with its own seed, the pool returns results in task order, and the search
 * depends on nothing else, so the same problem and model give the same values on any number of workers. After
 * each iteration the search's state goes to a checkpoint file; a run that finds a checkpoint of the same problem
 * and model continues from it and ends where an uninterrupted run would.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import {
  levenbergMarquardt,
  posteriorCovariance,
  type LmPurpose,
  type LmReply,
  type LmState,
} from '../estimate/levenberg-marquardt.js';
import type { Matrix } from '../estimate/numeric.js';
import type { TaskPool } from '../estimate/pool.js';
import { modelDefinition } from '../physiology/model.js';
import { sha256, type CalibrationProblem } from './calibration-problem.js';
import type { CaseTask } from './calibration-tasks.js';
import { targetResidual } from './calibration-targets.js';

/** The objective at one point, split into its two parts, with each case's simulated value. */
export interface ObjectivePoint {
  readonly theta: readonly number[];
  readonly values: readonly number[];
  /** Σ of the squared weighted case residuals. */
  readonly data: number;
  /** Σ of the squared prior residuals. */
  readonly prior: number;
}

/** What a calibration found. */
export interface CalibrationResult {
  readonly before: ObjectivePoint;
  readonly after: ObjectivePoint;
  /** Posterior covariance of ln p (Laplace), in the problem's parameter order. */
  readonly covariance: Matrix;
  /** Jacobian of the weighted case residuals with respect to ln p at the optimum. */
  readonly jacobian: Matrix;
  readonly iterations: number;
  readonly converged: boolean;
  /** Case simulations run in this process (a resumed run counts only its own). */
  readonly simulations: number;
  /** The iteration the run resumed after, if it found a checkpoint. */
  readonly resumedAfter?: number;
  /** Mean seconds of each case's simulation in the first Jacobian, by case id. */
  readonly caseSeconds: Readonly<Record<string, number>>;
}

/** How to run it. */
export interface CalibrateOptions {
  readonly pool: TaskPool<CaseTask>;
  /** Where to keep the state after each iteration; none when undefined. */
  readonly checkpointFile?: string | undefined;
  /** Identifies the model the checkpoint was made with (a checkpoint of another model is not resumed). */
  readonly modelVersion: string;
  readonly onProgress?: ((message: string) => void) | undefined;
}

interface Checkpoint {
  readonly format: 'endotwin-calibration-checkpoint/1';
  readonly problem_sha256: string;
  readonly cases_sha256: Readonly<Record<string, string>>;
  readonly model_version: string;
  readonly before: ObjectivePoint;
  readonly state: LmState;
  readonly state_values: readonly number[];
  readonly case_seconds: Readonly<Record<string, number>>;
}

/**
 * A fingerprint of the model's equations and source parameter values (a checkpoint of another model is not
 * resumed).
 */
export function modelFingerprint(): string {
  return sha256(JSON.stringify(modelDefinition(undefined, undefined, false)));
}

const sumOfSquares = (xs: readonly number[]): number => xs.reduce((s, x) => s + x * x, 0);

/** The prior's mean, SD and bounds on the log scale. */
function logPrior(problem: CalibrationProblem) {
  return {
    mean: problem.parameters.map((q) => Math.log(q.source_value)),
    sd: problem.parameters.map((q) => q.prior_sd_log),
    lower: problem.parameters.map((q) => Math.log(q.bounds[0])),
    upper: problem.parameters.map((q) => Math.log(q.bounds[1])),
  };
}

/** The case tasks of one point: each case with the free parameters of its runs' models. */
function tasksAt(problem: CalibrationProblem, theta: readonly number[]): CaseTask[] {
  const valueOf = new Map<string, number>([
    ...Object.entries(problem.resets),
    ...problem.parameters.map((q, j): [string, number] => [q.name, Math.exp(theta[j])]),
  ]);
  const pick = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, valueOf.get(n) ?? 0]));
  return problem.targets.map((t) => ({
    case: t.case,
    overrides: pick(t.names),
    referenceOverrides: pick(t.referenceNames),
  }));
}

function readCheckpoint(
  file: string | undefined,
  problem: CalibrationProblem,
  model: string,
): Checkpoint | undefined {
  if (file === undefined || !existsSync(file)) return undefined;
  try {
    const c = JSON.parse(readFileSync(file, 'utf8')) as Checkpoint;
    const same =
      c.format === 'endotwin-calibration-checkpoint/1' &&
      c.problem_sha256 === problem.sha256 &&
      JSON.stringify(c.cases_sha256) === JSON.stringify(problem.cases_sha256) &&
      c.model_version === model &&
      c.state.theta.length === problem.parameters.length;
    return same ? c : undefined;
  } catch {
    return undefined; // an unreadable checkpoint (cut short while written elsewhere) is ignored
  }
}

function writeCheckpoint(file: string, checkpoint: Checkpoint): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(checkpoint)}\n`);
  renameSync(temporary, file);
}

/** Removes the checkpoint after a finished run. */
export function removeCheckpoint(file: string | undefined): void {
  if (file !== undefined) rmSync(file, { force: true });
}

/**
 * Runs the calibration of a checked problem.
 * @throws RangeError when the model gives no value for a case at the start or at a Jacobian point (naming it).
 */
export async function calibrate(
  problem: CalibrationProblem,
  options: CalibrateOptions,
): Promise<CalibrationResult> {
  const prior = logPrior(problem);
  const priorCost = (theta: readonly number[]) =>
    sumOfSquares(theta.map((t, j) => (t - prior.mean[j]) / prior.sd[j]));
  const say = options.onProgress ?? (() => undefined);
  const known = new Map<string, readonly number[]>();
  const keyOf = (theta: readonly number[]) => theta.join(',');
  let simulations = 0;
  let iteration = 0;
  let best = Number.NaN;
  let caseSeconds: Record<string, number> = {};

  const evaluate = async (thetas: readonly (readonly number[])[], purpose: LmPurpose): Promise<LmReply> => {
    const perPoint = problem.targets.length;
    const tasks = thetas.flatMap((theta) => tasksAt(problem, theta));
    const what = purpose === 'jacobian' ? 'Jacobian' : purpose === 'trial' ? 'trial step' : 'start';
    const rows = await options.pool.run(tasks, (done, total) => {
      if (done === total || done % Math.max(1, perPoint) === 0)
        say(`iteration ${iteration + 1}: ${what} ${done}/${total} simulations; objective ${best.toFixed(4)}`);
    });
    simulations += tasks.length;
    if (purpose === 'jacobian' && Object.keys(caseSeconds).length === 0) {
      // The first Jacobian's mean per case (the start's runs also load the worker threads' modules).
      const mean = (k: number) =>
        thetas.reduce((sum, _, i) => sum + rows[i * perPoint + k][1], 0) / thetas.length / 1000;
      caseSeconds = Object.fromEntries(problem.targets.map((t, k) => [t.case.id, mean(k)]));
    }
    return thetas.map((theta, i) => {
      const values = rows.slice(i * perPoint, (i + 1) * perPoint).map((row) => row[0]);
      const failed = values.findIndex((v) => !Number.isFinite(v));
      if (failed >= 0) {
        if (purpose === 'trial') return undefined;
        throw new RangeError(
          `case '${problem.targets[failed].case.id}' gives no value at the ${what} point ` +
            `(${problem.parameters.map((q, j) => `${q.name} ${Math.exp(theta[j]).toPrecision(4)}`).join(', ')})`,
        );
      }
      known.set(keyOf(theta), values);
      return values.map((v, k) => targetResidual(problem.targets[k], v));
    });
  };

  const pointOf = (theta: readonly number[], values: readonly number[]): ObjectivePoint => ({
    theta: [...theta],
    values: [...values],
    data: sumOfSquares(values.map((v, k) => targetResidual(problem.targets[k], v))),
    prior: priorCost(theta),
  });

  const checkpoint = readCheckpoint(options.checkpointFile, problem, options.modelVersion);
  let before: ObjectivePoint;
  if (checkpoint === undefined) {
    before = pointOf(
      prior.mean,
      await evaluate([prior.mean], 'start').then(() => known.get(keyOf(prior.mean)) ?? []),
    );
  } else {
    before = checkpoint.before;
    caseSeconds = { ...checkpoint.case_seconds };
    known.set(keyOf(checkpoint.state.theta), checkpoint.state_values);
    iteration = checkpoint.state.iteration;
    say(`resuming after iteration ${iteration} (objective ${checkpoint.state.cost.toFixed(4)})`);
  }
  const start = checkpoint?.state ?? {
    iteration: 0,
    theta: prior.mean,
    r: before.values.map((v, k) => targetResidual(problem.targets[k], v)),
    cost: before.data + before.prior,
    lambda: 1e-2,
  };
  best = start.cost;
  const result = await levenbergMarquardt(
    {
      start: prior.mean,
      priorMean: prior.mean,
      priorSd: prior.sd,
      lower: prior.lower,
      upper: prior.upper,
      jacobianStep: problem.search.jacobian_step,
      maxStep: problem.search.max_step,
      convergedStep: problem.search.converged_step,
      maxIterations: problem.search.max_iterations,
      resume: start,
    },
    evaluate,
    (state) => {
      iteration = state.iteration;
      best = state.cost;
      if (options.checkpointFile !== undefined) {
        writeCheckpoint(options.checkpointFile, {
          format: 'endotwin-calibration-checkpoint/1',
          problem_sha256: problem.sha256,
          cases_sha256: problem.cases_sha256,
          model_version: options.modelVersion,
          before,
          state,
          state_values: known.get(keyOf(state.theta)) ?? [],
          case_seconds: caseSeconds,
        });
      }
      say(`iteration ${state.iteration} done: objective ${state.cost.toFixed(4)}`);
    },
  );
  const theta = result.state.theta;
  const after = pointOf(theta, known.get(keyOf(theta)) ?? []);
  return {
    before,
    after,
    covariance: posteriorCovariance(result.jacobian, prior.sd),
    jacobian: result.jacobian,
    iterations: result.iterations,
    converged: result.converged,
    simulations,
    caseSeconds,
    ...(checkpoint === undefined ? {} : { resumedAfter: checkpoint.state.iteration }),
  };
}

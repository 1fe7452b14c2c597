// SPDX-License-Identifier: MIT
/**
 * Sensitivities of named outputs (`outputs.ts`) to named parameters, every simulation on the run pool:
 *
 * - `local`: normalised elasticities d ln y / d ln p by central differences, (y(p·(1+h)) − y(p·(1−h))) / (2h·y(p));
 * - `morris`: elementary effects (Morris 1991) on r one-at-a-time trajectories over a 4-level grid, each
 *   parameter varied log-uniformly between p/(1+s) and p·(1+s); `value` is μ* (Campolongo 2007), the mean
 *   absolute effect of a move of 2/3 of the range relative to the output at p, with σ the effects' SD;
 * - `sobol`: first-order and total indices by Saltelli sampling (Saltelli 2010 first-order estimator, Jansen's
 *   total estimator) over the same ranges, from N base samples (N·(k + 2) runs for k parameters).
 *
 * Every run of a computation uses the scenario's seed, so the stochastic pulse generator draws the same pulses
 * (common random numbers) and differences reflect the parameter change, not a new draw.
 */
import { Random } from '../engine/random.js';
import type { Scenario } from '../scenario/schema.js';
import { freeParameters, type FreeParameter } from './free-parameters.js';
import { parseOutputSpec } from './outputs.js';
import type { RunPool, RunProgress } from './pool.js';
import type { RunTask } from './runs.js';

/** The sensitivity methods. */
export const SENSITIVITY_METHODS = ['local', 'morris', 'sobol'] as const;
export type SensitivityMethod = (typeof SENSITIVITY_METHODS)[number];

/** What to compute. */
export interface SensitivityRequest {
  readonly scenario: Scenario;
  readonly method: SensitivityMethod;
  readonly outputs: readonly string[];
  /** Parameter names, or `'all'` for every parameter that may vary in this scenario. */
  readonly params: readonly string[] | 'all';
  /** Relative step of the local method (default 0.01). */
  readonly step?: number | undefined;
  /** Relative spread of the global methods: each parameter within [p/(1+s), p·(1+s)] (default 0.2). */
  readonly spread?: number | undefined;
  /** Morris trajectories (default 10). */
  readonly trajectories?: number | undefined;
  /** Sobol base samples N (default 64). */
  readonly samples?: number | undefined;
  /** Seed of the global methods' sampling (default 1). */
  readonly seed?: number | undefined;
}

/** One sensitivity of one output to one parameter; NaN where the output is zero or not given. */
export interface SensitivityEntry {
  readonly output: string;
  readonly parameter: string;
  /** The elasticity (local), μ* (morris) or the total-order index (sobol). */
  readonly value: number;
  readonly measure: 'elasticity' | 'mu_star' | 'total_order';
  /** Morris: SD of the elementary effects. */
  readonly sigma?: number;
  /** Sobol: first-order index. */
  readonly first_order?: number;
}

/** The result of a computation. */
export interface SensitivityReport {
  readonly method: SensitivityMethod;
  readonly outputs: readonly string[];
  readonly parameters: readonly FreeParameter[];
  /** Each output at the parameters' own values. */
  readonly base: readonly number[];
  /** Simulations run. */
  readonly runs: number;
  readonly entries: readonly SensitivityEntry[];
}

/** The number of simulations a request needs for k parameters. */
export function runsNeeded(request: SensitivityRequest, k: number): number {
  switch (request.method) {
    case 'local':
      return 1 + 2 * k;
    case 'morris':
      return 1 + (request.trajectories ?? 10) * (k + 1);
    case 'sobol':
      return 1 + (request.samples ?? 64) * (k + 2);
  }
}

function checkPositive(name: string, value: number, max: number): void {
  if (!(value > 0 && value <= max)) throw new RangeError(`${name} must be in (0, ${max}], got ${value}`);
}

/** A value between p/(1+s) and p·(1+s), log-uniformly placed by x in [0, 1]. */
function scaled(base: number, spread: number, x: number): number {
  return base * Math.exp(Math.log1p(spread) * (2 * x - 1));
}

/** The parameter values of a point of the unit cube. */
function overridesAt(params: readonly FreeParameter[], spread: number, x: readonly number[]) {
  return Object.fromEntries(params.map((p, j) => [p.name, scaled(p.base, spread, x[j])]));
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

function sd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) * (x - m), 0) / (xs.length - 1));
}

/** One entry per (parameter, output), parameters in order, outputs in order within each. */
function perPair(
  params: readonly FreeParameter[],
  outputs: readonly string[],
  entry: (j: number, o: number) => Omit<SensitivityEntry, 'output' | 'parameter'>,
): SensitivityEntry[] {
  return params.flatMap((p, j) =>
    outputs.map((output, o) => ({ output, parameter: p.name, ...entry(j, o) })),
  );
}

interface Plan {
  readonly tasks: RunTask[];
  readonly entries: (values: number[][]) => SensitivityEntry[];
}

function localPlan(r: SensitivityRequest, params: readonly FreeParameter[], task: TaskOf): Plan {
  const h = r.step ?? 0.01;
  checkPositive('step', h, 0.5);
  const tasks = [task({})];
  for (const p of params)
    tasks.push(task({ [p.name]: p.base * (1 + h) }), task({ [p.name]: p.base * (1 - h) }));
  return {
    tasks,
    entries: (v) =>
      perPair(params, r.outputs, (j, o) => ({
        value: (v[1 + 2 * j][o] - v[2 + 2 * j][o]) / (2 * h * v[0][o]),
        measure: 'elasticity',
      })),
  };
}

/** Morris's grid: 4 levels, moves of Δ = 2/3, so each trajectory starts at 0 or 1/3 in every coordinate. */
const MORRIS_DELTA = 2 / 3;

function morrisPlan(r: SensitivityRequest, params: readonly FreeParameter[], task: TaskOf): Plan {
  const spread = r.spread ?? 0.2;
  const trajectories = r.trajectories ?? 10;
  checkPositive('spread', spread, 10);
  checkPositive('trajectories', trajectories, 1000);
  const random = Random.fromSeed(r.seed ?? 1);
  const k = params.length;
  const tasks = [task({})];
  const orders: number[][] = [];
  for (let t = 0; t < trajectories; t++) {
    const x = params.map(() => (random.nextFloat() < 0.5 ? 0 : 1 / 3));
    const order = shuffled(k, random);
    orders.push(order);
    tasks.push(task(overridesAt(params, spread, x)));
    for (const j of order) {
      x[j] += MORRIS_DELTA;
      tasks.push(task(overridesAt(params, spread, x)));
    }
  }
  return {
    tasks,
    entries: (v) =>
      perPair(params, r.outputs, (j, o) => {
        const effects = orders.map((order, t) => {
          const start = 1 + t * (k + 1);
          const step = order.indexOf(j);
          return (v[start + step + 1][o] - v[start + step][o]) / MORRIS_DELTA / Math.abs(v[0][o]);
        });
        return { value: mean(effects.map(Math.abs)), measure: 'mu_star', sigma: sd(effects) };
      }),
  };
}

function sobolPlan(r: SensitivityRequest, params: readonly FreeParameter[], task: TaskOf): Plan {
  const spread = r.spread ?? 0.2;
  const n = r.samples ?? 64;
  checkPositive('spread', spread, 10);
  checkPositive('samples', n, 100000);
  const random = Random.fromSeed(r.seed ?? 1);
  const k = params.length;
  const draw = () => Array.from({ length: n }, () => params.map(() => random.nextFloat()));
  const a = draw();
  const b = draw();
  const tasks = [task({})];
  for (const row of a) tasks.push(task(overridesAt(params, spread, row)));
  for (const row of b) tasks.push(task(overridesAt(params, spread, row)));
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < n; i++) {
      const row = a[i].slice();
      row[j] = b[i][j];
      tasks.push(task(overridesAt(params, spread, row)));
    }
  }
  return {
    tasks,
    entries: (v) =>
      perPair(params, r.outputs, (j, o) => {
        // Centred on the sample mean: the first-order estimator's variance grows with the output's mean.
        const centre = mean(v.slice(1, 1 + 2 * n).map((row) => row[o]));
        const fa = a.map((_, i) => v[1 + i][o] - centre);
        const fb = b.map((_, i) => v[1 + n + i][o] - centre);
        const fab = a.map((_, i) => v[1 + 2 * n + j * n + i][o] - centre);
        const variance = sd([...fa, ...fb]) ** 2;
        const first = mean(fb.map((y, i) => y * (fab[i] - fa[i]))) / variance;
        const total = mean(fa.map((y, i) => (y - fab[i]) ** 2)) / (2 * variance);
        return { value: total, measure: 'total_order', first_order: first };
      }),
  };
}

/** A random permutation of 0..k−1 (Fisher–Yates). */
function shuffled(k: number, random: Random): number[] {
  const order = Array.from({ length: k }, (_, i) => i);
  for (let i = k - 1; i > 0; i--) {
    const j = Math.floor(random.nextFloat() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

type TaskOf = (overrides: Record<string, number>) => RunTask;

const PLANS: Readonly<Record<SensitivityMethod, typeof localPlan>> = {
  local: localPlan,
  morris: morrisPlan,
  sobol: sobolPlan,
};

/**
 * Computes the sensitivities of a request on a run pool.
 * @throws ScenarioError for a parameter that cannot be varied (`params[i]`); OutputSpecError for an unknown
 *   output; RangeError for a step, spread or sample count out of range.
 */
export async function computeSensitivity(
  request: SensitivityRequest,
  pool: RunPool,
  onProgress?: RunProgress,
): Promise<SensitivityReport> {
  const { scenario, outputs } = request;
  if (outputs.length === 0) throw new RangeError('name at least one output');
  for (const name of outputs) parseOutputSpec(name, scenario.duration_days);
  const params = freeParameters(scenario, request.params);
  const task: TaskOf = (overrides) => ({ scenario, overrides, outputs });
  const plan = PLANS[request.method](request, params, task);
  const values = await pool.run(plan.tasks, onProgress);
  return {
    method: request.method,
    outputs,
    parameters: params,
    base: values[0],
    runs: plan.tasks.length,
    entries: plan.entries(values),
  };
}

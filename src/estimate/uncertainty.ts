// SPDX-License-Identifier: MIT
/**
 * Uncertainty bands of a run: the 5/50/95 % quantiles of every daily field (by day) and every endpoint over N
 * simulations of the same scenario, each with its own parameter set:
 *
 * - parameter uncertainty: the population calibration's parameters (`endotwin calibrate`) drawn from its Laplace
 *   posterior, a multivariate normal on the natural-log scale (`calibrated-values.generated.ts`), for every
 *   patient;
 * - between-patient variability, when the patient asks for it (`patient.variability: typical`): the random
 *   effects of `RANDOM_EFFECTS` (patient.ts) around the typical patient of these covariates.
 *
 * Parameters calibrated to one of the patient's baseline labs stay calibrated (they are not drawn).
 */
import { CALIBRATION_FILE } from '../physiology/calibrated-values.js';
import { lognormalFactor } from '../physiology/hypothalamus.js';
import { RANDOM_EFFECTS } from '../physiology/patient.js';
import { Random } from '../engine/random.js';
import { ENDPOINT_NAMES } from '../scenario/result.js';
import type { Scenario } from '../scenario/schema.js';
import { freeParameters } from './free-parameters.js';
import { cholesky, sampleQuantile } from './numeric.js';
import { DAILY_OUTPUT_FIELDS } from './outputs.js';
import type { RunPool, RunProgress } from './pool.js';

/** The 5, 50 and 95 % quantiles, by day for a daily field; null where fewer than half the draws give a value. */
export interface Band<T> {
  readonly p05: T;
  readonly p50: T;
  readonly p95: T;
}

/** The bands of a run (result fields `bands` and `endpoint_bands`). */
export interface UncertaintyBands {
  readonly bands: Record<string, Band<(number | null)[]>>;
  readonly endpoint_bands: Record<string, Band<number | null>>;
  /** Draws simulated. */
  readonly draws: number;
}

/** Stream of the band's random effects, apart from the run's own streams. */
const STREAM_BANDS = 101;
/** Stream of the posterior draws. */
const STREAM_POSTERIOR = 102;

/** The posterior's parameters that this scenario may vary, with a sampler of their joint log-normal draws. */
function posteriorSampler(
  scenario: Scenario,
  drawable: ReadonlySet<string>,
): { names: string[]; draw: () => number[] } {
  const { names, mean_log: mean, covariance_log: covariance } = CALIBRATION_FILE.posterior;
  if (names.length === 0) return { names: [], draw: () => [] };
  const l = cholesky(covariance.map((row) => [...row]));
  const stream = Random.fromSeed(scenario.seed).split(STREAM_POSTERIOR);
  return {
    names: [...names],
    draw: () => {
      const z = names.map(() => stream.normal()); // every name drawn, so the streams stay aligned
      return names.map((name, i) =>
        drawable.has(name) ? Math.exp(mean[i] + l[i].reduce((s, lij, j) => s + lij * z[j], 0)) : Number.NaN,
      );
    },
  };
}

/**
 * The parameter sets of `n` draws: the population calibration's parameters from its posterior, and, when the
 * patient asks for variability, each random-effect parameter at the typical patient's value times a log-normal
 * factor of mean 1 and the documented CV.
 * @throws RangeError when there is nothing to draw (no calibrated parameter in this scenario's model and a patient
 *   without variability).
 */
export function drawParameterSets(scenario: Scenario, n: number): Record<string, number>[] {
  const varies = scenario.patient.variability === 'typical';
  const typical = { ...scenario, patient: { ...scenario.patient, variability: 'none' as const } };
  const free = new Map(freeParameters(typical, 'all').map((p) => [p.name as string, p.base]));
  const posterior = posteriorSampler(scenario, new Set(free.keys()));
  if (!varies && !posterior.names.some((name) => free.has(name))) {
    throw new RangeError(
      "nothing to draw: no parameter of the population calibration is in this scenario's model; set " +
        'patient.variability: typical for between-patient bands',
    );
  }
  const random = Random.fromSeed(scenario.seed).split(STREAM_BANDS);
  const uniform = (): number => random.nextFloat();
  return Array.from({ length: n }, () => {
    const set: Record<string, number> = {};
    posterior.draw().forEach((value, i) => {
      if (Number.isFinite(value)) set[posterior.names[i]] = value;
    });
    if (!varies) return set;
    for (const effect of RANDOM_EFFECTS) {
      const factor = lognormalFactor(effect.cv, uniform); // drawn for every effect, so streams stay aligned
      const base = free.get(effect.parameter);
      if (base !== undefined) set[effect.parameter] = base * factor;
    }
    return set;
  });
}

function band(values: readonly number[], n: number): Band<number | null> {
  const present = values.filter((v) => Number.isFinite(v));
  if (present.length * 2 < n) return { p05: null, p50: null, p95: null };
  return {
    p05: sampleQuantile(present, 0.05),
    p50: sampleQuantile(present, 0.5),
    p95: sampleQuantile(present, 0.95),
  };
}

/**
 * Simulates `n` draws on the pool and returns the bands of every daily field and endpoint.
 * @throws RangeError for `n` outside 2–1000 or nothing to draw (see {@link drawParameterSets}).
 */
export async function uncertaintyBands(
  scenario: Scenario,
  n: number,
  pool: RunPool,
  onProgress?: RunProgress,
): Promise<UncertaintyBands> {
  if (!(Number.isInteger(n) && n >= 2 && n <= 1000)) {
    throw new RangeError(`the number of draws must be an integer from 2 to 1000, got ${n}`);
  }
  const days = Array.from({ length: scenario.duration_days }, (_, d) => d); // the daily rows' days
  const daily = DAILY_OUTPUT_FIELDS.flatMap((field) => days.map((d) => `${field}@${d}`));
  const outputs = [...daily, ...ENDPOINT_NAMES];
  const sets = drawParameterSets(scenario, n);
  const values = await pool.run(
    sets.map((overrides) => ({ scenario, overrides, outputs })),
    onProgress,
  );
  const column = (o: number): number[] => values.map((row) => row[o]);
  const bands: UncertaintyBands['bands'] = {};
  DAILY_OUTPUT_FIELDS.forEach((field, f) => {
    const byDay = days.map((d) => band(column(f * days.length + d), n));
    bands[field] = {
      p05: byDay.map((b) => b.p05),
      p50: byDay.map((b) => b.p50),
      p95: byDay.map((b) => b.p95),
    };
  });
  const endpoint_bands: UncertaintyBands['endpoint_bands'] = {};
  ENDPOINT_NAMES.forEach((name, e) => (endpoint_bands[name] = band(column(daily.length + e), n)));
  return { bands, endpoint_bands, draws: n };
}

// SPDX-License-Identifier: MIT
/**
 * Uncertainty bands of a run: the 5/50/95 % quantiles of every daily field (by day) and every endpoint over N
 * simulations of the same scenario with the patient's random-effect parameters drawn anew.
 *
 * What the band covers today: the inter-individual variability of `RANDOM_EFFECTS` (patient.ts) around the typical
 * patient of these covariates, which is what `patient.variability: typical` asks for. Parameters calibrated to one
 * of the patient's baseline labs stay calibrated (they are not drawn). Parameter uncertainty from a population
 * calibration's posterior is not included: that calibration does not exist yet (docs/estimation.md).
 */
import { lognormalFactor } from '../physiology/hypothalamus.js';
import { RANDOM_EFFECTS } from '../physiology/patient.js';
import { Random } from '../engine/random.js';
import { ENDPOINT_NAMES } from '../scenario/result.js';
import type { Scenario } from '../scenario/schema.js';
import { freeParameters } from './free-parameters.js';
import { sampleQuantile } from './numeric.js';
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

/**
 * The parameter sets of `n` draws: each random-effect parameter at the typical patient's value times a log-normal
 * factor of mean 1 and the documented CV.
 * @throws RangeError when the patient does not ask for variability (nothing to draw).
 */
export function drawParameterSets(scenario: Scenario, n: number): Record<string, number>[] {
  if (scenario.patient.variability !== 'typical') {
    throw new RangeError(
      'uncertainty bands need patient.variability: typical (the posterior of a population calibration, which ' +
        'would give parameter uncertainty for every patient, does not exist yet)',
    );
  }
  const typical = { ...scenario, patient: { ...scenario.patient, variability: 'none' as const } };
  const drawable = new Map(
    freeParameters(typical, 'all')
      .filter((p) => RANDOM_EFFECTS.some((e) => e.parameter === p.name))
      .map((p) => [p.name as string, p.base]),
  );
  const random = Random.fromSeed(scenario.seed).split(STREAM_BANDS);
  const uniform = (): number => random.nextFloat();
  return Array.from({ length: n }, () => {
    const set: Record<string, number> = {};
    for (const effect of RANDOM_EFFECTS) {
      const factor = lognormalFactor(effect.cv, uniform); // drawn for every effect, so streams stay aligned
      const base = drawable.get(effect.parameter);
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
 * @throws RangeError for `n` outside 2–1000 or a patient without variability.
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

// SPDX-License-Identifier: MIT
/**
 * Synthetic pulsatile hormone series with known bursts, for measuring pulse detection and for the example file
 * `examples/gh-series-sample.csv`. Concentrations come from a fine-step numerical integration of the two elimination
 * compartments (not from the closed form the detector fits), so the detector is not tested against its own formula.
 *
 * The random source is a small seeded generator of its own (mulberry32 with Box–Muller normals): the analysis
 * layer may not import the engine's, and a fixed seed gives the same series on every platform.
 */
import type { EliminationKinetics } from './kinetics.js';
import { burstMass, kernelRates, sdFromFwhm } from './kinetics.js';
import type { HormoneSeries } from './series.js';

/** A seeded source of uniform and normal variates. */
export interface Random {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
}

/**
 * A seeded generator: mulberry32 (a 32-bit counter passed through an integer hash) for uniforms, Box–Muller for
 * normals. Small and fast; statistically adequate for test data, not for cryptography or long Monte Carlo runs.
 * @example const random = seededRandom(42); random.uniform();
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  let spare: number | null = null;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
  return { uniform, normal };
}

/** What to simulate; units: minutes, concentration (µg/L for GH), conc/min for secretion. */
export interface SyntheticSpec {
  /** Length of the sampled window, min (samples at 0, Δ, 2Δ, … ≤ duration). */
  readonly durationMin: number;
  /** Sampling interval Δ, min. */
  readonly samplingIntervalMin: number;
  /** Interpulse intervals are uniform in this range, min. */
  readonly interpulseMin: readonly [number, number];
  /** Burst masses are log-normal with this median (conc) … */
  readonly massMedian: number;
  /** … and this SD of the log. */
  readonly massLogSd: number;
  /** Burst FWHM, min. */
  readonly burstFwhmMin: number;
  /** Elimination kinetics. */
  readonly kinetics: EliminationKinetics;
  /** Basal secretion, conc/min. */
  readonly basalSecretion: number;
  /** Assay noise: proportional CV … */
  readonly cv: number;
  /** … and constant SD floor (conc); negative draws are reported as 0. */
  readonly sdFloor: number;
  /** Bursts start this long before the window so it opens on a realistic state, min. */
  readonly leadInMin: number;
}

/** A known burst of a synthetic series. */
export interface TruePulse {
  readonly tMin: number;
  readonly mass: number;
}

/** A synthetic series with the truth it was made from. */
export interface SyntheticSeries {
  readonly series: HormoneSeries;
  /** Noise-free concentrations at the sample times. */
  readonly noiseFree: readonly number[];
  /** Every burst, including those of the lead-in (tMin < 0). */
  readonly pulses: readonly TruePulse[];
}

/**
 * A 24-h GH-like default at 10-min sampling: bursts every 60–150 min, log-normal masses (median 3 µg/L, log-SD
 * 0.6), FWHM 20 min, Faria 1989 kinetics (3.5 and 20.7 min; fast share 0.37), basal secretion holding about
 * 0.05 µg/L, assay CV 7 % plus a 0.02 µg/L floor.
 */
export const GH_SYNTHETIC_DEFAULTS: SyntheticSpec = {
  durationMin: 1440,
  samplingIntervalMin: 10,
  interpulseMin: [60, 150],
  massMedian: 3,
  massLogSd: 0.6,
  burstFwhmMin: 20,
  kinetics: { fastHalfLifeMin: 3.5, slowHalfLifeMin: 20.7, fastFraction: 0.37 },
  basalSecretion: 0.0025,
  cv: 0.07,
  sdFloor: 0.02,
  leadInMin: 300,
};

/** Integration step of the numerical convolution, min. */
const STEP_MIN = 0.05;

function drawPulses(spec: SyntheticSpec, random: Random): TruePulse[] {
  const [shortest, longest] = spec.interpulseMin;
  const pulses: TruePulse[] = [];
  let t = -spec.leadInMin + random.uniform() * longest;
  while (t <= spec.durationMin) {
    pulses.push({ tMin: t, mass: spec.massMedian * Math.exp(spec.massLogSd * random.normal()) });
    t += shortest + random.uniform() * (longest - shortest);
  }
  return pulses;
}

/** Secretion rate at time t (conc/min): basal plus every Gaussian burst. */
function secretionAt(t: number, pulses: readonly TruePulse[], sigma: number, basal: number): number {
  let rate = basal;
  const height = 1 / burstMass(1, sigma);
  for (const p of pulses) {
    const z = (t - p.tMin) / sigma;
    if (Math.abs(z) < 10) rate += p.mass * height * Math.exp(-0.5 * z * z);
  }
  return rate;
}

/**
 * Noise-free concentrations at `sampleTimes` (sorted, ≥ −leadIn) by exact exponential steps of the two
 * compartments under the secretion rate at each step's midpoint, from the basal steady state at −leadIn.
 */
export function integrateConcentration(
  spec: Omit<
    SyntheticSpec,
    'samplingIntervalMin' | 'cv' | 'sdFloor' | 'interpulseMin' | 'massMedian' | 'massLogSd'
  >,
  pulses: readonly TruePulse[],
  sampleTimes: readonly number[],
): number[] {
  const rates = kernelRates(spec.kinetics);
  const sigma = sdFromFwhm(spec.burstFwhmMin);
  const decayFast = Math.exp(-rates.kFast * STEP_MIN);
  const decaySlow = Math.exp(-rates.kSlow * STEP_MIN);
  let fast = (rates.aFast * spec.basalSecretion) / rates.kFast;
  let slow = (rates.aSlow * spec.basalSecretion) / rates.kSlow;
  let step = 0;
  const start = -spec.leadInMin;
  return sampleTimes.map((target) => {
    const steps = Math.round((target - start) / STEP_MIN);
    for (; step < steps; step++) {
      const rate = secretionAt(start + (step + 0.5) * STEP_MIN, pulses, sigma, spec.basalSecretion);
      fast = fast * decayFast + (rates.aFast * rate * (1 - decayFast)) / rates.kFast;
      slow = slow * decaySlow + (rates.aSlow * rate * (1 - decaySlow)) / rates.kSlow;
    }
    return fast + slow;
  });
}

/**
 * A synthetic series with known bursts, sampled every `samplingIntervalMin` over [0, durationMin], with assay noise.
 * @example const { series, pulses } = syntheticGhSeries(GH_SYNTHETIC_DEFAULTS, seededRandom(1));
 */
export function syntheticGhSeries(spec: SyntheticSpec, random: Random): SyntheticSeries {
  const pulses = drawPulses(spec, random);
  const count = Math.floor(spec.durationMin / spec.samplingIntervalMin + 1e-9) + 1;
  const times = Array.from({ length: count }, (_, i) => i * spec.samplingIntervalMin);
  const noiseFree = integrateConcentration(spec, pulses, times);
  const values = noiseFree.map((c) => {
    const sd = Math.sqrt(spec.sdFloor * spec.sdFloor + (spec.cv * c) ** 2);
    return Math.max(0, c + sd * random.normal());
  });
  return { series: { t_min: times, value: values }, noiseFree, pulses };
}

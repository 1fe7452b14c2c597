// SPDX-License-Identifier: MIT
/**
 * The pulsatile problem: a small GH-like model, one simulated year, outputs every 5 minutes. Seeded GHRH-like
 * boluses every 1.5–2 h (larger at night), a nightly subcutaneous peptide dose at 22:30 through a depot, GH with a
 * 19-min half-life driven by a Hill function of GHRH + drug and restrained by IGF-1, and a slow IGF-1-like state
 * (15-h half-life) driven by GH. Thousands of events and short pulses over a long span: the shape of the real
 * model's workload. The numbers are illustrative, chosen to give plausible magnitudes, not calibrated.
 */
import type { CompiledModel, ModelDefinition, ParameterDecl, TimedEvent } from '../../src/engine/types.js';
import { seededUniform } from '../lib/random.js';
import type { BenchCase } from './types.js';

const DAY_MIN = 1440;
const DAYS = 365;
const DOSE_CLOCK_MIN = 22 * 60 + 30;
const DOSE_UG = 100;
const PULSE_SEED = 20240611;
const PULSE_MIN_INTERVAL_MIN = 90;
const PULSE_MAX_INTERVAL_MIN = 120;
const PULSE_MEAN_AMPLITUDE_PG_ML = 40;
/** Night (22:00–06:00) boluses are twice as large on average: sleep-entrained GH release. */
const NIGHT_AMPLITUDE_FACTOR = 2;

function param(name: string, value: number, unit: string, description: string): ParameterDecl {
  return {
    name,
    value,
    unit,
    description,
    source: 'benchmark problem: illustrative value',
    evidence: 'weak',
  };
}

const ln2 = Math.LN2;

/** The model, in four sub-models so that composition is exercised too. */
export const pulsatileModel: ModelDefinition = {
  name: 'bench-pulsatile-gh',
  subModels: [
    {
      name: 'ghrh',
      description: 'GHRH-like hypothalamic signal: boluses arrive as events, first-order clearance.',
      states: [
        { name: 'ghrh_pg_ml', unit: 'pg/mL', description: 'GHRH-like signal', initial: 0, nonNegative: true },
      ],
      parameters: [param('ghrh_k_per_min', ln2 / 7, '1/min', 'GHRH clearance (7-min half-life)')],
      rates: [{ state: 'ghrh_pg_ml', expr: '-ghrh_k_per_min * ghrh_pg_ml' }],
    },
    {
      name: 'peptide',
      description: 'Subcutaneous peptide: depot, first-order absorption, plasma elimination.',
      states: [
        {
          name: 'depot_ug',
          unit: 'ug',
          description: 'Peptide at the injection site',
          initial: 0,
          nonNegative: true,
        },
        { name: 'peptide_ug', unit: 'ug', description: 'Peptide in plasma', initial: 0, nonNegative: true },
      ],
      parameters: [
        param('peptide_ka_per_min', ln2 / 30, '1/min', 'SC absorption (30-min half-life)'),
        param('peptide_kel_per_min', ln2 / 20, '1/min', 'Plasma elimination (20-min half-life)'),
        param('peptide_v_l', 15, 'L', 'Volume of distribution'),
        param(
          'peptide_ec50_ug_l',
          1.5,
          'ug/L',
          'Peptide concentration giving half-maximal GH secretion on its own',
        ),
      ],
      assignments: [{ name: 'peptide_ug_l', expr: 'peptide_ug / peptide_v_l', unit: 'ug/L' }],
      rates: [
        { state: 'depot_ug', expr: '-peptide_ka_per_min * depot_ug' },
        { state: 'peptide_ug', expr: 'peptide_ka_per_min * depot_ug - peptide_kel_per_min * peptide_ug' },
      ],
    },
    {
      name: 'gh',
      description: 'GH secretion (Hill function of GHRH + peptide, inhibited by IGF-1) and clearance.',
      states: [{ name: 'gh_ug_l', unit: 'ug/L', description: 'Plasma GH', initial: 0.2, nonNegative: true }],
      parameters: [
        param('gh_k_per_min', ln2 / 19, '1/min', 'GH clearance (19-min half-life)'),
        param('gh_secretion_max', 1.0, 'ug/L/min', 'Maximal stimulated secretion'),
        param('gh_basal', 0.005, 'ug/L/min', 'Basal secretion'),
        param('gh_ec50_pg_ml', 30, 'pg/mL', 'GHRH at half-maximal secretion'),
        param('gh_hill_n', 2, '1', 'Hill coefficient of the drive'),
        param('igf1_ic50_ng_ml', 300, 'ng/mL', 'IGF-1 halving stimulated secretion'),
      ],
      assignments: [
        {
          name: 'gh_drive',
          expr: 'ghrh_pg_ml / gh_ec50_pg_ml + peptide_ug_l / peptide_ec50_ug_l',
          unit: '1',
          description: 'GHRH and peptide, each relative to its own half-maximal concentration',
        },
        {
          name: 'gh_secretion',
          expr: 'gh_secretion_max * hill(gh_drive, 1, gh_hill_n) * hillinv(igf1_ng_ml, igf1_ic50_ng_ml, 2)',
          unit: 'ug/L/min',
        },
      ],
      rates: [{ state: 'gh_ug_l', expr: 'gh_basal + gh_secretion - gh_k_per_min * gh_ug_l' }],
    },
    {
      name: 'igf1',
      description: 'IGF-1-like slow state: synthesis saturating in GH, 15-h half-life.',
      states: [
        { name: 'igf1_ng_ml', unit: 'ng/mL', description: 'IGF-1-like', initial: 200, nonNegative: true },
      ],
      parameters: [
        param('igf1_k_per_min', ln2 / (15 * 60), '1/min', 'IGF-1 clearance (15-h half-life)'),
        param('igf1_synthesis_max', 0.5, 'ng/mL/min', 'Maximal GH-driven synthesis'),
        param('igf1_gh50_ug_l', 1, 'ug/L', 'GH at half-maximal synthesis'),
      ],
      rates: [
        {
          state: 'igf1_ng_ml',
          expr: 'igf1_synthesis_max * hill(gh_ug_l, igf1_gh50_ug_l, 1) - igf1_k_per_min * igf1_ng_ml',
        },
      ],
      outputs: [
        { name: 'gh_out_ug_l', expr: 'gh_ug_l', unit: 'ug/L', description: 'Plasma GH' },
        { name: 'igf1_out_ng_ml', expr: 'igf1_ng_ml', unit: 'ng/mL', description: 'IGF-1-like' },
        {
          name: 'peptide_out_ug_l',
          expr: 'peptide_ug_l',
          unit: 'ug/L',
          description: 'Peptide concentration',
        },
        { name: 'ghrh_out_pg_ml', expr: 'ghrh_pg_ml', unit: 'pg/mL', description: 'GHRH-like signal' },
      ],
    },
  ],
};

/** True between 22:00 and 06:00 (t in minutes from midnight of day 0). */
function isNight(tMin: number): boolean {
  const clock = tMin % DAY_MIN;
  return clock >= 22 * 60 || clock < 6 * 60;
}

/** Seeded GHRH boluses: intervals uniform in [90, 120] min, amplitude uniform in [0.5, 1.5] × mean (×2 at night). */
export function ghrhBoluses(model: CompiledModel, t1Min: number, seed = PULSE_SEED): TimedEvent[] {
  const index = model.stateIndex('ghrh_pg_ml');
  const uniform = seededUniform(seed);
  const events: TimedEvent[] = [];
  for (let t = uniform() * PULSE_MIN_INTERVAL_MIN; t < t1Min;) {
    const amplitude =
      PULSE_MEAN_AMPLITUDE_PG_ML * (0.5 + uniform()) * (isNight(t) ? NIGHT_AMPLITUDE_FACTOR : 1);
    events.push({ t, target: 'state', index, op: 'add', value: amplitude });
    t += PULSE_MIN_INTERVAL_MIN + (PULSE_MAX_INTERVAL_MIN - PULSE_MIN_INTERVAL_MIN) * uniform();
  }
  return events;
}

/** 100 ug into the SC depot at 22:30 every day. */
export function nightlyDoses(model: CompiledModel, days: number): TimedEvent[] {
  const index = model.stateIndex('depot_ug');
  return Array.from({ length: days }, (_, d) => ({
    t: d * DAY_MIN + DOSE_CLOCK_MIN,
    target: 'state' as const,
    index,
    op: 'add' as const,
    value: DOSE_UG,
  }));
}

/** Both event streams merged in time order (stable: at equal times boluses come first). */
function pulsatileEvents(model: CompiledModel): TimedEvent[] {
  const t1 = DAYS * DAY_MIN;
  return [...ghrhBoluses(model, t1), ...nightlyDoses(model, DAYS)].sort((a, b) => a.t - b.t);
}

/** The case: ours (auto) against CVODE Adams and BDF at matched accuracy. */
export const pulsatileCase: BenchCase = {
  name: 'pulsatile-1y',
  description: 'GH-like pulsatile model, ~5,000 boluses + 365 nightly doses, 1 year, samples every 5 min',
  model: pulsatileModel,
  events: pulsatileEvents,
  t0Min: 0,
  t1Min: DAYS * DAY_MIN,
  sampleIntervalMin: 5,
  ours: { solver: 'auto', rtol: 1e-6, atol: 1e-9 },
  peers: ['cvode-adams', 'cvode-bdf'],
  peerTolerances: 'matched',
  reference: { solver: 'dopri5', rtol: 1e-11, atol: 1e-14 },
  goalSpeedup: 3,
};

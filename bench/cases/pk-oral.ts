// SPDX-License-Identifier: MIT
/** Non-stiff, linear: a one-compartment oral drug given every 12 h for 30 days. */
import type { CompiledModel, ModelDefinition, TimedEvent } from '../../src/engine/types.js';
import type { BenchCase } from './types.js';

const DAY_MIN = 1440;
const DOSE_INTERVAL_MIN = 720;
const DOSE_MG = 100;
const DAYS = 30;

/** One-compartment model with first-order absorption (the Bateman function for one dose). */
export const oralPkModel: ModelDefinition = {
  name: 'bench-oral-pk',
  subModels: [
    {
      name: 'oral-pk',
      description: 'Depot and central compartment, first-order absorption and elimination.',
      states: [
        { name: 'depot_mg', unit: 'mg', description: 'Drug not yet absorbed', initial: 0, nonNegative: true },
        { name: 'central_mg', unit: 'mg', description: 'Drug in the central compartment', initial: 0 },
      ],
      parameters: [
        param('ka_per_min', 1 / 60, '1/min', 'Absorption rate constant (1/h)'),
        param('cl_l_per_min', 5 / 60, 'L/min', 'Clearance (5 L/h)'),
        param('v_l', 50, 'L', 'Volume of distribution'),
      ],
      rates: [
        { state: 'depot_mg', expr: '-ka_per_min * depot_mg' },
        { state: 'central_mg', expr: 'ka_per_min * depot_mg - cl_l_per_min / v_l * central_mg' },
      ],
      outputs: [
        { name: 'conc_mg_l', expr: 'central_mg / v_l', unit: 'mg/L', description: 'Plasma concentration' },
        { name: 'depot_mg_out', expr: 'depot_mg', unit: 'mg', description: 'Drug left in the depot' },
      ],
    },
  ],
};

function param(name: string, value: number, unit: string, description: string) {
  return {
    name,
    value,
    unit,
    description,
    source: 'benchmark problem (textbook-like values)',
    evidence: 'weak' as const,
  };
}

/** 100 mg into the depot every 12 h from t = 0. */
function oralDoses(model: CompiledModel): TimedEvent[] {
  const depot = model.stateIndex('depot_mg');
  const count = (DAYS * DAY_MIN) / DOSE_INTERVAL_MIN;
  return Array.from({ length: count }, (_, k) => ({
    t: k * DOSE_INTERVAL_MIN,
    target: 'state' as const,
    index: depot,
    op: 'add' as const,
    value: DOSE_MG,
  }));
}

/** The case: ours with dopri5 against CVODE Adams and BDF, all at rtol 1e-6. */
export const pkOralCase: BenchCase = {
  name: 'pk-oral-30d',
  description: 'one-compartment oral PK, 100 mg q12h, 30 days, samples every 5 min',
  model: oralPkModel,
  events: oralDoses,
  t0Min: 0,
  t1Min: DAYS * DAY_MIN,
  sampleIntervalMin: 5,
  ours: { solver: 'dopri5', rtol: 1e-6, atol: 1e-9 },
  peers: ['cvode-adams', 'cvode-bdf'],
  peerTolerances: 'same',
  reference: { solver: 'dopri5', rtol: 1e-11, atol: 1e-14 },
};

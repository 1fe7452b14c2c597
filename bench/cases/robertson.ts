// SPDX-License-Identifier: MIT
/** Stiff: Robertson's chemical kinetics (rate constants 0.04, 1e4, 3e7 spanning nine orders of magnitude). */
import type { ModelDefinition } from '../../src/engine/types.js';
import type { BenchCase } from './types.js';

/** Robertson (1966): y1 → y2 (0.04), y2 + y3 → y1 + y3 (1e4), 2 y2 → y2 + y3 (3e7); y1 + y2 + y3 = 1. */
export const robertsonModel: ModelDefinition = {
  name: 'bench-robertson',
  subModels: [
    {
      name: 'robertson',
      description: 'Robertson chemical kinetics, the classic stiff test problem (time unit nominal).',
      states: [
        { name: 'y1', unit: '1', description: 'Species 1', initial: 1 },
        { name: 'y2', unit: '1', description: 'Species 2 (fast, about 3.6e-5 at most)', initial: 0 },
        { name: 'y3', unit: '1', description: 'Species 3', initial: 0 },
      ],
      parameters: [
        param('k1', 0.04, 'y1 → y2'),
        param('k2', 1e4, 'y2 + y3 → y1 + y3'),
        param('k3', 3e7, '2 y2 → y2 + y3'),
      ],
      rates: [
        { state: 'y1', expr: '-k1 * y1 + k2 * y2 * y3' },
        { state: 'y2', expr: 'k1 * y1 - k2 * y2 * y3 - k3 * y2 * y2' },
        { state: 'y3', expr: 'k3 * y2 * y2' },
      ],
      outputs: [
        { name: 'y1_out', expr: 'y1', unit: '1', description: 'Species 1' },
        { name: 'y2_out', expr: 'y2', unit: '1', description: 'Species 2' },
        { name: 'y3_out', expr: 'y3', unit: '1', description: 'Species 3' },
      ],
    },
  ],
};

function param(name: string, value: number, description: string) {
  return {
    name,
    value,
    unit: '1/min',
    description,
    source: 'Robertson 1966 (standard stiff test problem)',
    evidence: 'strong' as const,
  };
}

/** The case: ours with rodas4 against CVODE BDF, both at rtol 1e-6 and atol 1e-10. */
export const robertsonCase: BenchCase = {
  name: 'robertson-stiff',
  description: 'Robertson kinetics to t = 1e5, samples every 100',
  model: robertsonModel,
  events: () => [],
  t0Min: 0,
  t1Min: 1e5,
  sampleIntervalMin: 100,
  ours: { solver: 'rodas4', rtol: 1e-6, atol: 1e-10 },
  peers: ['cvode-bdf'],
  peerTolerances: 'same',
  reference: { solver: 'rodas4', rtol: 1e-11, atol: 1e-16 },
};

// SPDX-License-Identifier: MIT
/**
 * Synthetic chain models shared by the engine's unit tests (their properties) and `npm run bench` (their speed).
 * Keeping one definition means the bench times the same model the tests check.
 */
import type { IntegrableModel } from '../../src/engine/integrate.js';
import type { ModelDefinition, ParameterDecl, SubModel, TimedEvent } from '../../src/engine/types.js';

const param = (name: string, value: number, unit: string): ParameterDecl => ({
  name,
  value,
  unit,
  description: '',
  source: 'synthetic test model',
  evidence: 'strong',
});

/**
 * A declarative ring of n compartments with Hill-driven transfer, one assignment per state and a small periodic
 * source: a compile-size workload (n states, 2n parameters, n assignments, 2n rate terms).
 */
export function hillChainDefinition(n: number): ModelDefinition {
  const subModels: SubModel[] = Array.from({ length: n }, (_, i) => ({
    name: `c${i}`,
    description: `compartment ${i}`,
    states: [{ name: `x${i}`, unit: 'ug/L', description: '', initial: i }],
    parameters: [param(`k${i}`, 0.1, '1/min'), param(`K${i}`, 2, 'ug/L')],
    assignments: [{ name: `flux${i}`, expr: `k${i} * x${i} * hillinv(x${(i + 1) % n}, K${i}, 2)` }],
    rates: [
      { state: `x${i}`, expr: `-flux${i}` },
      { state: `x${(i + 1) % n}`, expr: `flux${i} + 0.001 * max(0, sin(2 * pi * t / 1440))` },
    ],
    outputs: [{ name: `out${i}`, expr: `x${i}`, unit: 'ug/L', description: '' }],
  }));
  return { name: 'chain', subModels };
}

/** A hand-written linear chain of n compartments fed by input 0 and by doses into compartment 0. */
export function linearChainModel(n: number): IntegrableModel {
  const names = Array.from({ length: n }, (_, i) => `c${i}`);
  return {
    stateNames: names,
    parameterNames: ['k'],
    inputNames: ['feed'],
    outputNames: names,
    rhs: (_t, y, p, u, dydt) => {
      const k = p[0];
      dydt[0] = u[0] - k * y[0];
      for (let i = 1; i < n; i++) dydt[i] = k * (y[i - 1] - y[i]) * (1 + 0.1 * i);
    },
    outputsFn: (_t, y, _p, _u, out) => out.set(y),
    initialState: () => new Float64Array(n),
    defaultParameters: () => Float64Array.of(0.02),
    defaultInputs: () => Float64Array.of(0),
  };
}

/**
 * 182 days of a meal-like input (three on/off switches a day) and 32 small boluses a day at irregular times:
 * 38 events a day, 6,916 in all, sorted by time.
 */
export function halfYearOfEvents(): TimedEvent[] {
  const events: TimedEvent[] = [];
  for (let d = 0; d < 182; d++) {
    const day = d * 1440;
    for (const [offset, value] of [
      [420, 1],
      [480, 0],
      [720, 2],
      [780, 0],
      [1080, 1.5],
      [1140, 0],
    ] as const) {
      events.push({ t: day + offset, target: 'input', index: 0, op: 'set', value });
    }
    for (let j = 0; j < 32; j++) {
      events.push({
        t: day + 45 * j + ((j * 7) % 13) + 0.5,
        target: 'state',
        index: 0,
        op: 'add',
        value: 0.1,
      });
    }
  }
  return events.sort((a, b) => a.t - b.t);
}

// SPDX-License-Identifier: MIT
/**
 * The CVODE peer harness is correct before it is fast: on a decay model with a closed-form solution it must
 * reproduce exp(-k t), apply state and input events exactly at their times (a sample at an event time sees the
 * state after the event, as integrate() does), and agree with our integrate() on the same grid. Not a timing test.
 */
import { describe, expect, it } from 'vitest';

import { compileModel } from '../src/engine/compile.js';
import { emitC } from '../src/engine/emit-c.js';
import type { ModelDefinition, TimedEvent } from '../src/engine/types.js';
import { scaledMaxError, type SampledSeries } from './lib/accuracy.js';
import {
  buildHarness,
  checkCvodeToolchain,
  runHarness,
  SUNDIALS_PACKAGE,
  type CvodePeer,
  type CvodeRunSpec,
} from './lib/cvode.js';
import { runOurs, sinkFor, type PreparedProblem } from './lib/ours.js';

const K_PER_MIN = 0.05;
const X0 = 2;

/** dx/dt = infusion - k x, x(0) = 2: pure decay while the infusion input is 0. */
const decayModel: ModelDefinition = {
  name: 'harness-decay',
  subModels: [
    {
      name: 'decay',
      description: 'First-order elimination with an optional zero-order infusion.',
      states: [{ name: 'x_mg', unit: 'mg', description: 'Amount', initial: X0 }],
      parameters: [
        {
          name: 'k_per_min',
          value: K_PER_MIN,
          unit: '1/min',
          description: 'Elimination rate constant',
          source: 'test value',
          evidence: 'weak',
        },
      ],
      inputs: [{ name: 'infusion_mg_min', unit: 'mg/min', description: 'Infusion rate', initial: 0 }],
      rates: [{ state: 'x_mg', expr: 'infusion_mg_min - k_per_min * x_mg' }],
      outputs: [{ name: 'x_out_mg', expr: 'x_mg', unit: 'mg', description: 'Amount' }],
    },
  ],
};

/** Bolus of 3 mg at 60 min, amount halved at 100 min, infusion of 0.2 mg/min from 30 to 90 min. */
const EVENTS: readonly TimedEvent[] = [
  { t: 30, target: 'input', index: 0, op: 'set', value: 0.2 },
  { t: 60, target: 'state', index: 0, op: 'add', value: 3 },
  { t: 90, target: 'input', index: 0, op: 'set', value: 0 },
  { t: 100, target: 'state', index: 0, op: 'mul', value: 0.5 },
];

/** Closed form of the decay model through EVENTS: x relaxes towards R/k with rate k on each piece. */
function exactWithEvents(t: number): number {
  let x = X0;
  let rate = 0;
  let from = 0;
  const relax = (to: number): void => {
    const target = rate / K_PER_MIN;
    x = target + (x - target) * Math.exp(-K_PER_MIN * (to - from));
    from = to;
  };
  for (const e of EVENTS) {
    if (e.t > t) break;
    relax(e.t);
    if (e.target === 'input') rate = e.value;
    else x = e.op === 'add' ? x + e.value : x * e.value;
  }
  relax(t);
  return x;
}

const toolchain = checkCvodeToolchain();
const inCi = process.env['CI'] === 'true';
if (!toolchain.ok && !inCi) {
  console.warn(`skipping the CVODE harness tests (install ${SUNDIALS_PACKAGE}): ${toolchain.reason}`);
}

describe.skipIf(!toolchain.ok && !inCi)(`CVODE harness (Debian package ${SUNDIALS_PACKAGE})`, () => {
  it(`finds gcc and CVODE (${SUNDIALS_PACKAGE}); required under CI=true`, () => {
    expect(toolchain.ok, toolchain.ok ? '' : toolchain.reason).toBe(true);
  });

  const tight = { rtol: 1e-10, atol: 1e-12 };
  const runCvode = (peer: CvodePeer, events: readonly TimedEvent[], t1: number): SampledSeries => {
    const binary = buildHarness(emitC(decayModel), 'test-harness-decay');
    const spec: CvodeRunSpec = {
      t0: 0,
      t1,
      dt: 5,
      ...tight,
      peer,
      repetitions: { warmup: 0, minReps: 1, minSeconds: 0, maxReps: 1 },
      sampleAfterEvent: true,
    };
    const result = runHarness(binary, spec, events, `${peer}-${events.length}`, 1);
    expect(result.samples).toBe(result.series!.times.length);
    return result.series!;
  };

  for (const peer of ['cvode-adams', 'cvode-bdf'] as const) {
    it(`${peer}: samples follow exp(-k t) on the 5-min grid to 1e-6`, () => {
      const series = runCvode(peer, [], 120);
      expect(series.times.length).toBe(25);
      series.times.forEach((t, i) => {
        expect(t).toBe(5 * i);
        expect(Math.abs(series.values[i] - X0 * Math.exp(-K_PER_MIN * t))).toBeLessThan(1e-6 * X0);
      });
    });

    it(`${peer}: state and input events apply exactly at their times, samples at an event see its effect`, () => {
      const series = runCvode(peer, EVENTS, 150);
      series.times.forEach((t, i) => {
        expect(Math.abs(series.values[i] - exactWithEvents(t))).toBeLessThan(1e-6);
      });
      // The sample at 60 min is after the 3-mg bolus: about 3 mg above the value just before it.
      const at60 = series.values[12];
      expect(at60 - exactWithEvents(60 - 1e-9)).toBeCloseTo(3, 6);
    });

    it(`${peer}: agrees with integrate() (dopri5) on the same problem to 1e-6`, () => {
      const model = compileModel(decayModel);
      const problem: PreparedProblem = {
        model,
        events: EVENTS,
        t0: 0,
        t1: 150,
        dt: 5,
        p: model.defaultParameters(),
        y0: model.initialState(),
        u0: model.defaultInputs(),
      };
      const sink = sinkFor(problem);
      runOurs(problem, 'dopri5', tight, sink);
      expect(scaledMaxError(runCvode(peer, EVENTS, 150), sink.series())).toBeLessThan(1e-6);
    });
  }

  it('per-state absolute tolerances (atol_state): equal to the scalar, the same run; looser, fewer steps', () => {
    const binary = buildHarness(emitC(decayModel), 'test-harness-decay');
    const run = (atolStates?: ReadonlyMap<number, number>) =>
      runHarness(
        binary,
        {
          t0: 0,
          t1: 150,
          dt: 5,
          rtol: 1e-8,
          atol: 1e-10,
          ...(atolStates ? { atolStates } : {}),
          peer: 'cvode-adams',
          repetitions: { warmup: 0, minReps: 1, minSeconds: 0, maxReps: 1 },
          sampleAfterEvent: true,
        },
        EVENTS,
        `atol-${atolStates?.get(0) ?? 'scalar'}`,
        1,
      );
    const scalar = run();
    const same = run(new Map([[0, 1e-10]]));
    expect(same.steps).toBe(scalar.steps);
    expect(same.series!.values).toEqual(scalar.series!.values);
    // x is of order 1 mg: an atol of 1e-2 mg dominates rtol·|x| (about 1e-8 mg), so CVODE takes longer steps.
    const loose = run(new Map([[0, 1e-2]]));
    expect(loose.steps).toBeLessThan(scalar.steps);
  });
});

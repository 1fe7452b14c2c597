// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { InvalidOptionError, NonFiniteStateError, StepSizeUnderflowError } from './errors.js';
import { halfYearOfEvents, linearChainModel } from '../../bench/lib/chain-models.js';
import { integrate, type IntegrableModel } from './integrate.js';
import { ArraySink, ReducingSink } from './sinks.js';
import { dopri5 } from './solvers/index.js';
import { systemAsModel, exponentialDecay } from './solvers/reference-problems.js';
import type { TimedEvent } from './types.js';

/**
 * One-compartment model with an infusion input: x' = rate − ke·x. Parameters [ke, scale]; input [rate]; output
 * [x, scale·x]. Written by hand as a compiled model would be.
 */
const infusionModel: IntegrableModel = {
  stateNames: ['x'],
  parameterNames: ['ke', 'scale'],
  inputNames: ['rate'],
  outputNames: ['x', 'scaled'],
  rhs: (_t, y, p, u, dydt) => {
    dydt[0] = u[0] - p[0] * y[0];
  },
  outputsFn: (_t, y, p, _u, out) => {
    out[0] = y[0];
    out[1] = p[1] * y[0];
  },
  initialState: () => Float64Array.of(0),
  defaultParameters: () => Float64Array.of(0.1, 2),
  defaultInputs: () => Float64Array.of(0),
};

const tight = { rtol: 1e-10, atol: 1e-12 };
const stateEvent = (t: number, op: TimedEvent['op'], value: number, index = 0): TimedEvent => ({
  t,
  target: 'state',
  index,
  op,
  value,
});
const inputEvent = (t: number, op: TimedEvent['op'], value: number): TimedEvent => ({
  t,
  target: 'input',
  index: 0,
  op,
  value,
});

describe('integrate: events and inputs', () => {
  it('an infusion switched on and off by input events follows the closed form', () => {
    // Rate R on [10, 40): x = R/ke·(1 − e^(−ke(t − 10))), then decay.
    const R = 3;
    const ke = 0.1;
    const sink = new ArraySink(infusionModel.outputNames);
    const result = integrate({
      model: infusionModel,
      t0: 0,
      t1: 100,
      events: [inputEvent(10, 'set', R), inputEvent(40, 'set', 0)],
      options: tight,
      sink,
      sampleEvery: 5,
    });
    const xAt40 = (R / ke) * (1 - Math.exp(-ke * 30));
    const expected = (t: number): number =>
      t < 10 ? 0 : t <= 40 ? (R / ke) * (1 - Math.exp(-ke * (t - 10))) : xAt40 * Math.exp(-ke * (t - 40));
    const t = sink.time();
    const x = sink.column('x');
    for (let k = 0; k < t.length; k++) expect(x[k]).toBeCloseTo(expected(t[k]), 8);
    expect(sink.column('scaled')[10]).toBeCloseTo(2 * expected(50), 8);
    expect(result.u[0]).toBe(0);
    expect(result.y[0]).toBeCloseTo(expected(100), 8);
  });

  it('takes a sample at an event time after the event, and applies same-time events in array order', () => {
    const sink = new ArraySink(['x', 'scaled']);
    integrate({
      model: infusionModel,
      t0: 0,
      t1: 20,
      // At t = 10: set to 5, then add 1, then double → 12 (any other order gives another number).
      events: [stateEvent(10, 'set', 5), stateEvent(10, 'add', 1), stateEvent(10, 'mul', 2)],
      options: tight,
      sink,
      sampleEvery: 10,
    });
    expect(Array.from(sink.time())).toEqual([0, 10, 20]);
    expect(sink.column('x')[1]).toBe(12);
    expect(sink.column('x')[2]).toBeCloseTo(12 * Math.exp(-1), 9);
  });

  it('applies events at t0 before the first sample and events at t1 before the last', () => {
    const sink = new ArraySink(['x', 'scaled']);
    const result = integrate({
      model: infusionModel,
      t0: 0,
      t1: 10,
      events: [stateEvent(0, 'set', 4), stateEvent(10, 'add', 100)],
      options: tight,
      sink,
      sampleEvery: 10,
    });
    expect(sink.column('x')[0]).toBe(4);
    expect(sink.column('x')[1]).toBeCloseTo(100 + 4 * Math.exp(-1), 9);
    expect(result.y[0]).toBeCloseTo(100 + 4 * Math.exp(-1), 9);
  });

  it('does not modify the caller’s p, y0 and u0 arrays', () => {
    const p = Float64Array.of(0.1, 2);
    const y0 = Float64Array.of(1);
    const u0 = Float64Array.of(0);
    integrate({ model: infusionModel, t0: 0, t1: 5, p, y0, u0, events: [inputEvent(1, 'set', 7)] });
    expect(Array.from(p)).toEqual([0.1, 2]);
    expect(Array.from(y0)).toEqual([1]);
    expect(Array.from(u0)).toEqual([0]);
  });

  it('runs t0 = t1 as a pure event application', () => {
    const result = integrate({ model: infusionModel, t0: 3, t1: 3, events: [stateEvent(3, 'add', 2)] });
    expect(result.y[0]).toBe(2);
    expect(result.stats.steps).toBe(0);
  });
});

describe('integrate: sampling grid', () => {
  it('computes grid times as start + k·every without accumulated rounding', () => {
    const sink = new ArraySink(['x', 'scaled']);
    const result = integrate({
      model: infusionModel,
      t0: 0,
      t1: 100,
      sink,
      sampleEvery: 0.1,
      y0: Float64Array.of(1),
    });
    const t = sink.time();
    expect(t.length).toBe(1001);
    expect(result.samples).toBe(1001);
    for (let k = 0; k < t.length; k++) expect(t[k]).toBe(k * 0.1);
    // Summing 0.1 a thousand times would have drifted: the grid did not.
    let drift = 0;
    for (let k = 0; k < 1000; k++) drift += 0.1;
    expect(drift).not.toBe(100);
    expect(t[1000]).toBe(100);
  });

  it('skips grid times before t0 and starts on the grid', () => {
    const sink = new ArraySink(['x', 'scaled']);
    integrate({ model: infusionModel, t0: 12, t1: 40, sink, sampleEvery: 10, sampleStart: -5 });
    expect(Array.from(sink.time())).toEqual([15, 25, 35]);
  });

  it('samples dense output: values between steps match the closed form', () => {
    const sink = new ArraySink(['y0']);
    integrate({
      model: systemAsModel(exponentialDecay(0.05), [1]),
      t0: 0,
      t1: 200,
      sink,
      sampleEvery: 1,
      solver: 'dopri5',
      options: { rtol: 1e-8, atol: 1e-12 },
    });
    const t = sink.time();
    const y = sink.column('y0');
    for (let k = 0; k < t.length; k++) expect(Math.abs(y[k] - Math.exp(-0.05 * t[k]))).toBeLessThan(1e-8);
  });
});

describe('integrate: progress and observers', () => {
  it('reports increasing progress at most ~100 times, ending with 1', () => {
    const fractions: number[] = [];
    const events = Array.from({ length: 500 }, (_, k) => stateEvent(k * 2, 'add', 1));
    integrate({ model: infusionModel, t0: 0, t1: 1000, events, onProgress: (f) => fractions.push(f) });
    expect(fractions.length).toBeGreaterThan(50);
    expect(fractions.length).toBeLessThanOrEqual(101);
    for (let k = 1; k < fractions.length; k++) expect(fractions[k]).toBeGreaterThan(fractions[k - 1]);
    expect(fractions.at(-1)).toBe(1);
  });

  it('passes every accepted step to the step observer and returns matching stats', () => {
    let observed = 0;
    let last = 0;
    const result = integrate({
      model: infusionModel,
      t0: 0,
      t1: 50,
      y0: Float64Array.of(1),
      stepObserver: (tPrev, t) => {
        expect(tPrev).toBe(last);
        last = t;
        observed++;
      },
    });
    expect(last).toBe(50);
    expect(observed).toBe(result.stats.steps);
  });
});

describe('integrate: validation errors name the field, value and range', () => {
  const run = (extra: Partial<Parameters<typeof integrate>[0]>) => () =>
    integrate({ model: infusionModel, t0: 0, t1: 10, ...extra });

  it('rejects a negative or NaN tolerance', () => {
    expect(run({ options: { rtol: -1 } })).toThrow(new InvalidOptionError('rtol', -1, 'a finite number > 0'));
    expect(run({ options: { rtol: -1 } })).toThrow('rtol must be a finite number > 0, got -1');
    expect(run({ options: { atol: NaN } })).toThrow('atol must be a finite number > 0, got NaN');
    expect(run({ options: { rtol: 1e-6, atol: Float64Array.of(0) } })).toThrow(
      'atol[0] must be a finite number > 0, got 0',
    );
  });

  it('rejects a NaN parameter, naming it', () => {
    const error = captureError(run({ p: Float64Array.of(NaN, 2) }));
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect((error as InvalidOptionError).field).toBe('p[0] (ke)');
    expect((error as InvalidOptionError).code).toBe('INVALID_OPTION');
    expect(String(error)).toContain('p[0] (ke) must be a finite number, got NaN');
  });

  it('rejects a NaN initial state and a wrong-length parameter array', () => {
    expect(run({ y0: Float64Array.of(NaN) })).toThrow('y0[0] (x) must be a finite number, got NaN');
    expect(run({ p: Float64Array.of(1) })).toThrow("p.length must be the model's count (2), got 1");
  });

  it('rejects an event in the past, naming its index', () => {
    const error = captureError(run({ events: [stateEvent(1, 'add', 1), stateEvent(-5, 'add', 1)] }));
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect((error as InvalidOptionError).field).toBe('events[1].t');
    expect(String(error)).toContain('events[1].t must be a time within [t0, t1] = [0, 10] min, got -5');
  });

  it('rejects an event after t1 and unsorted events', () => {
    expect(run({ events: [stateEvent(11, 'add', 1)] })).toThrow('events[0].t must be a time within');
    expect(run({ events: [stateEvent(5, 'add', 1), stateEvent(2, 'add', 1)] })).toThrow(
      "events[1].t must be >= the previous event's time 5 min (events must be sorted), got 2",
    );
  });

  it('rejects an event index out of range, a bad op and a NaN value', () => {
    expect(run({ events: [stateEvent(1, 'add', 1, 3)] })).toThrow(
      'events[0].index must be an integer in [0, 1) (state index), got 3',
    );
    const badOp = { ...stateEvent(1, 'add', 1), op: 'pow' } as unknown as TimedEvent;
    expect(run({ events: [badOp] })).toThrow(`events[0].op must be one of 'set', 'add', 'mul', got "pow"`);
    expect(run({ events: [inputEvent(1, 'set', NaN)] })).toThrow('events[0].value must be a finite number');
  });

  it('rejects a sink without a grid, a bad grid and an unknown solver', () => {
    expect(run({ sink: new ArraySink(['x']) })).toThrow('sampleEvery must be a finite number > 0');
    expect(run({ sink: new ArraySink(['x']), sampleEvery: 0 })).toThrow('sampleEvery must be');
    expect(run({ solver: 'euler' as never })).toThrow("solver must be one of 'dopri5', 'rodas4', 'auto'");
    expect(run({ t1: -1 })).toThrow('t1 must be a finite time (min) >= t0 = 0, got -1');
  });
});

describe('integrate: solver failures are typed and name the state', () => {
  /** z' = sqrt(x) with x' = −1: from t = 1 on, x < 0 and the derivative is NaN. */
  const sqrtModel: IntegrableModel = {
    ...systemAsModel({ n: 2, rhs: () => undefined }, [1, 0]),
    stateNames: ['x', 'z'],
    rhs: (_t, y, _p, _u, dydt) => {
      dydt[0] = -1;
      dydt[1] = Math.sqrt(y[0]);
    },
  };

  it('a derivative that turns NaN mid-run raises NonFiniteStateError with the state name', () => {
    const error = captureError(() => integrate({ model: sqrtModel, t0: 0, t1: 2, solver: 'dopri5' }));
    expect(error).toBeInstanceOf(NonFiniteStateError);
    const e = error as NonFiniteStateError;
    expect(e.code).toBe('NON_FINITE_STATE');
    expect(e.t).toBeCloseTo(1, 5);
    expect(e.stateName).toBeDefined();
    expect(e.message).toMatch(/non-finite value in y\[\d\] \((x|z)\)/);
  });

  it('a NaN derivative at the start (NaN from inside the model) raises NonFiniteStateError', () => {
    const broken: IntegrableModel = { ...infusionModel, rhs: (_t, _y, _p, _u, dydt) => void (dydt[0] = NaN) };
    const error = captureError(() => integrate({ model: broken, t0: 0, t1: 1 }));
    expect(error).toBeInstanceOf(NonFiniteStateError);
    expect((error as Error).message).toContain('y[0] (x) in the derivative at t = 0 min');
  });

  it('finite-time blow-up (y′ = y², y(0) = 1) ends in StepSizeUnderflowError near t = 1', () => {
    const blowUp = systemAsModel({ n: 1, rhs: (_t, y, d) => void (d[0] = y[0] * y[0]) }, [1]);
    const error = captureError(() => integrate({ model: blowUp, t0: 0, t1: 2, solver: dopri5 }));
    expect(error).toBeInstanceOf(StepSizeUnderflowError);
    const e = error as StepSizeUnderflowError;
    // The numerical solution blows up within rounding-and-tolerance distance of the exact singularity at t = 1.
    expect(Math.abs(e.t - 1)).toBeLessThan(1e-5);
    expect(e.stateName).toBe('y0');
  });
});

describe('integrate: long runs', () => {
  it('a year of 5-minute samples reduces to 365 daily windows without storing samples', () => {
    const days: number[] = [];
    const sink = new ReducingSink(2, 1440, (w) => days.push(w.mean[0]));
    // Daily bolus of 10 at 08:00; ke = 0.1/min.
    const events = Array.from({ length: 365 }, (_, d) => stateEvent(d * 1440 + 480, 'add', 10));
    integrate({ model: infusionModel, t0: 0, t1: 365 * 1440 - 5, events, sink, sampleEvery: 5 });
    sink.flush();
    expect(days.length).toBe(365);
    // Mean of x over a day's 288 grid points: Σ_k 10·e^(−0.1·5k) / 288 (yesterday's bolus has decayed by e^−144).
    const gridMean = 10 / (1 - Math.exp(-0.5)) / 288;
    for (const mean of days) expect(mean).toBeCloseTo(gridMean, 7);
  });

  it('a 182-day run with ~7000 events steps through every event and reduces to daily windows', () => {
    // Its speed is a goal of `npm run bench` (bench/engine-goals.ts), not a timed assertion here.
    const events = halfYearOfEvents();
    const days: number[] = [];
    const sink = new ReducingSink(8, 1440, (w) => days.push(w.mean[0]));
    const result = integrate({
      model: linearChainModel(8),
      t0: 0,
      t1: 182 * 1440 - 5,
      events,
      sink,
      sampleEvery: 5,
    });
    sink.flush();
    expect(events.length).toBe(6916);
    expect(result.stats.steps).toBeGreaterThan(events.length);
    expect(days.length).toBe(182);
    for (const mean of days) expect(Number.isFinite(mean) && mean > 0).toBe(true);
  });
});

function captureError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

// SPDX-License-Identifier: MIT
/**
 * One conformance suite, run against every solver: closed forms, published stiff references, exact event times
 * and dense output.
 */
import { describe, expect, it } from 'vitest';
import { InvalidOptionError, NonFiniteStateError, TooManyStepsError } from '../errors.js';
import { integrate } from '../integrate.js';
import { ArraySink } from '../sinks.js';
import type { OdeSolver, OdeSystem, SolverOptions, TimedEvent } from '../types.js';
import { allSolvers } from './index.js';
import {
  ROBERTSON_REFERENCE,
  VAN_DER_POL_REFERENCE_T2,
  batemanCentralAmount,
  exponentialDecay,
  oralOneCompartment,
  robertson,
  systemAsModel,
  vanDerPolScaled,
} from './reference-problems.js';

/** Steps a fresh stepper from 0 to t1 and returns it. */
function solveTo(solver: OdeSolver, system: OdeSystem, y0: number[], t1: number, options: SolverOptions) {
  const stepper = solver.create(system, 0, Float64Array.from(y0), options);
  while (stepper.t < t1) stepper.step(t1);
  return stepper;
}

const relativeError = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

describe.each(allSolvers.map((s) => [s.name, s] as const))('solver %s', (_name, solver) => {
  it('exponential decay matches exp(-k t) at rtol 1e-8 (error < 1e-6)', () => {
    const k = 0.3;
    const stepper = solveTo(solver, exponentialDecay(k), [1], 20, { rtol: 1e-8, atol: 1e-12 });
    expect(stepper.t).toBe(20);
    expect(Math.abs(stepper.y[0] - Math.exp(-k * 20))).toBeLessThan(1e-6);
    expect(relativeError(stepper.y[0], Math.exp(-k * 20))).toBeLessThan(1e-6);
  });

  it('one-compartment oral dose follows the Bateman function', () => {
    const rates = { ka: 0.05, ke: 0.01 };
    const dose = 100;
    const sink = new ArraySink(['depot', 'central']);
    integrate({
      model: systemAsModel(oralOneCompartment(rates), [dose, 0]),
      t0: 0,
      t1: 720,
      solver,
      options: { rtol: 1e-8, atol: 1e-10 },
      sink,
      sampleEvery: 10,
    });
    const t = sink.time();
    const central = sink.column('central');
    expect(sink.length).toBe(73);
    for (let k = 0; k < t.length; k++) {
      expect(Math.abs(central[k] - batemanCentralAmount(rates, dose, t[k]))).toBeLessThan(1e-6 * dose);
    }
  });

  it('repeated oral doses (events adding to the depot) match the superposition of Bateman curves', () => {
    const rates = { ka: 0.02, ke: 0.004 };
    const doseTimes = [0, 480, 960, 1440, 1920, 2400];
    const dose = 50;
    const events: TimedEvent[] = doseTimes.map((t) => ({
      t,
      target: 'state',
      index: 0,
      op: 'add',
      value: dose,
    }));
    const sink = new ArraySink(['depot', 'central']);
    integrate({
      model: systemAsModel(oralOneCompartment(rates), [0, 0]),
      t0: 0,
      t1: 3000,
      events,
      solver,
      options: { rtol: 1e-8, atol: 1e-10 },
      sink,
      sampleEvery: 30,
    });
    const t = sink.time();
    const depot = sink.column('depot');
    const central = sink.column('central');
    for (let k = 0; k < t.length; k++) {
      // A sample at a dose time is taken after the dose: the superposition includes doses at t_i <= t.
      const given = doseTimes.filter((ti) => ti <= t[k]);
      const wantDepot = given.reduce((sum, ti) => sum + dose * Math.exp(-rates.ka * (t[k] - ti)), 0);
      const wantCentral = given.reduce((sum, ti) => sum + batemanCentralAmount(rates, dose, t[k] - ti), 0);
      expect(Math.abs(depot[k] - wantDepot)).toBeLessThan(1e-6 * dose);
      expect(Math.abs(central[k] - wantCentral)).toBeLessThan(1e-6 * dose);
    }
  });

  // Reference: Test Set for IVP Solvers (Mazzia & Iavernaro, Bari), problem VDPOL: ε = 1e-6 (μ = 1000), y(0) = (2, 0).
  it('Van der Pol μ = 1000 on [0, 2] matches the VDPOL reference (stiff solvers) or stops cleanly (explicit)', () => {
    const options = { rtol: 1e-7, atol: 1e-7, maxSteps: 20_000 };
    const system = vanDerPolScaled(1e-6);
    if (!solver.stiff) {
      // Explicit stability needs h ≲ 3.3·ε/|1 − y1²| ≈ 1e-6 here: ~2e6 steps. Require a clean, bounded failure.
      expect(() => solveTo(solver, system, [2, 0], 2, options)).toThrow(TooManyStepsError);
      return;
    }
    const stepper = solveTo(solver, system, [2, 0], 2, options);
    expect(Math.abs(stepper.y[0] - VAN_DER_POL_REFERENCE_T2[0])).toBeLessThan(1e-6);
    expect(Math.abs(stepper.y[1] - VAN_DER_POL_REFERENCE_T2[1])).toBeLessThan(1e-6);
    expect(stepper.stats.steps).toBeLessThan(5000);
  });

  it.each([40, 1e5])('Robertson on [0, %d] matches the reference values', (t1) => {
    const options = { rtol: 1e-8, atol: Float64Array.of(1e-10, 1e-14, 1e-10), maxSteps: 60_000 };
    const reference = ROBERTSON_REFERENCE[t1 === 40 ? '40' : '100000'];
    if (!solver.stiff && t1 > 40) {
      // DOPRI5 is stability-bound at h ≈ 1.4e-3 on this problem: ~7e7 steps to 1e5. Require a bounded failure.
      expect(() => solveTo(solver, robertson(), [1, 0, 0], t1, options)).toThrow(TooManyStepsError);
      return;
    }
    const stepper = solveTo(solver, robertson(), [1, 0, 0], t1, options);
    expect(relativeError(stepper.y[0], reference[0])).toBeLessThan(1e-6);
    expect(relativeError(stepper.y[1], reference[1])).toBeLessThan(1e-5);
    expect(relativeError(stepper.y[2], reference[2])).toBeLessThan(1e-6);
    // The three concentrations sum to 1 (linear invariant, preserved up to rounding).
    expect(Math.abs(stepper.y[0] + stepper.y[1] + stepper.y[2] - 1)).toBeLessThan(1e-12);
  });

  it('Robertson with the analytic Jacobian agrees with finite differences', () => {
    if (!solver.stiff) return;
    const options = { rtol: 1e-8, atol: Float64Array.of(1e-10, 1e-14, 1e-10) };
    const analytic = solveTo(solver, robertson(true), [1, 0, 0], 40, options);
    const reference = ROBERTSON_REFERENCE['40'];
    expect(relativeError(analytic.y[0], reference[0])).toBeLessThan(1e-6);
    expect(relativeError(analytic.y[1], reference[1])).toBeLessThan(1e-5);
  });

  it('ends a step exactly at every event time', () => {
    const events: TimedEvent[] = [1 / 3, 2.718281828, 7.1, 7.1, 10 + Math.PI, 29.999999].map((t) => ({
      t,
      target: 'state',
      index: 0,
      op: 'add',
      value: 1,
    }));
    const stepEnds: number[] = [];
    integrate({
      model: systemAsModel(oralOneCompartment({ ka: 0.5, ke: 0.1 }), [1, 0]),
      t0: 0,
      t1: 30,
      events,
      solver,
      options: { rtol: 1e-6, atol: 1e-9 },
      stepObserver: (_tPrev, t) => stepEnds.push(t),
    });
    for (const e of events) expect(stepEnds).toContain(e.t);
    expect(stepEnds.at(-1)).toBe(30);
    // Time never goes backwards and no step ends past t1.
    for (let k = 1; k < stepEnds.length; k++) expect(stepEnds[k]).toBeGreaterThan(stepEnds[k - 1]);
  });

  it('dense output agrees with a tight-tolerance solution, as closely as the step ends themselves do', () => {
    // Van der Pol with μ = 1 (ε = 1): non-stiff, nonlinear, no closed form. Truth: the same solver at 1e-12,
    // stopped exactly at every grid time and every step end of the loose run.
    const system = vanDerPolScaled(1);
    const y0 = Float64Array.of(2, 0);
    const grid = Array.from({ length: 1001 }, (_, k) => k * 0.01);
    const truthAt = (times: readonly number[]): number[][] => {
      const tight = solver.create(system, 0, y0, { rtol: 1e-12, atol: 1e-12 });
      return times.map((t) => {
        while (tight.t < t) tight.step(t);
        return Array.from(tight.y);
      });
    };
    const loose = solver.create(system, 0, y0, { rtol: 1e-8, atol: 1e-8 });
    const out = new Float64Array(2);
    const dense: number[][] = [];
    const stepEnds: number[] = [];
    const stepValues: number[][] = [];
    let interior = 0;
    while (loose.t < 10) {
      loose.step(10);
      stepEnds.push(loose.t);
      stepValues.push(Array.from(loose.y));
      for (let k = dense.length; k < grid.length && grid[k] <= loose.t; k++) {
        if (grid[k] > loose.tPrev && grid[k] < loose.t) interior++;
        loose.interpolate(grid[k], out);
        dense.push(Array.from(out));
      }
    }
    const worst = (got: number[][], want: number[][]): number =>
      Math.max(...got.map((g, k) => Math.max(Math.abs(g[0] - want[k][0]), Math.abs(g[1] - want[k][1]))));
    const denseError = worst(dense, truthAt(grid));
    const stepEndError = worst(stepValues, truthAt(stepEnds));
    expect(dense.length).toBe(grid.length);
    expect(interior).toBeGreaterThan(grid.length / 2); // most grid times fall strictly inside a step
    expect(stepEndError).toBeLessThan(1e-6);
    // The interpolant is as accurate as the integrator (measured ratios: DOPRI5 1.9, RODAS4 1.03).
    expect(denseError).toBeLessThan(3 * stepEndError);
  });

  it('interpolation reproduces both ends of the last step exactly', () => {
    const stepper = solver.create(exponentialDecay(1), 0, Float64Array.of(1), { rtol: 1e-6, atol: 1e-9 });
    const before = Float64Array.from(stepper.y);
    stepper.step(5);
    const out = new Float64Array(1);
    stepper.interpolate(stepper.tPrev, out);
    expect(out[0]).toBe(before[0]);
    stepper.interpolate(stepper.t, out);
    expect(out[0]).toBeCloseTo(stepper.y[0], 14);
  });

  it('reset restarts from a new state and keeps counting', () => {
    const stepper = solver.create(exponentialDecay(0.1), 0, Float64Array.of(1), { rtol: 1e-9, atol: 1e-12 });
    while (stepper.t < 5) stepper.step(5);
    const steps = stepper.stats.steps;
    stepper.reset(5, Float64Array.of(2));
    expect(stepper.t).toBe(5);
    expect(stepper.y[0]).toBe(2);
    while (stepper.t < 15) stepper.step(15);
    expect(relativeError(stepper.y[0], 2 * Math.exp(-1))).toBeLessThan(1e-8);
    expect(stepper.stats.steps).toBeGreaterThan(steps);
  });

  it('never takes a step longer than maxStep', () => {
    const stepper = solver.create(exponentialDecay(1e-3), 0, Float64Array.of(1), {
      rtol: 1e-3,
      atol: 1e-6,
      maxStep: 7,
    });
    while (stepper.t < 100) {
      stepper.step(100);
      // (tPrev + h) − tPrev may exceed h by rounding in t.
      expect(stepper.t - stepper.tPrev).toBeLessThanOrEqual(7 + 4 * Number.EPSILON * stepper.t);
    }
  });

  it('rejects bad options and a stop time that is not ahead, naming the field', () => {
    const create =
      (options: SolverOptions, y0 = Float64Array.of(1)) =>
      () =>
        solver.create(exponentialDecay(1), 0, y0, options);
    expect(create({ rtol: 0, atol: 1e-9 })).toThrow('rtol must be a finite number > 0, got 0');
    expect(create({ rtol: 1e-6, atol: Float64Array.of(1e-9, 1e-9) })).toThrow(
      'atol.length must be the number of states (1), got 2',
    );
    expect(create({ rtol: 1e-6, atol: 1e-9, maxSteps: 0 })).toThrow(
      'maxSteps must be an integer >= 1, got 0',
    );
    expect(create({ rtol: 1e-6, atol: 1e-9, maxStep: -1 })).toThrow(
      'maxStep must be a finite number > 0, got -1',
    );
    expect(create({ rtol: 1e-6, atol: 1e-9 }, Float64Array.of(NaN))).toThrow(
      'y0[0] must be a finite number, got NaN',
    );
    const stepper = solver.create(exponentialDecay(1), 0, Float64Array.of(1), { rtol: 1e-6, atol: 1e-9 });
    expect(() => stepper.step(0)).toThrow(InvalidOptionError);
  });

  it('raises NonFiniteStateError when the derivative is NaN at the start (a NaN parameter inside the model)', () => {
    const kel = NaN;
    const system: OdeSystem = { n: 1, rhs: (_t, y, d) => void (d[0] = -kel * y[0]) };
    expect(() => solver.create(system, 0, Float64Array.of(1), { rtol: 1e-6, atol: 1e-9 })).toThrow(
      NonFiniteStateError,
    );
  });

  it('uses the analytic Jacobian when the system provides one (stiff solvers)', () => {
    if (!solver.stiff) return;
    const options = { rtol: 1e-6, atol: 1e-6 };
    const fd = solveTo(solver, vanDerPolScaled(1e-6), [2, 0], 0.5, options);
    const exact = solveTo(solver, vanDerPolScaled(1e-6, true), [2, 0], 0.5, options);
    expect(exact.stats.jacobianEvals).toBeGreaterThan(0);
    // Finite differences cost n = 2 extra evaluations per Jacobian; the analytic hook does not.
    expect(exact.stats.rhsEvals).toBeLessThan(fd.stats.rhsEvals);
    expect(Math.abs(exact.y[0] - fd.y[0])).toBeLessThan(1e-4);
  });
});

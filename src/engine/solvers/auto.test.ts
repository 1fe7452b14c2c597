// SPDX-License-Identifier: MIT
/** The `auto` solver's switching rule: stays explicit on non-stiff problems, switches once on stiff ones. */
import { describe, expect, it } from 'vitest';
import { integrate } from '../integrate.js';
import type { TimedEvent } from '../types.js';
import type { AutoStepper } from './index.js';
import { auto, dopri5 } from './index.js';
import {
  VAN_DER_POL_REFERENCE_T2,
  exponentialDecay,
  pkChain,
  robertson,
  systemAsModel,
  vanDerPolScaled,
} from './reference-problems.js';

function run(stepper: AutoStepper, t1: number): AutoStepper {
  while (stepper.t < t1) stepper.step(t1);
  return stepper;
}

describe('auto solver', () => {
  it('stays with DOPRI5 on non-stiff problems (no Jacobian is ever formed)', () => {
    const decay = run(
      auto.create(exponentialDecay(0.2), 0, Float64Array.of(1), { rtol: 1e-6, atol: 1e-9 }) as AutoStepper,
      50,
    );
    expect(decay.method).toBe('dopri5');
    expect(decay.switchedAt).toBeUndefined();
    expect(decay.stats.jacobianEvals).toBe(0);

    const oscillator = run(
      auto.create(vanDerPolScaled(1), 0, Float64Array.of(2, 0), { rtol: 1e-6, atol: 1e-9 }) as AutoStepper,
      20,
    );
    expect(oscillator.method).toBe('dopri5');
  });

  it('switches to RODAS4 on Van der Pol μ = 1000 and still meets the VDPOL reference', () => {
    const stepper = run(
      auto.create(vanDerPolScaled(1e-6), 0, Float64Array.of(2, 0), { rtol: 1e-7, atol: 1e-7 }) as AutoStepper,
      2,
    );
    expect(stepper.method).toBe('rodas4');
    expect(stepper.switchedAt).toBeGreaterThan(0);
    expect(stepper.switchedAt).toBeLessThan(1e-3); // within the first few dozen explicit steps
    expect(Math.abs(stepper.y[0] - VAN_DER_POL_REFERENCE_T2[0])).toBeLessThan(1e-6);
    // Far fewer steps than explicit stability would allow (h ≈ 1e-6 → ~2e6 steps).
    expect(stepper.stats.steps).toBeLessThan(5000);
  });

  it('switches on Robertson after the initial transient', () => {
    const options = { rtol: 1e-8, atol: Float64Array.of(1e-10, 1e-14, 1e-10) };
    const stepper = run(auto.create(robertson(), 0, Float64Array.of(1, 0, 0), options) as AutoStepper, 40);
    expect(stepper.method).toBe('rodas4');
    const explicitOnly = dopri5.create(robertson(), 0, Float64Array.of(1, 0, 0), options);
    while (explicitOnly.t < 40) explicitOnly.step(40);
    expect(stepper.stats.steps * 10).toBeLessThan(explicitOnly.stats.steps);
  });

  it('keeps the stiff method across event resets', () => {
    // Fast absorption and elimination (stiff relative to a 2-day horizon) with daily doses.
    const rates = { ka: 2, k12: 0.5, k21: 0.2, k10: 1 };
    const events: TimedEvent[] = [0, 1440].map((t) => ({
      t,
      target: 'state',
      index: 0,
      op: 'add',
      value: 100,
    }));
    const methods = new Set<string>();
    const result = integrate({
      model: systemAsModel(pkChain(rates), [0, 0, 0, 0]),
      t0: 0,
      t1: 2880,
      events,
      solver: {
        ...auto,
        create: (system, t0, y0, options) => {
          const stepper = auto.create(system, t0, y0, options) as AutoStepper;
          const step = stepper.step.bind(stepper);
          stepper.step = (tStop) => {
            step(tStop);
            methods.add(stepper.method);
          };
          return stepper;
        },
      },
      options: { rtol: 1e-6, atol: 1e-9 },
    });
    expect([...methods]).toEqual(['dopri5', 'rodas4']);
    expect(result.stats.jacobianEvals).toBeGreaterThan(0);
    expect(Math.abs(result.y.reduce((a, b) => a + b, 0) - 200)).toBeLessThan(1e-5);
  });

  it('dense output stays consistent through the switch: each step starts where the last one ended', () => {
    const stepper = auto.create(vanDerPolScaled(1e-6), 0, Float64Array.of(2, 0), {
      rtol: 1e-6,
      atol: 1e-6,
    }) as AutoStepper;
    const previous = Float64Array.from(stepper.y);
    const out = new Float64Array(2);
    let sawSwitch = false;
    while (stepper.t < 0.01) {
      const before = stepper.method;
      stepper.step(0.01);
      sawSwitch ||= before !== stepper.method;
      stepper.interpolate(stepper.tPrev, out);
      expect(Math.abs(out[0] - previous[0])).toBeLessThanOrEqual(1e-12 * Math.abs(previous[0]));
      expect(Math.abs(out[1] - previous[1])).toBeLessThanOrEqual(1e-12 * Math.abs(previous[1]) + 1e-15);
      previous.set(stepper.y);
    }
    expect(sawSwitch).toBe(true);
  });
});

// SPDX-License-Identifier: MIT
/**
 * The default solver: starts with DOPRI5 and switches to RODAS4 for the rest of the run as soon as DOPRI5's
 * stiffness test fires: Hairer's test (Hairer & Wanner, Solving ODEs II, §IV.2) with the threshold lowered from
 * h·|λ| > 3.25 to 2.5 (15 such accepted steps without 6 calm ones in between; see `dopri5.ts` for why). The switch
 * is one-way: once a model has shown stiffness the stiff solver keeps it, also across event resets, which avoids
 * paying the detection again after every dose. Tested in `auto.test.ts`: non-stiff problems never form a Jacobian;
 * Van der Pol μ = 1000 switches within the first millisecond of model time, Robertson after its transient.
 */
import type { OdeSolver, OdeStepper, OdeSystem, SolverOptions, SolverStats } from '../types.js';
import { createStats } from './common.js';
import { Dopri5Stepper } from './dopri5.js';
import { Rodas4Stepper } from './rodas4.js';

/** Which method an {@link AutoStepper} is currently using. */
export type AutoMethod = 'dopri5' | 'rodas4';

/** A stepper that runs DOPRI5 until the problem looks stiff, then RODAS4. */
export class AutoStepper implements OdeStepper {
  readonly stats: SolverStats = createStats();
  /** Time (minutes) at which the switch to RODAS4 happened, undefined while still explicit. */
  switchedAt: number | undefined;

  private readonly explicit: Dopri5Stepper;
  private stiff: Rodas4Stepper | undefined;
  private active: OdeStepper;
  private switchPending = false;

  constructor(
    private readonly system: OdeSystem,
    t0: number,
    y0: Float64Array,
    private readonly options: SolverOptions,
  ) {
    this.explicit = new Dopri5Stepper(system, t0, y0, options);
    this.active = this.explicit;
    this.syncStats();
  }

  /** The method taking the steps now. */
  get method(): AutoMethod {
    return this.active === this.explicit ? 'dopri5' : 'rodas4';
  }

  get t(): number {
    return this.active.t;
  }

  get tPrev(): number {
    return this.active.tPrev;
  }

  get y(): Float64Array {
    return this.active.y;
  }

  step(tStop: number): void {
    // Switch lazily so that interpolation over the last explicit step stays available until the next step.
    if (this.switchPending) this.switchToStiff();
    this.active.step(tStop);
    if (this.active === this.explicit && this.explicit.stiffnessDetected) this.switchPending = true;
    this.syncStats();
  }

  interpolate(t: number, out: Float64Array): void {
    this.active.interpolate(t, out);
  }

  reset(t: number, y: Float64Array): void {
    if (this.switchPending) this.switchToStiff();
    this.active.reset(t, y);
    this.syncStats();
  }

  private switchToStiff(): void {
    const from = this.explicit;
    this.stiff = new Rodas4Stepper(this.system, from.t, from.y, {
      ...this.options,
      initialStep: from.stepHint,
    });
    this.active = this.stiff;
    this.switchedAt = from.t;
    this.switchPending = false;
  }

  private syncStats(): void {
    const a = this.explicit.stats;
    const s = this.stats;
    s.steps = a.steps;
    s.rejected = a.rejected;
    s.rhsEvals = a.rhsEvals;
    s.jacobianEvals = a.jacobianEvals;
    s.factorizations = a.factorizations;
    if (this.stiff) {
      const b = this.stiff.stats;
      s.steps += b.steps;
      s.rejected += b.rejected;
      s.rhsEvals += b.rhsEvals;
      s.jacobianEvals += b.jacobianEvals;
      s.factorizations += b.factorizations;
    }
  }
}

/**
 * DOPRI5 with a one-way switch to RODAS4 when Hairer's stiffness test fires. The right default when a model's
 * stiffness is unknown: non-stiff models pay only the O(n) test per step.
 */
export const auto: OdeSolver = {
  name: 'auto',
  // Handles stiff problems (by switching), so the conformance suite holds it to the stiff references.
  stiff: true,
  create(system: OdeSystem, t0: number, y0: Float64Array, options: SolverOptions): AutoStepper {
    return new AutoStepper(system, t0, y0, options);
  },
};

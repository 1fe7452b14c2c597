// SPDX-License-Identifier: MIT
/**
 * Dormand–Prince 5(4), the explicit Runge–Kutta pair of Hairer's DOPRI5 (Hairer, Nørsett & Wanner, Solving
 * Ordinary Differential Equations I, 2nd ed., Springer 1993, §II.4–II.6): FSAL, PI step-size control, Shampine's
 * continuous extension of order 4 (Shampine, Math. Comp. 46, 1986), and Hairer's stiffness test (§IV.2 of volume
 * II) with a lower threshold, which the `auto` solver uses.
 */
import {
  NonFiniteStateError,
  StepSizeUnderflowError,
  TooManyStepsError,
  InvalidOptionError,
} from '../errors.js';
import type { OdeSolver, OdeStepper, OdeSystem, SolverOptions, SolverStats } from '../types.js';
import {
  checkStart,
  createStats,
  evaluateFiniteRhs,
  firstNonFinite,
  initialStepSize,
  largestScaledError,
  minStepAt,
  normalizeSolverOptions,
  scaledErrorNorm,
  type NormalizedOptions,
} from './common.js';

// Butcher tableau (Dormand & Prince 1980), as in Hairer's DOPRI5.
const C2 = 1 / 5;
const C3 = 3 / 10;
const C4 = 4 / 5;
const C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40;
const A32 = 9 / 40;
const A41 = 44 / 45;
const A42 = -56 / 15;
const A43 = 32 / 9;
const A51 = 19372 / 6561;
const A52 = -25360 / 2187;
const A53 = 64448 / 6561;
const A54 = -212 / 729;
const A61 = 9017 / 3168;
const A62 = -355 / 33;
const A63 = 46732 / 5247;
const A64 = 49 / 176;
const A65 = -5103 / 18656;
const A71 = 35 / 384;
const A73 = 500 / 1113;
const A74 = 125 / 192;
const A75 = -2187 / 6784;
const A76 = 11 / 84;
// Difference between the 5th- and 4th-order weights: the local error estimate.
const E1 = 71 / 57600;
const E3 = -71 / 16695;
const E4 = 71 / 1920;
const E5 = -17253 / 339200;
const E6 = 22 / 525;
const E7 = -1 / 40;
// Shampine's dense output of order 4 (coefficients of Hairer's CONTD5).
const D1 = -12715105075 / 11282082432;
const D3 = 87487479700 / 32700410799;
const D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632;
const D6 = -1453857185 / 822651844;
const D7 = 69997945 / 29380423;

// Step-size controller constants of DOPRI5: safety 0.9, 0.2 <= hnew/hold <= 10, PI with beta = 0.04.
const SAFETY = 0.9;
const FAC_MIN = 0.2;
const FAC_MAX = 10;
const BETA = 0.04;
const EXPO1 = 0.2 - BETA * 0.75;
// Hairer's stiffness test: h·|λ| estimated above a threshold on 15 steps (6 calm steps in between reset the count).
// Hairer uses 3.25, just under DOPRI5's real stability bound 3.3. The estimate ‖Δf‖/‖Δy‖ is a lower bound of the
// dominant |λ|, and on Robertson it sat between 3.0 and 3.25 for ~3800 stability-bound steps, so we use 2.5: an
// accuracy-bound step resolving a fast mode keeps h·|λ| well below 1 at the tolerances we run.
const STIFF_HLAMBDA = 2.5;
const STIFF_STEPS = 15;
const NONSTIFF_STEPS = 6;

/** A DOPRI5 integration in progress; implements {@link OdeStepper} and reports Hairer's stiffness test. */
export class Dopri5Stepper implements OdeStepper {
  // Time fields start as NaN, not undeclared: a class field without an initialiser is first defined as
  // `undefined` (ES2022 semantics), after which V8 stores every double written to it in a fresh heap number.
  t = Number.NaN;
  tPrev = Number.NaN;
  readonly y: Float64Array;
  readonly stats: SolverStats = createStats();
  /** True once Hairer's test has seen h·|λ| > 3.25 on 15 accepted steps: the problem looks stiff here. */
  stiffnessDetected = false;

  private readonly n: number;
  private readonly opts: NormalizedOptions;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly k5: Float64Array;
  private readonly k6: Float64Array;
  private readonly k7: Float64Array;
  private readonly yStage: Float64Array;
  private readonly yNew: Float64Array;
  private readonly errVec: Float64Array;
  // Dense output: y(θ) = r1 + θ(r2 + (1−θ)(r3 + θ(r4 + (1−θ) r5))).
  private readonly r1: Float64Array;
  private readonly r2: Float64Array;
  private readonly r3: Float64Array;
  private readonly r4: Float64Array;
  private readonly r5: Float64Array;
  private hDense = 0;
  /** Step size to try next (minutes): the controller's proposal, not shortened by stop times. */
  private h = Number.NaN;
  private facOld = 1e-4;
  private lastRejected = false;
  private attemptsSinceReset = 0;
  private stiffCount = 0;
  private nonStiffCount = 0;
  /** State index of the last non-finite trial value, -1 when the last attempt was finite. */
  private nonFiniteIndex = -1;
  /** State index with the largest scaled error in the last rejected step. */
  private largestErrorIndex: number | undefined;
  // The step being tried, its end time and its scaled error norm (NaN when a stage blew up) pass between step(),
  // attempt() and accept() in fields, not as arguments or return values: a double crossing a call that V8 does
  // not inline is boxed in a fresh heap number, several per step.
  private hTry = Number.NaN;
  private tEnd = Number.NaN;
  private lastError = Number.NaN;

  constructor(
    private readonly system: OdeSystem,
    t0: number,
    y0: Float64Array,
    options: SolverOptions,
  ) {
    const n = system.n;
    this.n = n;
    this.opts = normalizeSolverOptions(options, n);
    checkStart(t0, y0, n);
    const arrays = (): Float64Array => new Float64Array(n);
    this.y = Float64Array.from(y0);
    [this.k1, this.k2, this.k3, this.k4, this.k5, this.k6, this.k7] = [1, 2, 3, 4, 5, 6, 7].map(arrays);
    [this.yStage, this.yNew, this.errVec] = [1, 2, 3].map(arrays);
    [this.r1, this.r2, this.r3, this.r4, this.r5] = [1, 2, 3, 4, 5].map(arrays);
    this.t = t0;
    this.tPrev = t0;
    this.startAt(t0);
    this.h = this.opts.initialStep ?? this.automaticInitialStep();
  }

  /** The step size the controller proposes next (minutes). */
  get stepHint(): number {
    return this.h;
  }

  step(tStop: number): void {
    if (!(tStop > this.t)) {
      throw new InvalidOptionError('tStop', tStop, `a time after the current time ${this.t} min`);
    }
    if (tStop - this.t < minStepAt(this.t)) {
      this.eulerStep(tStop);
      return;
    }
    let hNatural = this.h;
    for (;;) {
      const clipped = this.t + 1.01 * Math.min(hNatural, this.opts.maxStep) >= tStop;
      const h = clipped ? tStop - this.t : Math.min(hNatural, this.opts.maxStep);
      this.hTry = h;
      this.guardAttempt();
      this.attempt();
      const err = this.lastError;
      if (!Number.isFinite(err)) {
        // A stage blew up: shrink hard and retry; persistent blow-up ends in guardAttempt.
        this.rejectNonFinite();
        hNatural = h * FAC_MIN;
        continue;
      }
      this.nonFiniteIndex = -1;
      const fac11 = Math.pow(err, EXPO1);
      if (err <= 1) {
        const fac = Math.max(
          1 / FAC_MAX,
          Math.min(1 / FAC_MIN, fac11 / Math.pow(this.facOld, BETA) / SAFETY),
        );
        let hNew = h / fac;
        if (this.lastRejected) hNew = Math.min(hNew, h);
        // A step cut short by tStop says little about the natural step: keep the larger proposal.
        this.h = clipped ? Math.max(hNew, Math.min(hNatural, this.opts.maxStep)) : hNew;
        this.facOld = Math.max(err, 1e-4);
        this.tEnd = clipped ? tStop : this.t + h;
        this.accept();
        return;
      }
      this.stats.rejected++;
      this.lastRejected = true;
      this.largestErrorIndex = largestScaledError(
        this.errVec,
        this.y,
        this.yNew,
        this.opts.atol,
        this.opts.rtol,
      );
      hNatural = h / Math.min(1 / FAC_MIN, fac11 / SAFETY);
    }
  }

  interpolate(t: number, out: Float64Array): void {
    if (this.hDense === 0) {
      out.set(this.y);
      return;
    }
    const theta = (t - this.tPrev) / this.hDense;
    const theta1 = 1 - theta;
    const { r1, r2, r3, r4, r5 } = this;
    for (let i = 0; i < this.n; i++) {
      out[i] = r1[i] + theta * (r2[i] + theta1 * (r3[i] + theta * (r4[i] + theta1 * r5[i])));
    }
  }

  reset(t: number, y: Float64Array): void {
    checkStart(t, y, this.n);
    this.y.set(y);
    this.t = t;
    this.tPrev = t;
    this.startAt(t);
  }

  /** Forgets history at (t, y): evaluates the FSAL slope, clears the controller memory and the dense output. */
  private startAt(t: number): void {
    evaluateFiniteRhs(this.system, t, this.y, this.k1);
    this.stats.rhsEvals++;
    this.hDense = 0;
    this.facOld = 1e-4;
    this.lastRejected = false;
    this.attemptsSinceReset = 0;
    this.nonFiniteIndex = -1;
    this.largestErrorIndex = undefined;
  }

  private automaticInitialStep(): number {
    this.stats.rhsEvals++;
    return initialStepSize(this.system, this.t, this.y, this.k1, 5, this.opts, this.yStage, this.k2);
  }

  /** Throws when the step `hTry` is too small to move time or the attempt budget is spent. */
  private guardAttempt(): void {
    const h = this.hTry;
    if (h < minStepAt(this.t)) {
      if (this.nonFiniteIndex >= 0) {
        throw new NonFiniteStateError({ t: this.t, stateIndex: this.nonFiniteIndex, stepSize: h });
      }
      throw new StepSizeUnderflowError(
        this.largestErrorIndex === undefined
          ? { t: this.t, stepSize: h }
          : { t: this.t, stepSize: h, stateIndex: this.largestErrorIndex },
      );
    }
    if (++this.attemptsSinceReset > this.opts.maxSteps) {
      throw new TooManyStepsError(this.t, this.opts.maxSteps);
    }
  }

  /** Computes stages 2–7 and the 5th-order solution for the step `hTry`; sets `lastError` (NaN on blow-up). */
  private attempt(): void {
    const { n, system, y, k1, k2, k3, k4, k5, k6, k7, yStage, yNew, errVec } = this;
    const t = this.t;
    const h = this.hTry;
    for (let i = 0; i < n; i++) yStage[i] = y[i] + h * A21 * k1[i];
    system.rhs(t + C2 * h, yStage, k2);
    for (let i = 0; i < n; i++) yStage[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
    system.rhs(t + C3 * h, yStage, k3);
    for (let i = 0; i < n; i++) yStage[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
    system.rhs(t + C4 * h, yStage, k4);
    for (let i = 0; i < n; i++) {
      yStage[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
    }
    system.rhs(t + C5 * h, yStage, k5);
    // yStage keeps the 6th stage point: the stiffness test compares it with the new solution.
    for (let i = 0; i < n; i++) {
      yStage[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
    }
    system.rhs(t + h, yStage, k6);
    for (let i = 0; i < n; i++) {
      yNew[i] = y[i] + h * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
    }
    system.rhs(t + h, yNew, k7);
    this.stats.rhsEvals += 6;
    for (let i = 0; i < n; i++) {
      errVec[i] = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
    }
    this.lastError = scaledErrorNorm(errVec, y, yNew, this.opts.atol, this.opts.rtol);
  }

  private rejectNonFinite(): void {
    this.stats.rejected++;
    this.lastRejected = true;
    const inY = firstNonFinite(this.yNew);
    this.nonFiniteIndex = inY >= 0 ? inY : Math.max(0, firstNonFinite(this.k7));
  }

  /** Commits the step `hTry` ending at `tEnd`: dense-output coefficients, stiffness test, y ← yNew, FSAL swap. */
  private accept(): void {
    const { n, y, k1, k3, k4, k5, k6, k7, yNew, r1, r2, r3, r4, r5 } = this;
    const h = this.hTry;
    const tNew = this.tEnd;
    for (let i = 0; i < n; i++) {
      const yDiff = yNew[i] - y[i];
      const bspl = h * k1[i] - yDiff;
      r1[i] = y[i];
      r2[i] = yDiff;
      r3[i] = bspl;
      r4[i] = yDiff - h * k7[i] - bspl;
      r5[i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
    }
    this.updateStiffnessTest(h);
    y.set(yNew);
    k1.set(k7);
    this.hDense = h;
    this.tPrev = this.t;
    this.t = tNew;
    this.stats.steps++;
    this.lastRejected = false;
  }

  /**
   * Crosses a gap too short for a Runge–Kutta step to resolve in float64 (two events a few ulps apart) with one
   * explicit Euler step, whose error h²·|y''| is negligible there; dense output is linear over the gap.
   */
  private eulerStep(tStop: number): void {
    const { n, y, k1, yNew, r1, r2, r3, r4, r5 } = this;
    const h = tStop - this.t;
    for (let i = 0; i < n; i++) {
      yNew[i] = y[i] + h * k1[i];
      r1[i] = y[i];
      r2[i] = yNew[i] - y[i];
    }
    r3.fill(0);
    r4.fill(0);
    r5.fill(0);
    y.set(yNew);
    evaluateFiniteRhs(this.system, tStop, y, k1);
    this.stats.rhsEvals++;
    this.hDense = h;
    this.tPrev = this.t;
    this.t = tStop;
    this.stats.steps++;
  }

  /** Hairer's test: h·‖f(y1) − f(ŷ6)‖/‖y1 − ŷ6‖ estimates h·|λ| of the dominant eigenvalue. */
  private updateStiffnessTest(h: number): void {
    const { n, k6, k7, yNew, yStage } = this;
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
      const a = k7[i] - k6[i];
      const b = yNew[i] - yStage[i];
      num += a * a;
      den += b * b;
    }
    if (den <= 0) return;
    if (h * Math.sqrt(num / den) > STIFF_HLAMBDA) {
      this.nonStiffCount = 0;
      if (++this.stiffCount >= STIFF_STEPS) this.stiffnessDetected = true;
    } else if (++this.nonStiffCount >= NONSTIFF_STEPS) {
      this.stiffCount = 0;
    }
  }
}

/**
 * Dormand–Prince 5(4) with dense output: the default for non-stiff models. Cost per accepted step: 6 right-hand
 * side evaluations (FSAL), O(n) work and no allocation.
 */
export const dopri5: OdeSolver = {
  name: 'dopri5',
  stiff: false,
  create(system: OdeSystem, t0: number, y0: Float64Array, options: SolverOptions): Dopri5Stepper {
    return new Dopri5Stepper(system, t0, y0, options);
  },
};

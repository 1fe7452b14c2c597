// SPDX-License-Identifier: MIT
/**
 * RODAS4: the stiffly accurate 6-stage Rosenbrock method of order 4(3) from Hairer's RODAS code (Hairer & Wanner,
 * Solving Ordinary Differential Equations II, 2nd ed., Springer 1996, §IV.7 and §VI.4; coefficients of ROCOEF,
 * METH = 1), with its own continuous extension of order 3 (the DENSE coefficients of RODAS), Gustafsson's
 * predictive step-size controller, and a Jacobian from the system's `jacobian` hook or from forward differences.
 *
 * Each stage solves (I/(hγ) − J) k_i = f(t + c_i h, Y_i) + h d_i f_t + Σ_j (c_ij / h) k_j with one LU factorisation
 * per step size; f_t, the explicit time derivative, is taken by a forward difference so time-dependent models keep
 * the method's order.
 */
import {
  InvalidOptionError,
  NonFiniteStateError,
  StepSizeUnderflowError,
  TooManyStepsError,
} from '../errors.js';
import type { OdeSolver, OdeStepper, OdeSystem, SolverOptions, SolverStats } from '../types.js';
import {
  EPS,
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
import { luFactor, luSolve } from './linear.js';

// Coefficients of RODAS (Hairer & Wanner 1996, METH = 1).
const GAMMA = 0.25;
const C2 = 0.386;
const C3 = 0.21;
const C4 = 0.63;
const D1 = 0.25;
const D2 = -0.1043;
const D3 = 0.1035;
const D4 = -0.03620000000000023;
const A21 = 1.544;
const A31 = 0.9466785280815826;
const A32 = 0.2557011698983284;
const A41 = 3.314825187068521;
const A42 = 2.896124015972201;
const A43 = 0.9986419139977817;
const A51 = 1.221224509226641;
const A52 = 6.019134481288629;
const A53 = 12.53708332932087;
const A54 = -0.687886036105895;
const C21 = -5.6688;
const C31 = -2.430093356833875;
const C32 = -0.2063599157091915;
const C41 = -0.1073529058151375;
const C42 = -9.594562251023355;
const C43 = -20.47028614809616;
const C51 = 7.496443313967647;
const C52 = -10.24680431464352;
const C53 = -33.99990352819905;
const C54 = 11.7089089320616;
const C61 = 8.083246795921522;
const C62 = -7.981132988064893;
const C63 = -31.52159432874371;
const C64 = 16.31930543123136;
const C65 = -6.058818238834054;
// Dense output: y(θ) = (1−θ) y0 + θ (y1 + (1−θ)(q2 + θ q3)), q2 = Σ D2j k_j, q3 = Σ D3j k_j.
const D21 = 10.12623508344586;
const D22 = -7.487995877610167;
const D23 = -34.80091861555747;
const D24 = -7.992771707568823;
const D25 = 1.025137723295662;
const D31 = -0.6762803392801253;
const D32 = 6.087714651680015;
const D33 = 16.43084320892478;
const D34 = 24.76722511418386;
const D35 = -6.594389125716872;

// Step-size control of RODAS: safety 0.9, 0.2 <= hnew/hold <= 6, error exponent 1/4, Gustafsson's predictor.
const SAFETY = 0.9;
const FAC1 = 5;
const FAC2 = 1 / 6;

const SQRT_EPS = Math.sqrt(EPS);

/** A RODAS4 integration in progress; implements {@link OdeStepper}. */
export class Rodas4Stepper implements OdeStepper {
  // Time fields start as NaN, not undeclared: a class field without an initialiser is first defined as
  // `undefined` (ES2022 semantics), after which V8 stores every double written to it in a fresh heap number.
  t = Number.NaN;
  tPrev = Number.NaN;
  readonly y: Float64Array;
  readonly stats: SolverStats = createStats();

  private readonly n: number;
  private readonly opts: NormalizedOptions;
  private readonly f0: Float64Array;
  private readonly ft: Float64Array;
  private readonly dy: Float64Array;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly k5: Float64Array;
  private readonly k6: Float64Array;
  private readonly yStage: Float64Array;
  private readonly yNew: Float64Array;
  private readonly jac: Float64Array;
  private readonly lu: Float64Array;
  private readonly pivots: Int32Array;
  /** Per-state scale below which finite-difference increments stop shrinking: atol_i / rtol. */
  private readonly jacobianFloor: Float64Array;
  // Dense output of the last step.
  private readonly y0Dense: Float64Array;
  private readonly q2: Float64Array;
  private readonly q3: Float64Array;
  private hDense = 0;
  private h = Number.NaN;
  private jacobianFresh = false;
  private lastRejected = false;
  private hAcc = 0;
  private errAcc = 0;
  private acceptedSinceReset = 0;
  private attemptsSinceReset = 0;
  private nonFiniteIndex = -1;
  private largestErrorIndex: number | undefined;

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
    const vector = (): Float64Array => new Float64Array(n);
    this.y = Float64Array.from(y0);
    [this.f0, this.ft, this.dy, this.yStage, this.yNew] = [1, 2, 3, 4, 5].map(vector);
    [this.k1, this.k2, this.k3, this.k4, this.k5, this.k6] = [1, 2, 3, 4, 5, 6].map(vector);
    [this.y0Dense, this.q2, this.q3] = [1, 2, 3].map(vector);
    this.jac = new Float64Array(n * n);
    this.lu = new Float64Array(n * n);
    this.pivots = new Int32Array(n);
    this.jacobianFloor = this.opts.atol.map((a) => a / this.opts.rtol);
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
    if (!this.jacobianFresh) this.prepareJacobian();
    let hNatural = this.h;
    for (;;) {
      const clipped = this.t + 1.01 * Math.min(hNatural, this.opts.maxStep) >= tStop;
      const h = clipped ? tStop - this.t : Math.min(hNatural, this.opts.maxStep);
      this.guardAttempt(h);
      const err = this.attempt(h);
      if (!Number.isFinite(err)) {
        this.rejectNonFinite();
        hNatural = h / FAC1;
        continue;
      }
      this.nonFiniteIndex = -1;
      let fac = Math.max(FAC2, Math.min(FAC1, Math.sqrt(Math.sqrt(err)) / SAFETY));
      if (err <= 1 && !this.slopeAtNewPointIsFinite(h)) {
        // f is not finite at the proposed solution (e.g. the step left the model's domain): shrink and retry.
        this.rejectNonFinite();
        hNatural = h / FAC1;
        continue;
      }
      if (err <= 1) {
        fac = this.predictiveFactor(h, err, fac);
        let hNew = h / fac;
        if (this.lastRejected) hNew = Math.min(hNew, h);
        this.h = clipped ? Math.max(hNew, Math.min(hNatural, this.opts.maxStep)) : hNew;
        this.accept(h, clipped ? tStop : this.t + h);
        return;
      }
      this.stats.rejected++;
      this.lastRejected = true;
      this.largestErrorIndex = largestScaledError(this.k6, this.y, this.yNew, this.opts.atol, this.opts.rtol);
      hNatural = h / fac;
    }
  }

  interpolate(t: number, out: Float64Array): void {
    if (this.hDense === 0) {
      out.set(this.y);
      return;
    }
    const s = (t - this.tPrev) / this.hDense;
    const s1 = 1 - s;
    const { y0Dense, y, q2, q3 } = this;
    for (let i = 0; i < this.n; i++) {
      out[i] = s1 * y0Dense[i] + s * (y[i] + s1 * (q2[i] + s * q3[i]));
    }
  }

  reset(t: number, y: Float64Array): void {
    checkStart(t, y, this.n);
    this.y.set(y);
    this.t = t;
    this.tPrev = t;
    this.startAt(t);
  }

  private startAt(t: number): void {
    evaluateFiniteRhs(this.system, t, this.y, this.f0);
    this.stats.rhsEvals++;
    this.hDense = 0;
    this.jacobianFresh = false;
    this.lastRejected = false;
    this.acceptedSinceReset = 0;
    this.attemptsSinceReset = 0;
    this.nonFiniteIndex = -1;
    this.largestErrorIndex = undefined;
  }

  private automaticInitialStep(): number {
    this.stats.rhsEvals++;
    return initialStepSize(this.system, this.t, this.y, this.f0, 4, this.opts, this.yStage, this.dy);
  }

  /**
   * Jacobian ∂f/∂y and time derivative ∂f/∂t at the current point; f0 = f(t, y) is already known. Column j of the
   * finite-difference Jacobian uses the increment √eps·max(|y_j|, atol_j/rtol). The common √eps·max(|y_j|, 1)
   * over-perturbs states that live far below 1 (Robertson's y2 ≈ 1e-5: its curvature term 3e7·δ spoilt J and cost
   * ten times more steps); atol_j/rtol is the magnitude below which a state is noise to the error control anyway.
   */
  private prepareJacobian(): void {
    const { system, n, y, f0, jac, ft, dy } = this;
    const t = this.t;
    if (system.jacobian) {
      system.jacobian(t, y, jac);
    } else {
      for (let j = 0; j < n; j++) {
        const yj = y[j];
        const delta = SQRT_EPS * Math.max(Math.abs(yj), this.jacobianFloor[j]);
        y[j] = yj + delta;
        system.rhs(t, y, dy);
        y[j] = yj;
        const inv = 1 / delta;
        for (let i = 0; i < n; i++) jac[i * n + j] = (dy[i] - f0[i]) * inv;
      }
      this.stats.rhsEvals += n;
    }
    const dt = Math.sqrt(EPS * Math.max(1e-5, Math.abs(t)));
    system.rhs(t + dt, y, dy);
    for (let i = 0; i < n; i++) ft[i] = (dy[i] - f0[i]) / dt;
    this.stats.rhsEvals++;
    this.stats.jacobianEvals++;
    this.jacobianFresh = true;
  }

  /** Factorises I/(hγ) − J; false when singular or non-finite. */
  private factor(h: number): boolean {
    const { n, jac, lu } = this;
    const diag = 1 / (h * GAMMA);
    for (let k = 0; k < n * n; k++) lu[k] = -jac[k];
    for (let i = 0; i < n; i++) lu[i * n + i] += diag;
    this.stats.factorizations++;
    return luFactor(lu, n, this.pivots);
  }

  private guardAttempt(h: number): void {
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

  /** Six stages and the new solution for step h; returns the scaled error norm of k6 (NaN if anything blew up). */
  private attempt(h: number): number {
    if (!this.factor(h)) return NaN;
    const { n, system, y, f0, ft, dy, k1, k2, k3, k4, k5, k6, yStage, yNew } = this;
    const t = this.t;
    const ih = 1 / h;
    for (let i = 0; i < n; i++) k1[i] = f0[i] + h * D1 * ft[i];
    this.solve(k1);

    for (let i = 0; i < n; i++) yStage[i] = y[i] + A21 * k1[i];
    system.rhs(t + C2 * h, yStage, dy);
    for (let i = 0; i < n; i++) k2[i] = dy[i] + h * D2 * ft[i] + ih * C21 * k1[i];
    this.solve(k2);

    for (let i = 0; i < n; i++) yStage[i] = y[i] + A31 * k1[i] + A32 * k2[i];
    system.rhs(t + C3 * h, yStage, dy);
    for (let i = 0; i < n; i++) k3[i] = dy[i] + h * D3 * ft[i] + ih * (C31 * k1[i] + C32 * k2[i]);
    this.solve(k3);

    for (let i = 0; i < n; i++) yStage[i] = y[i] + A41 * k1[i] + A42 * k2[i] + A43 * k3[i];
    system.rhs(t + C4 * h, yStage, dy);
    for (let i = 0; i < n; i++) {
      k4[i] = dy[i] + h * D4 * ft[i] + ih * (C41 * k1[i] + C42 * k2[i] + C43 * k3[i]);
    }
    this.solve(k4);

    for (let i = 0; i < n; i++) yStage[i] = y[i] + A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i];
    system.rhs(t + h, yStage, dy);
    for (let i = 0; i < n; i++) k5[i] = dy[i] + ih * (C51 * k1[i] + C52 * k2[i] + C53 * k3[i] + C54 * k4[i]);
    this.solve(k5);

    // Embedded (3rd-order) solution Y6 = Y5 + k5; the last stage k6 is both the correction and the error estimate.
    for (let i = 0; i < n; i++) yStage[i] += k5[i];
    system.rhs(t + h, yStage, dy);
    for (let i = 0; i < n; i++) {
      k6[i] = dy[i] + ih * (C61 * k1[i] + C62 * k2[i] + C63 * k3[i] + C64 * k4[i] + C65 * k5[i]);
    }
    this.solve(k6);
    for (let i = 0; i < n; i++) yNew[i] = yStage[i] + k6[i];
    this.stats.rhsEvals += 5;
    return scaledErrorNorm(k6, y, yNew, this.opts.atol, this.opts.rtol);
  }

  private solve(b: Float64Array): void {
    luSolve(this.lu, this.n, this.pivots, b);
  }

  /** Gustafsson's predictive controller (RODAS default): may shorten the step when the error is growing. */
  private predictiveFactor(h: number, err: number, fac: number): number {
    let result = fac;
    if (this.acceptedSinceReset > 0) {
      const facGus = Math.max(
        FAC2,
        Math.min(FAC1, ((this.hAcc / h) * Math.sqrt(Math.sqrt((err * err) / this.errAcc))) / SAFETY),
      );
      result = Math.max(fac, facGus);
    }
    this.hAcc = h;
    this.errAcc = Math.max(1e-2, err);
    return result;
  }

  /** Evaluates f(t + h, yNew) into `dy` (the next step's f0); false when it is not finite. */
  private slopeAtNewPointIsFinite(h: number): boolean {
    this.system.rhs(this.t + h, this.yNew, this.dy);
    this.stats.rhsEvals++;
    return firstNonFinite(this.dy) < 0;
  }

  private rejectNonFinite(): void {
    this.stats.rejected++;
    this.lastRejected = true;
    const inY = firstNonFinite(this.yNew);
    this.nonFiniteIndex = inY >= 0 ? inY : Math.max(0, firstNonFinite(this.dy));
  }

  /**
   * Crosses a gap too short for a Rosenbrock step to resolve in float64 (two events a few ulps apart) with one
   * explicit Euler step, whose error h²·|y''| is negligible there; dense output is linear over the gap.
   */
  private eulerStep(tStop: number): void {
    const { n, y, f0, y0Dense } = this;
    const h = tStop - this.t;
    y0Dense.set(y);
    for (let i = 0; i < n; i++) y[i] += h * f0[i];
    this.q2.fill(0);
    this.q3.fill(0);
    evaluateFiniteRhs(this.system, tStop, y, f0);
    this.stats.rhsEvals++;
    this.hDense = h;
    this.tPrev = this.t;
    this.t = tStop;
    this.stats.steps++;
    this.jacobianFresh = false;
  }

  /** Commits the step: dense output, y ← yNew, f0 ← f(yNew) (in `dy`); the Jacobian is renewed at the next step. */
  private accept(h: number, tNew: number): void {
    const { n, y, yNew, k1, k2, k3, k4, k5, y0Dense, q2, q3 } = this;
    for (let i = 0; i < n; i++) {
      y0Dense[i] = y[i];
      q2[i] = D21 * k1[i] + D22 * k2[i] + D23 * k3[i] + D24 * k4[i] + D25 * k5[i];
      q3[i] = D31 * k1[i] + D32 * k2[i] + D33 * k3[i] + D34 * k4[i] + D35 * k5[i];
    }
    y.set(yNew);
    this.hDense = h;
    this.tPrev = this.t;
    this.t = tNew;
    this.stats.steps++;
    this.acceptedSinceReset++;
    this.lastRejected = false;
    this.jacobianFresh = false;
    this.f0.set(this.dy);
  }
}

/**
 * RODAS4 Rosenbrock method for stiff models (L-stable, stiffly accurate). Cost per step: 6 right-hand-side
 * evaluations, one Jacobian (n + 1 evaluations by finite differences unless the system provides `jacobian`) and one
 * n×n LU factorisation per tried step size. Dense output: RODAS's own order-3 continuous extension.
 */
export const rodas4: OdeSolver = {
  name: 'rodas4',
  stiff: true,
  create(system: OdeSystem, t0: number, y0: Float64Array, options: SolverOptions): Rodas4Stepper {
    return new Rodas4Stepper(system, t0, y0, options);
  },
};

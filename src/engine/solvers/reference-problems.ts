// SPDX-License-Identifier: MIT
/**
 * Standard test problems with known solutions, shared by the solver conformance suite and the benchmarks. Each
 * returns a plain {@link OdeSystem}; reference values carry their source.
 */
import type { IntegrableModel } from '../integrate.js';
import type { OdeSystem } from '../types.js';

/** y' = −k·y: solution y0·e^(−k t). */
export function exponentialDecay(k: number): OdeSystem {
  return {
    n: 1,
    rhs(_t, y, dydt) {
      dydt[0] = -k * y[0];
    },
  };
}

/** Rate constants (1/min) of a one-compartment model with first-order absorption. */
export interface OralOneCompartmentRates {
  /** Absorption rate constant from the depot. */
  readonly ka: number;
  /** Elimination rate constant from the central compartment. */
  readonly ke: number;
}

/** Depot → central → out: y = [depot amount, central amount]. */
export function oralOneCompartment({ ka, ke }: OralOneCompartmentRates): OdeSystem {
  return {
    n: 2,
    rhs(_t, y, dydt) {
      const absorption = ka * y[0];
      dydt[0] = -absorption;
      dydt[1] = absorption - ke * y[1];
    },
  };
}

/**
 * Bateman's closed form: central amount at time `t` (min) after an oral `dose` given at time 0 into an empty
 * system, for ka ≠ ke: dose·ka/(ka − ke)·(e^(−ke t) − e^(−ka t)). Zero for t < 0.
 */
export function batemanCentralAmount({ ka, ke }: OralOneCompartmentRates, dose: number, t: number): number {
  if (t < 0) return 0;
  return ((dose * ka) / (ka - ke)) * (Math.exp(-ke * t) - Math.exp(-ka * t));
}

/**
 * Van der Pol in the scaled form of the stiff test sets: y1' = y2, y2' = ((1 − y1²)·y2 − y1)/ε, which is μ = 1/√ε
 * after rescaling time by μ (ε = 1e-6 ↔ μ = 1000). Provides the analytic Jacobian when `withJacobian`.
 */
export function vanDerPolScaled(epsilon: number, withJacobian = false): OdeSystem {
  const system: OdeSystem = {
    n: 2,
    rhs(_t, y, dydt) {
      dydt[0] = y[1];
      dydt[1] = ((1 - y[0] * y[0]) * y[1] - y[0]) / epsilon;
    },
  };
  if (!withJacobian) return system;
  return {
    ...system,
    jacobian(_t, y, J) {
      J[0] = 0;
      J[1] = 1;
      J[2] = (-2 * y[0] * y[1] - 1) / epsilon;
      J[3] = (1 - y[0] * y[0]) / epsilon;
    },
  };
}

/**
 * Reference solution of VDPOL (ε = 1e-6, y(0) = (2, 0)) at t = 2, from the Test Set for IVP Solvers (F. Mazzia &
 * F. Iavernaro, University of Bari, release 2.4, problem VDPOL; computed there with RADAU5 at tight tolerance).
 * SciPy's Radau at rtol 1e-12 reproduces it to 7e-14 (1.7061677321704154, −0.8928097010248699).
 */
export const VAN_DER_POL_REFERENCE_T2 = [1.706167732170483, -0.8928097010247975] as const;

/**
 * Robertson's chemical kinetics (Robertson 1966), the classic stiff test of Hairer & Wanner, Solving ODEs II,
 * §IV.1 (problem ROBER of their stiff test set): y1' = −0.04 y1 + 1e4 y2 y3, y2' = 0.04 y1 − 1e4 y2 y3 − 3e7 y2², y3' = 3e7 y2²; y(0) = (1, 0, 0).
 */
export function robertson(withJacobian = false): OdeSystem {
  const system: OdeSystem = {
    n: 3,
    rhs(_t, y, dydt) {
      const r1 = 0.04 * y[0];
      const r2 = 1e4 * y[1] * y[2];
      const r3 = 3e7 * y[1] * y[1];
      dydt[0] = -r1 + r2;
      dydt[1] = r1 - r2 - r3;
      dydt[2] = r3;
    },
  };
  if (!withJacobian) return system;
  return {
    ...system,
    jacobian(_t, y, J) {
      J[0] = -0.04;
      J[1] = 1e4 * y[2];
      J[2] = 1e4 * y[1];
      J[3] = 0.04;
      J[4] = -1e4 * y[2] - 6e7 * y[1];
      J[5] = -1e4 * y[1];
      J[6] = 0;
      J[7] = 6e7 * y[1];
      J[8] = 0;
    },
  };
}

/**
 * Robertson reference values at t = 40 and t = 1e5, computed for this project with SciPy 1.17 `solve_ivp(method =
 * 'Radau', rtol = 1e-12, atol = (1e-16, 1e-22, 1e-16))` and the analytic Jacobian. At t = 40 they agree with the
 * 4–10 digits commonly published for this problem (e.g. SUNDIALS' cvRoberts_dns example output 7.1583e-1,
 * 9.1855e-6, 2.8416e-1). The Bari Test Set for IVP Solvers tabulates ROBER at its end point t = 1e11 only.
 */
export const ROBERTSON_REFERENCE: Readonly<Record<'40' | '100000', readonly [number, number, number]>> = {
  '40': [0.7158270687194057, 9.185534764557793e-6, 0.28416374574583003],
  '100000': [0.017865921142099846, 7.274751468436488e-8, 0.9821340061103839],
};

/** Rate constants (1/min) of a linear three-compartment PK chain. */
export interface PkChainRates {
  /** Absorption, depot → central. */
  readonly ka: number;
  /** Distribution, central → peripheral. */
  readonly k12: number;
  /** Redistribution, peripheral → central. */
  readonly k21: number;
  /** Elimination from central. */
  readonly k10: number;
}

/**
 * depot → central ⇄ peripheral, central → eliminated: y = [depot, central, peripheral, eliminated] (amounts). The
 * last state accumulates what left the body, so the sum of all four is conserved (mass balance).
 */
export function pkChain({ ka, k12, k21, k10 }: PkChainRates): OdeSystem {
  return {
    n: 4,
    rhs(_t, y, dydt) {
      const absorption = ka * y[0];
      const toPeripheral = k12 * y[1];
      const back = k21 * y[2];
      const elimination = k10 * y[1];
      dydt[0] = -absorption;
      dydt[1] = absorption - toPeripheral + back - elimination;
      dydt[2] = toPeripheral - back;
      dydt[3] = elimination;
    },
  };
}

/**
 * Wraps a plain system as a model the integration driver accepts: states `y0, y1, …`, no parameters, no inputs,
 * and one output per state equal to the state.
 */
export function systemAsModel(system: OdeSystem, initial: readonly number[]): IntegrableModel {
  const stateNames = initial.map((_, i) => `y${i}`);
  return {
    stateNames,
    parameterNames: [],
    inputNames: [],
    outputNames: stateNames,
    rhs: (t, y, _p, _u, dydt) => system.rhs(t, y, dydt),
    outputsFn: (_t, y, _p, _u, out) => out.set(y),
    initialState: () => Float64Array.from(initial),
    defaultParameters: () => new Float64Array(0),
    defaultInputs: () => new Float64Array(0),
  };
}

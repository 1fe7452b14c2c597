// SPDX-License-Identifier: MIT
/** The solver registry: every {@link OdeSolver} by name. */
import { InvalidOptionError } from '../errors.js';
import type { OdeSolver } from '../types.js';
import { auto } from './auto.js';
import { dopri5 } from './dopri5.js';
import { rodas4 } from './rodas4.js';

export { auto, AutoStepper, type AutoMethod } from './auto.js';
export { dopri5, Dopri5Stepper } from './dopri5.js';
export { rodas4, Rodas4Stepper } from './rodas4.js';

/** Names accepted by {@link getSolver}. */
export type SolverName = 'dopri5' | 'rodas4' | 'auto';

/** Every solver, in the order the conformance suite runs them. */
export const allSolvers: readonly OdeSolver[] = [dopri5, rodas4, auto];

/** The names of every solver, for option validation and help texts. */
export const solverNames: readonly SolverName[] = ['dopri5', 'rodas4', 'auto'];

/**
 * Looks a solver up by name.
 * @throws InvalidOptionError for an unknown name.
 * @example getSolver('auto').create(system, 0, y0, { rtol: 1e-6, atol: 1e-9 })
 */
export function getSolver(name: SolverName): OdeSolver {
  switch (name) {
    case 'dopri5':
      return dopri5;
    case 'rodas4':
      return rodas4;
    case 'auto':
      return auto;
    default:
      throw new InvalidOptionError('solver', name, `one of ${solverNames.map((s) => `'${s}'`).join(', ')}`);
  }
}
